import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { withAttributeNameRule, withNameRule } from '../domain/names';
import { attributeTypeSchema, attributeValueSchema, codeDescriptionSchema, coderViewSchema, memoTargetSchema } from '../domain/schemas';
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../agreement/bootstrap';
import { DEFAULT_MINIMUM } from '../agreement/interpretation';
import type { ShellCommand } from '../commands/commands';
import { textEncodings } from '../text/encodings';
import { contextUnits } from '../text/units';
import type {
  AgreementCells,
  AgreementResult,
  AutocodePreview,
  AppState,
  DisagreementPage,
  ExchangeImportResult,
  ExportChunk,
  ExportFile,
  ExportedFile,
  FolderListing,
  MatrixView,
  CoOccurrenceView,
  ImportInspection,
  ImportRunResult,
  ChangeResult,
  CoderCoding,
  DocumentOutline,
  DocumentPage,
  DocumentSummary,
  TextPiece,
  HistoryState,
  ProjectSnapshot,
  RepairResult,
  RestoreResult,
  QueryOutcome,
  SearchResult,
  SegmentView,
  WordPassages,
  WordTable,
} from './views';

import { DISAGREEMENT_PAGE, MAX_DISAGREEMENT_PAGE, MAX_DOCUMENT_PAGE } from './limits';

export type * from './views';
export type { AttributeFacet, FacetValue } from './document-pages';
import type { AttributeFacet } from './document-pages';

/**
 * The one contract between the UI and the backend. Each channel names its kind, its input
 * schema (checked at the transport, so a malformed request never reaches a service) and its
 * output type. Electron's IPC, browser mode's HTTP and the renderer's client are all typed
 * from this object: renaming a channel breaks the type check everywhere it is used.
 *
 * Kinds, declared here once and nowhere else (the write queue, the HTTP limits and the
 * renderer's "this changes data" set are derived from them):
 * - query: reads; runs at once.
 * - change: changes the project or the app's state; runs in the write queue, one at a time.
 * - job: long work with progress events (imports, exports); runs outside the queue and, if it
 *   changes the project, applies one patch through the queue when it is done.
 */
export type ChannelKind = 'query' | 'change' | 'job';

/** A phantom marker carrying an output type; it exists only for the type checker. */
function returns<T>(): T {
  return undefined as T;
}

const path = z.string().min(1).max(4096);
const entityId = z.string().min(1).max(64);
const offset = z.number().int().nonnegative().max(2 ** 31);
const name = withNameRule(z.string().trim().min(1).max(200));
const shortName = withNameRule(z.string().trim().min(1).max(100));
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const none = z.object({}).strict();
const span = { start: offset, end: offset };
const spanRefined = <T extends { start: number; end: number }>(s: T) => s.end > s.start;
const spanMessage = { message: 'end must be after start' };
/** A memo's target as the files hold it, with nothing else allowed in a request. */
const memoTarget = z.discriminatedUnion(
  'type',
  memoTargetSchema.options.map((option) => option.strict()) as unknown as typeof memoTargetSchema.options,
);
/** A text or CSV file's encoding, chosen by the user over the detected one (preview and import alike). */
const textEncoding = z.enum(textEncodings);
const importSource = z.union([z.object({ stagedId: z.string().uuid() }).strict(), z.object({ path }).strict()]);
const importOptions = z
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
const selectionSchema = z
  .object({
    codeIds: z.array(entityId).max(10_000).nullable(),
    documentIds: z.array(entityId).max(100_000).nullable(),
    attributes: z.record(z.string().max(100), z.array(z.union([z.string(), z.number()])).max(1000)),
    coderIds: z.array(entityId).max(1000).nullable(),
  })
  .strict();
const agreementRequest = {
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
const searchRequest = {
  query: z.string().min(1).max(1000),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
  /** The query is a regular expression (run apart from the app, stopped after a time limit). */
  pattern: z.boolean().optional(),
  attributes: attributeFilterSchema,
};
/** A coding query as written (the language: shared/query/parser.ts). */
const queryText = z.string().trim().min(1).max(10_000);
/** Passages query.run sends back at most (the rest are counted): about 2 MB of context. */
export const QUERY_PASSAGES_SHOWN = 5000;

/** Which text words are counted in (shared/words/word-scope.ts). */
const wordScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('documents'), documentIds: z.array(entityId).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('attribute'), name: z.string().min(1).max(100), value: z.union([z.string().max(1000), z.number()]) }).strict(),
  z.object({ kind: z.literal('code'), codeId: entityId, coderIds: z.array(entityId).max(1000).nullable() }).strict(),
  z.object({ kind: z.literal('query'), query: queryText }).strict(),
]);
const wordRequest = {
  scope: wordScope,
  /** Folded words left out (the user's edited list, as it stands). */
  stopWords: z.array(z.string().max(100)).max(10_000),
  /** Count a word's forms together (English stemming). */
  stem: z.boolean(),
};
/** Rows words.frequencies sends back at most, and occurrences words.passages. */
export const WORDS_SHOWN = 2000;
export const WORD_PASSAGES_SHOWN = 2000;

/** What "code all results as …" codes around each match. */
const contextUnit = z.enum(contextUnits);

export const contract = {
  'app.getState': { kind: 'query', input: none, output: returns<AppState>() },
  /** Sets the user's coder name (kept in app settings); in an open project they then code as that coder. */
  'app.setCoderName': { kind: 'change', input: z.object({ name: shortName }).strict(), output: returns<AppState>() },

  'project.open': { kind: 'change', input: z.object({ path }).strict(), output: returns<ProjectSnapshot>() },
  'project.create': {
    kind: 'change',
    input: z.object({ path, name, template: z.enum(templateIds) }).strict(),
    output: returns<ProjectSnapshot>(),
  },
  'project.openSample': { kind: 'change', input: none, output: returns<ProjectSnapshot>() },
  /**
   * Restores a damaged or missing project.json or coder file from its newest backup that
   * validates (or the named one), keeping the damaged file in damaged/, then opens the project.
   * Offered by errors that carry `restore` (see RestoreOffer in errors.ts).
   */
  'project.restoreBackup': {
    kind: 'change',
    input: z
      .object({
        path,
        file: z.string().regex(/^(project\.json|coders\/[A-Za-z0-9_-]{1,64}\.json)$/, 'file must be project.json or coders/<id>.json'),
        backup: z.string().regex(/^[A-Za-z0-9_.-]{1,200}\.json$/, 'backup must be a file name in backups/').optional(),
      })
      .strict(),
    output: returns<RestoreResult>(),
  },
  /**
   * Repairs the files in the open project's folder that project.json does not list (the
   * snapshot's `strayFiles`): 'reattach' lists them again in one undoable change (a coder file's
   * coder recreated, a transcript as a document), 'setAside' moves them into damaged/.
   */
  'project.repairStrayFiles': { kind: 'change', input: z.object({ action: z.enum(['reattach', 'setAside']) }).strict(), output: returns<RepairResult>() },
  'project.close': { kind: 'change', input: none, output: returns<null>() },
  /** Remembers where the user is (last document, scroll, quick codes, whose codings shown); not undoable, not in the project. */
  'workspace.update': {
    kind: 'change',
    input: z
      .object({
        lastDocumentId: entityId.nullable().optional(),
        scrollTop: z.number().nonnegative().max(1e9).optional(),
        quickCodes: z.array(entityId).max(9).optional(),
        coderView: coderViewSchema.optional(),
        openingDocumentId: entityId.nullable().optional(),
        stopWords: z.array(z.string().trim().toLowerCase().min(1).max(100)).max(10_000).nullable().optional(),
      })
      .strict(),
    output: returns<null>(),
  },

  /**
   * A document's outline, the text of a first stretch (from a little before offset `from`, the
   * passage the reader goes to; 0 when absent) and the codings of `coderIds` (the coders the
   * reader shows; every coder's when absent) overlapping that stretch, at most CODINGS_WITH_TEXT
   * of them (coding-pieces.ts says how a reply is cut): a reply sized to what is shown first. The
   * codings of further stretches come through document.codings with a range.
   */
  'document.get': {
    kind: 'query',
    input: z.object({ documentId: entityId, coderIds: z.array(entityId).max(1000).optional(), from: offset.optional() }).strict(),
    output: returns<DocumentOutline>(),
  },
  /**
   * The text of [start, end) of a document (UTF-16 offsets), at most TEXT_PIECE_UNITS of it and
   * never splitting a character: the reply says where the piece it carries begins.
   */
  'document.text': {
    kind: 'query',
    input: z.object({ documentId: entityId, start: offset, end: offset }).strict(),
    output: returns<TextPiece>(),
  },
  /**
   * The codings of one document (of `coderIds`, or all coders) overlapping `range` [start, end),
   * or all of them when absent. The reader always asks for a range (one text piece's worth): as
   * a document's text arrives, after a change, and for a new coder view; a coding spanning two
   * ranges comes in both. A range's reply carries at most CODINGS_PER_REPLY, cut as
   * coding-pieces.ts says, so that no reply reaches 1 MB however densely the text is coded.
   */
  'document.codings': {
    kind: 'query',
    input: z.object({ documentId: entityId, coderIds: z.array(entityId).max(1000).optional(), range: z.object({ start: offset, end: offset }).strict().optional() }).strict(),
    output: returns<CoderCoding[]>(),
  },
  /** How many codings one document holds, per code id then per coder id: what the reader counts, without fetching every coding. */
  'document.codingCounts': {
    kind: 'query',
    input: z.object({ documentId: entityId }).strict(),
    output: returns<Record<string, Record<string, number>>>(),
  },

  /**
   * Rows of the Documents list: the documents passing the attribute filter, in the list's order,
   * `limit` from `offset`, with how many pass. The snapshot carries no documents (only their
   * tally): a list of 20,000 asks for the rows it shows; a picker that needs every document asks
   * page by page. `nameContains` narrows them to names holding it (case ignored): a picker that
   * finds one document among 20,000 by part of its name. `sort` orders them otherwise (the
   * attribute grid's sorted column) before paging.
   */
  'documents.page': {
    kind: 'query',
    input: z
      .object({
        filter: attributeFilterSchema,
        offset,
        limit: z.number().int().min(0).max(MAX_DOCUMENT_PAGE),
        nameContains: z.string().max(100).optional(),
        sort: documentSortSchema.optional(),
      })
      .strict(),
    output: returns<DocumentPage>(),
  },
  /** Where a document stands among those passing the filter: by id, or (type-ahead) the next after `after` whose name starts with `prefix`. */
  'documents.locate': {
    kind: 'query',
    input: z
      .object({ filter: attributeFilterSchema, locator: z.union([z.object({ id: entityId }).strict(), z.object({ prefix: z.string().min(1).max(100), after: z.number().int().min(-1).max(2 ** 31) }).strict()]) })
      .strict(),
    output: returns<{ index: number | null }>(),
  },
  /** These documents as the list shows them (those that still exist): names beside passages, hits and memos. */
  'documents.summaries': { kind: 'query', input: z.object({ ids: z.array(entityId).max(MAX_DOCUMENT_PAGE) }).strict(), output: returns<DocumentSummary[]>() },
  /**
   * Which of these names name a document (matched as an attribute table's rows are: exactly, or
   * ignoring case and spaces): the import dialog finds the column of a sheet that names documents.
   */
  'documents.namesTaken': { kind: 'query', input: z.object({ names: z.array(z.string().max(1000)).max(MAX_DOCUMENT_PAGE) }).strict(), output: returns<string[]>() },
  /** Per attribute, the values the documents have and how many have each: the attribute filter's choices. */
  'documents.facets': { kind: 'query', input: none, output: returns<AttributeFacet[]>() },

  /** Renames a document (undoable). */
  'document.rename': {
    kind: 'change',
    input: z.object({ documentId: entityId, name: withNameRule(z.string().trim().min(1).max(300)) }).strict(),
    output: returns<ChangeResult>(),
  },
  /** What deleting a document would take with it, for the confirmation. */
  'document.work': { kind: 'query', input: z.object({ documentId: entityId }).strict(), output: returns<{ codings: number; coders: number }>() },
  /**
   * Deletes a document with every coder's codings and memos on it (undoable while the project is
   * open; its text is purged from the project when it is closed).
   */
  'document.delete': { kind: 'change', input: z.object({ documentId: entityId }).strict(), output: returns<ChangeResult>() },
  /** Marks a document done (read through, coded or not) for the current user's coder, or not done; agreement compares documents every coder marked done. */
  'document.setDone': { kind: 'change', input: z.object({ documentId: entityId, done: z.boolean() }).strict(), output: returns<ChangeResult>() },

  /** Codes a passage for the current coder. */
  'coding.apply': {
    kind: 'change',
    input: z.object({ documentId: entityId, codeId: entityId, ...span }).strict().refine(spanRefined, spanMessage),
    output: returns<ChangeResult>(),
  },
  /** Codes many passages at one code in one undoable step (auto-coding search results). */
  'coding.applyMany': {
    kind: 'change',
    input: z
      .object({
        codeId: entityId,
        spans: z.array(z.object({ documentId: entityId, ...span }).strict().refine(spanRefined, spanMessage)).min(1).max(100_000),
      })
      .strict(),
    output: returns<ChangeResult>(),
  },
  /**
   * "Code all results as …": runs the search and codes every match, or the sentence, paragraph
   * or speaker turn around it, at one code in one undoable step, merged with the coder's codings
   * there (a passage already coded there is not coded again).
   */
  'coding.autocode': {
    kind: 'change',
    input: z.object({ ...searchRequest, unit: contextUnit, codeId: entityId }).strict(),
    output: returns<ChangeResult>(),
  },
  /**
   * Creates a code and codes a passage at it, in one step. `name` is the new code's name, or a
   * path "Parent/Child" (parts that do not exist yet are created). createdIds: the code, then the coding.
   */
  'coding.createCodeAndApply': {
    kind: 'change',
    input: z.object({ name: z.string().trim().min(1).max(1000), documentId: entityId, ...span }).strict().refine(spanRefined, spanMessage),
    output: returns<ChangeResult>(),
  },
  /**
   * Codes every passage a coding query finds at one code, in one undoable step, merged with the
   * coder's codings there (a passage already coded there is not coded again).
   */
  'coding.codeQuery': { kind: 'change', input: z.object({ query: queryText, codeId: entityId }).strict(), output: returns<ChangeResult>() },
  /** In-vivo coding: the passage's own words name a new top-level code (or the one of that name), at which it is coded, in one step. */
  'coding.inVivo': {
    kind: 'change',
    input: z.object({ documentId: entityId, ...span }).strict().refine(spanRefined, spanMessage),
    output: returns<ChangeResult>(),
  },
  /** Removes one of the current coder's codings. */
  'coding.remove': { kind: 'change', input: z.object({ codingId: entityId }).strict(), output: returns<ChangeResult>() },
  /** Changes the extent of one of the current coder's codings. */
  'coding.setExtent': {
    kind: 'change',
    input: z.object({ codingId: entityId, ...span }).strict().refine(spanRefined, spanMessage),
    output: returns<ChangeResult>(),
  },

  'code.create': {
    kind: 'change',
    input: z.object({ name, parentId: entityId.nullable(), color: color.optional(), codable: z.boolean().optional() }).strict(),
    output: returns<ChangeResult>(),
  },
  'code.update': {
    kind: 'change',
    input: z
      .object({ codeId: entityId, name: name.optional(), color: color.optional(), description: codeDescriptionSchema.partial().strict().optional() })
      .strict(),
    output: returns<ChangeResult>(),
  },
  /** Deletes a code, its sub-codes and every coding at them, for all coders (undoable). */
  'code.delete': { kind: 'change', input: z.object({ codeId: entityId }).strict(), output: returns<ChangeResult>() },
  /** Recodes everything at `sourceId` to `targetId`, moves its sub-codes under the target, and deletes it. */
  'code.merge': { kind: 'change', input: z.object({ sourceId: entityId, targetId: entityId }).strict(), output: returns<ChangeResult>() },
  /** Moves a code under `parentId` (null: top level) at position `index` among its new siblings. */
  'code.move': {
    kind: 'change',
    input: z.object({ codeId: entityId, parentId: entityId.nullable(), index: z.number().int().nonnegative().max(100_000) }).strict(),
    output: returns<ChangeResult>(),
  },

  'memo.create': { kind: 'change', input: z.object({ target: memoTarget, text: z.string().max(1_000_000) }).strict(), output: returns<ChangeResult>() },
  'memo.update': { kind: 'change', input: z.object({ memoId: entityId, text: z.string().max(1_000_000) }).strict(), output: returns<ChangeResult>() },
  'memo.delete': { kind: 'change', input: z.object({ memoId: entityId }).strict(), output: returns<ChangeResult>() },

  'attribute.define': { kind: 'change', input: z.object({ name: withAttributeNameRule(z.string().trim().min(1).max(100)), type: attributeTypeSchema }).strict(), output: returns<ChangeResult>() },
  'attribute.delete': { kind: 'change', input: z.object({ name: z.string().min(1).max(100) }).strict(), output: returns<ChangeResult>() },
  /** One attribute's values for many documents, one undoable step (a column pasted into the attribute grid). */
  'attribute.setColumn': {
    kind: 'change',
    input: z.object({ name: z.string().min(1).max(100), values: z.array(z.object({ documentId: entityId, value: attributeValueSchema }).strict()).min(1).max(100_000) }).strict(),
    output: returns<ChangeResult>(),
  },
  'document.setAttribute': {
    kind: 'change',
    input: z.object({ documentId: entityId, name: z.string().min(1).max(100), value: attributeValueSchema }).strict(),
    output: returns<ChangeResult>(),
  },

  /** Document sets (undoable): named groups of documents, used as a filter (see `SET_FILTER_KEY`). */
  'set.create': {
    kind: 'change',
    input: z.object({ name: withNameRule(z.string().trim().min(1).max(200)), documentIds: z.array(entityId).max(100_000).default([]) }).strict(),
    output: returns<ChangeResult>(),
  },
  /** Renames a coder (undoable): in project.json and in the coder's own file, which carries their name. */
  'coder.rename': { kind: 'change', input: z.object({ coderId: entityId, name: shortName }).strict(), output: returns<ChangeResult>() },
  'set.rename': { kind: 'change', input: z.object({ setId: entityId, name: withNameRule(z.string().trim().min(1).max(200)) }).strict(), output: returns<ChangeResult>() },
  'set.delete': { kind: 'change', input: z.object({ setId: entityId }).strict(), output: returns<ChangeResult>() },
  /** Adds documents to a set (`member` true) or takes them out. */
  'set.members': {
    kind: 'change',
    input: z.object({ setId: entityId, documentIds: z.array(entityId).min(1).max(100_000), member: z.boolean() }).strict(),
    output: returns<ChangeResult>(),
  },

  'history.undo': { kind: 'change', input: none, output: returns<ChangeResult>() },
  'history.redo': { kind: 'change', input: none, output: returns<ChangeResult>() },
  'history.state': { kind: 'query', input: none, output: returns<HistoryState>() },

  /** Every passage coded at the given codes, filtered by coder and document attributes. */
  'segments.query': {
    kind: 'query',
    input: z
      .object({
        codeIds: z.array(entityId).min(1).max(10_000),
        includeSubcodes: z.boolean(),
        coderIds: z.array(entityId).max(1000).nullable(),
        attributes: attributeFilterSchema,
        /** Only these documents (a matrix cell's); null or absent: every document passing the filter. */
        documentIds: z.array(entityId).max(100_000).nullable().default(null),
        /** Only the documents of one column of the matrix by attribute: whose value of `attribute` it keys as `value` ("(no value)": none). */
        column: z.object({ attribute: z.string().min(1).max(100), value: z.string().max(1000) }).strict().optional(),
        /** Only these codings (where memos on codings sit); null or absent: every coding at the codes. */
        codingIds: z.array(entityId).max(100_000).nullable().optional(),
      })
      .strict(),
    output: returns<SegmentView[]>(),
  },
  /** Text search across documents (all, or those passing the attribute filter). */
  'search.text': { kind: 'query', input: z.object(searchRequest).strict(), output: returns<SearchResult>() },
  /** What coding.autocode would code (counts only), for the dialog to show before it is done; codeId null: no code chosen yet. */
  'search.autocodePreview': {
    kind: 'query',
    input: z.object({ ...searchRequest, unit: contextUnit, codeId: entityId.nullable() }).strict(),
    output: returns<AutocodePreview>(),
  },

  /** Runs a coding query: the passages it finds (the first QUERY_PASSAGES_SHOWN), or where and why it cannot be run. */
  'query.run': { kind: 'query', input: z.object({ query: queryText }).strict(), output: returns<QueryOutcome>() },
  /** Saves a query under a name (undoable). createdIds: the saved query. */
  'query.save': { kind: 'change', input: z.object({ name, query: queryText }).strict(), output: returns<ChangeResult>() },
  /** Renames a saved query or replaces its text (undoable). */
  'query.update': { kind: 'change', input: z.object({ queryId: entityId, name: name.optional(), query: queryText.optional() }).strict(), output: returns<ChangeResult>() },
  'query.delete': { kind: 'change', input: z.object({ queryId: entityId }).strict(), output: returns<ChangeResult>() },

  /** Word frequencies in a scope: case folded, stop words left out, optionally stemmed (the commonest WORDS_SHOWN). */
  'words.frequencies': { kind: 'query', input: z.object(wordRequest).strict(), output: returns<WordTable>() },
  /** Every occurrence of one word of the table (its key) in the scope, with context (the first WORD_PASSAGES_SHOWN). */
  'words.passages': { kind: 'query', input: z.object({ ...wordRequest, key: z.string().min(1).max(200) }).strict(), output: returns<WordPassages>() },

  /** Inter-coder agreement over the chosen coders, codes (with their sub-codes) and documents. */
  'agreement.compute': { kind: 'query', input: z.object(agreementRequest).strict(), output: returns<AgreementResult>() },
  /** The agreement tables as a workbook (a sheet per table) or as JSON. */
  'agreement.export': {
    kind: 'job',
    input: z.object({ ...agreementRequest, format: z.enum(['xlsx', 'json']) }).strict(),
    output: returns<ExportFile>(),
  },
  /** Character mode's code × document tables of one code, on demand (compute sends per-code figures only). */
  'agreement.cells': { kind: 'query', input: z.object({ ...agreementRequest, codeId: entityId }).strict(), output: returns<AgreementCells>() },
  /**
   * The passages where two coders differ at one code, with their text, in the documents compared:
   * a page at a time (a busy code has thousands), with how many there are and how many are settled.
   */
  'agreement.disagreements': {
    kind: 'query',
    input: z
      .object({
        coderA: entityId,
        coderB: entityId,
        codeId: entityId,
        documentIds: z.array(entityId).max(100_000).nullable(),
        attributes: attributeFilterSchema,
        allDocuments: z.boolean().default(false),
        offset: z.number().int().min(0).max(2 ** 31).default(0),
        limit: z.number().int().min(1).max(MAX_DISAGREEMENT_PAGE).default(DISAGREEMENT_PAGE),
      })
      .strict(),
    output: returns<DisagreementPage>(),
  },
  /** Settles one disagreement into the Consensus coder (undoable). */
  'agreement.resolve': {
    kind: 'change',
    input: z
      .object({
        coderA: entityId,
        coderB: entityId,
        codeId: entityId,
        documentId: entityId,
        start: offset,
        end: offset,
        choice: z.enum(['A', 'B', 'both', 'neither']),
        note: z.string().max(100_000),
      })
      .strict()
      .refine(spanRefined, spanMessage),
    output: returns<ChangeResult>(),
  },
  /**
   * Starts consensus between two coders: every character both coded at the same code, in the
   * documents compared, goes to the Consensus coder in one undoable step; the rest stay to settle.
   */
  'agreement.startConsensus': {
    kind: 'change',
    input: z
      .object({
        coderA: entityId,
        coderB: entityId,
        codeIds: z.array(entityId).max(100_000).nullable(),
        documentIds: z.array(entityId).max(100_000).nullable(),
        attributes: attributeFilterSchema,
        allDocuments: z.boolean().default(false),
      })
      .strict(),
    output: returns<ChangeResult>(),
  },

  /** A coder's work as a file to send to a colleague (default: the current user's). */
  'exchange.exportCoder': { kind: 'query', input: z.object({ coderId: entityId.nullable() }).strict(), output: returns<{ fileName: string; content: string }>() },
  /** Brings in a colleague's coder file (its text); undoable; a newer file replaces their earlier import. */
  'exchange.importCoder': {
    kind: 'change',
    input: z.object({ fileName: z.string().min(1).max(500), content: z.string().min(1).max(256 * 1024 * 1024) }).strict(),
    output: returns<ExchangeImportResult>(),
    maxBytes: LARGE_REQUEST_BYTES,
  },
  /** Brings in every other coder's work from a colleague's project folder (read, never changed). */
  'exchange.importProject': { kind: 'change', input: z.object({ path }).strict(), output: returns<ExchangeImportResult>() },

  /** Hands a file's bytes to the backend to import (browser mode, drag and drop); base64. */
  'import.stage': {
    kind: 'job',
    input: z.object({ fileName: z.string().min(1).max(500), base64: z.string().max(LARGE_REQUEST_BYTES) }).strict(),
    output: returns<{ stagedId: string }>(),
    maxBytes: LARGE_REQUEST_BYTES,
  },
  /** What a file holds, before importing it: speaker turns, or a spreadsheet's columns. */
  'import.inspect': {
    kind: 'query',
    input: z.object({ source: importSource, encoding: textEncoding.optional() }).strict(),
    output: returns<ImportInspection>(),
  },
  /** Imports files, each completely or not at all, with a result per file; progress as import.progress events. */
  'import.run': {
    kind: 'job',
    input: z.object({ items: z.array(z.object({ source: importSource, options: importOptions }).strict()).min(1).max(1000) }).strict(),
    output: returns<ImportRunResult>(),
  },

  /** The coded material as an Excel workbook; progress as export.progress events. */
  'export.workbook': {
    kind: 'job',
    input: z
      .object({
        selection: selectionSchema,
        attributeColumns: z.union([z.literal('all'), z.array(z.string().max(100)).max(1000)]),
        crossAttributes: z.array(z.string().max(100)).max(20),
        rollUp: z.boolean(),
        counting: z.enum(['distinct', 'perCoder']).default('distinct'),
        sheetPerCode: z.boolean(),
        agreement: z
          .object({ coderIds: z.array(entityId).min(2).max(50), mode: z.enum(['character', 'unitized', 'segment', 'presence']), allDocuments: z.boolean().default(false) })
          .strict()
          .nullable(),
      })
      .strict(),
    output: returns<ExportedFile>(),
  },
  /** Coded segments as CSV (UTF-8 with BOM). */
  'export.csv': {
    kind: 'job',
    input: z.object({ selection: selectionSchema, attributeColumns: z.union([z.literal('all'), z.array(z.string().max(100)).max(1000)]) }).strict(),
    output: returns<ExportedFile>(),
  },
  /** The whole project (.qdpx) or the codebook (.qdc) in the REFI-QDA exchange format; offsets 'utf16' for NVivo. */
  'export.refi': {
    kind: 'job',
    input: z.object({ format: z.enum(['qdpx', 'qdc']), offsets: z.enum(['standard', 'utf16']).default('standard') }).strict(),
    output: returns<ExportedFile>(),
  },
  /** A coding query's passages as a workbook (as `marginalia query --xlsx` writes it). */
  'export.query': { kind: 'job', input: z.object({ query: queryText }).strict(), output: returns<ExportedFile>() },
  /** The coding report: one self-contained HTML page (as `marginalia export --report` writes it). */
  'export.report': { kind: 'job', input: z.object({ selection: selectionSchema }).strict(), output: returns<ExportedFile>() },
  /** A piece of a file export.workbook, export.csv or export.refi made, from `offset`; the last piece deletes the file. */
  'export.read': {
    kind: 'query',
    input: z.object({ fileId: z.uuid(), offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: returns<ExportChunk>(),
  },
  /** A table as shown in a view (a matrix, a chart's figures), as a one-sheet workbook. */
  'export.table': {
    kind: 'job',
    input: z
      .object({
        name: z.string().min(1).max(100),
        columns: z.array(z.object({ header: z.string().max(500), type: z.enum(['text', 'number']).optional(), width: z.number().min(1).max(255).optional() }).strict()).min(1).max(16_384),
        rows: z.array(z.array(z.union([z.string().max(32_767), z.number(), z.null()])).max(16_384)).max(100_000),
      })
      .strict(),
    output: returns<ExportFile>(),
    maxBytes: LARGE_REQUEST_BYTES,
  },
  /** Codes × documents or × an attribute's values, counting segments, characters or documents. */
  'analysis.matrix': {
    kind: 'query',
    input: z
      .object({
        selection: selectionSchema,
        columns: z.union([z.object({ kind: z.literal('documents') }).strict(), z.object({ kind: z.literal('attribute'), name: z.string().min(1).max(100) }).strict()]),
        measure: z.enum(['segments', 'characters', 'documents']),
        rollUp: z.boolean(),
        /** Several coders: distinct passages (their union) or each coder's added up. */
        counting: z.enum(['distinct', 'perCoder']).default('distinct'),
      })
      .strict(),
    output: returns<MatrixView>(),
  },
  /** How often codes overlap on the same text. */
  'analysis.cooccurrence': { kind: 'query', input: z.object({ selection: selectionSchema }).strict(), output: returns<CoOccurrenceView>() },

  /** Native folder picker; null where the shell has none (browser mode) or the user cancelled. */
  'dialog.pickProjectFolder': { kind: 'query', input: none, output: returns<string | null>() },
  /**
   * Browser mode's folder chooser: the folders in `path` (default: where projects are made), which
   * must be the user's home folder or inside it; anything else is refused.
   */
  'folders.list': { kind: 'query', input: z.object({ path: path.optional() }).strict(), output: returns<FolderListing>() },
} as const satisfies Record<string, { kind: ChannelKind; input: z.ZodType; output: unknown; maxBytes?: number }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelsOfKind<K extends ChannelKind> = { [C in Channel]: Contract[C]['kind'] extends K ? C : never }[Channel];
/** Channels whose reply is a ChangeResult: what the renderer's change() dispatches. */
export type ChangeChannel = { [C in ChannelsOfKind<'change'>]: Contract[C]['output'] extends ChangeResult ? C : never }[ChannelsOfKind<'change'>];

export function channelKind(channel: Channel): ChannelKind {
  return contract[channel].kind;
}
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];
/** The largest request body a channel accepts: file-carrying channels declare more than the default. */
export function maxRequestBytes(channel: Channel, fallback: number): number {
  const entry = contract[channel];
  return 'maxBytes' in entry ? entry.maxBytes : fallback;
}

export type Handlers = { [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<Output<C>> };

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the backend pushes to the UI. */
export interface ServerEvents {
  'project.changed': { path: string };
  'import.progress': { done: number; total: number; fileName: string };
  'export.progress': { done: number; total: number; stage: string };
  'backend.error': AppErrorShape;
  /**
   * The desktop shell asks the UI: Help → About, files the OS opened with the app (staged for the
   * import dialog), or a menu command the UI carries out as it does its own button or key.
   */
  'shell.request':
    | { action: 'about' }
    | { action: 'import'; files: { stagedId: string; fileName: string; size: number }[] }
    | { action: 'command'; command: ShellCommand };
}
export type EventName = keyof ServerEvents;

/** Validates a request against its channel's schema; returns the parsed input or a readable error. */
export function parseInput<C extends Channel>(
  channel: C,
  raw: unknown,
): { ok: true; input: z.output<Contract[C]['input']> } | { ok: false; message: string } {
  const result = contract[channel].input.safeParse(raw ?? {});
  if (result.success) return { ok: true, input: result.data as z.output<Contract[C]['input']> };
  const issues = result.error.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : 'request';
      // zod says "expected string, received undefined" for a field left out: say that plainly.
      const missing = i.code === 'invalid_type' && / received undefined$/.test(i.message);
      return `${where}: ${missing ? `missing (expected ${i.expected})` : i.message}`;
    })
    .join('; ');
  return { ok: false, message: `Invalid request for ${channel}: ${issues}` };
}
