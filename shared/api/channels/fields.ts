import { z } from 'zod';
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../../agreement/bootstrap';
import { DEFAULT_MINIMUM } from '../../agreement/interpretation';
import { withNameRule } from '../../domain/names';
import { memoTargetSchema } from '../../domain/schemas';
import { textEncodings } from '../../text/encodings';
import { contextUnits } from '../../text/units';

/** The pieces channel inputs are made of, and the limits they share. */

export const path = z.string().min(1).max(4096);
export const entityId = z.string().min(1).max(64);
export const offset = z.number().int().nonnegative().max(2 ** 31);
export const name = withNameRule(z.string().trim().min(1).max(200));
export const shortName = withNameRule(z.string().trim().min(1).max(100));
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
export const none = z.object({}).strict();
export const span = { start: offset, end: offset };
export const spanRefined = <T extends { start: number; end: number }>(s: T) => s.end > s.start;
export const spanMessage = { message: 'end must be after start' };
/** A memo's target as the files hold it, with nothing else allowed in a request. */
export const memoTarget = z.discriminatedUnion(
  'type',
  memoTargetSchema.options.map((option) => option.strict()) as unknown as typeof memoTargetSchema.options,
);
/** A text or CSV file's encoding, chosen by the user over the detected one (preview and import alike). */
export const textEncoding = z.enum(textEncodings);
export const importSource = z.union([z.object({ stagedId: z.string().uuid() }).strict(), z.object({ path }).strict()]);
export const importOptions = z
  .object({
    speakers: z.enum(['auto', 'none', 'colon', 'bracket', 'dash']).optional(),
    /** Read a plain-text or CSV file in this encoding instead of the detected one. */
    encoding: textEncoding.optional(),
    splitLongLines: z.boolean().optional(),
    spreadsheet: z
      .object({
        sheet: z.string().max(200).optional(),
        textColumns: z.array(z.string().max(500)).min(1).max(100),
        mode: z.enum(['row', 'group']),
        groupColumn: z.string().max(500).optional(),
        nameColumn: z.string().max(500).optional(),
      })
      .strict()
      .optional(),
    attributeTable: z.object({ sheet: z.string().max(200).optional(), nameColumn: z.string().max(500) }).strict().optional(),
    refi: z.object({ coderFrom: z.enum(['selection', 'coding']).optional(), mergeOverlaps: z.boolean().optional() }).strict().optional(),
  })
  .strict();

/** What an export or an analysis covers: codes (with sub-codes), documents, coders; null = all. */
export const selectionSchema = z
  .object({
    codeIds: z.array(entityId).max(10_000).nullable(),
    documentIds: z.array(entityId).max(100_000).nullable(),
    attributes: z.record(z.string().max(100), z.array(z.union([z.string(), z.number()])).max(1000)),
    coderIds: z.array(entityId).max(1000).nullable(),
  })
  .strict();
export const agreementRequest = {
  coderIds: z.array(entityId).min(2).max(50),
  codeIds: z.array(entityId).max(10_000).nullable(),
  documentIds: z.array(entityId).max(100_000).nullable(),
  attributes: z.record(z.string().max(100), z.array(z.union([z.string(), z.number()])).max(1000)),
  mode: z.enum(['character', 'unitized', 'segment', 'presence']),
  threshold: z.number().gt(0).max(1).default(0.9),
  q: z.number().int().min(2).max(100_000).nullable().default(null),
  /** Compare every document chosen, not only those every coder worked on (see shared/agreement/scope.ts). */
  allDocuments: z.boolean().default(false),
  /** The minimum a chance-corrected figure is held to; the intervals give the chance α falls below it. */
  minimum: z.number().min(0).max(1).default(DEFAULT_MINIMUM),
  bands: z.enum(['krippendorff', 'landis-koch']).default('krippendorff'),
  /** Bootstrap resamples for the 95 % intervals (0: none), and their seed. */
  samples: z.number().int().min(0).max(10_000).default(DEFAULT_RESAMPLES),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(DEFAULT_SEED),
};

/** Requests that carry a whole file (an upload, a colleague's coding) may be this large. */
export const LARGE_REQUEST_BYTES = 150 * 1024 * 1024;

export const templateIds = ['thrive-ldn', 'empty'] as const;
export type TemplateId = (typeof templateIds)[number];

/**
 * Attribute filter: a document passes when, for every attribute named, its value is one of those
 * listed, and, when `SET_FILTER_KEY` lists document set ids, it is in one of those sets. The set
 * criterion rides in the same record so every place that filters by attributes filters by sets.
 */
export const attributeFilterSchema = z.record(z.string().max(100), z.array(z.union([z.string(), z.number()])).max(1000));
export type AttributeFilter = z.infer<typeof attributeFilterSchema>;

/**
 * An order for documents other than the list's (rank): by name (`attribute` null) or by one
 * attribute's value (numbers and dates in order, text alphabetically), documents without a value
 * last either way; ties keep rank order. The attribute grid's column sort.
 */
export const documentSortSchema = z.object({ attribute: z.string().max(100).nullable(), descending: z.boolean() }).strict();
export type DocumentSort = z.infer<typeof documentSortSchema>;

/** A text search across the documents passing the attribute filter. */
export const searchRequest = {
  query: z.string().min(1).max(1000),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
  /** The query is a regular expression (run apart from the app, stopped after a time limit). */
  pattern: z.boolean().optional(),
  attributes: attributeFilterSchema,
};
/** A coding query as written (the language: shared/query/parser.ts). */
export const queryText = z.string().trim().min(1).max(10_000);
/** Passages query.run sends back at most (the rest are counted): about 2 MB of context. */
export const QUERY_PASSAGES_SHOWN = 5000;

/** Which text words are counted in (shared/words/word-scope.ts). */
export const wordScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('documents'), documentIds: z.array(entityId).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('attribute'), name: z.string().min(1).max(100), value: z.union([z.string().max(1000), z.number()]) }).strict(),
  z.object({ kind: z.literal('code'), codeId: entityId, coderIds: z.array(entityId).max(1000).nullable() }).strict(),
  z.object({ kind: z.literal('query'), query: queryText }).strict(),
]);
export const wordRequest = {
  scope: wordScope,
  /** Folded words left out (the user's edited list, as it stands). */
  stopWords: z.array(z.string().max(100)).max(10_000),
  /** Count a word's forms together (English stemming). */
  stem: z.boolean(),
};
/** The order of a word table's rows (shared/words/word-sort.ts). */
export const wordSortSchema = z.object({ key: z.enum(['word', 'count', 'documents']), descending: z.boolean() }).strict();
/** Occurrences words.passages sends back at most (rows of words.frequencies: WORDS_SHOWN in ../limits). */
export const WORD_PASSAGES_SHOWN = 2000;

/** What "code all results as …" codes around each match. */
export const contextUnit = z.enum(contextUnits);
