import { z } from 'zod';
import { DISAGREEMENT_PAGE, MAX_DISAGREEMENT_PAGE } from '../limits';
import type { AgreementCells, AgreementResult, ChangeResult, CoOccurrenceView, DisagreementPage, ExportFile, MatrixView, QueryOutcome, WordPassages, WordTable } from '../views';
import { returns } from './channel-spec';
import type { ChannelSpec } from './channel-spec';
import { entityId, offset, name, spanRefined, spanMessage, selectionSchema, agreementRequest, attributeFilterSchema, queryText, wordRequest } from './fields';

/** Questions asked of the coding: agreement between coders, matrices, coding queries and word frequencies. */
export const analysisChannels = {
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
} as const satisfies Record<string, ChannelSpec>;
