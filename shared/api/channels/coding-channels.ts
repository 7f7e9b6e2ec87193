import { z } from 'zod';
import { codeDescriptionSchema } from '../../domain/schemas';
import type { AutocodePreview, ChangeResult, SearchResult, SegmentView } from '../views';
import { returns } from './channel-spec';
import type { ChannelSpec } from './channel-spec';
import { entityId, name, color, spanRefined, spanMessage, memoTarget, attributeFilterSchema, searchRequest, queryText, contextUnit, span } from './fields';

/** Coding and the codebook: codings, codes, memos, retrieved segments and text search. */
export const codingChannels = {
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
} as const satisfies Record<string, ChannelSpec>;
