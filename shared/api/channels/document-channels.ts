import { z } from 'zod';
import { attributeTypeSchema, attributeValueSchema } from '../../domain/schemas';
import { withAttributeNameRule, withNameRule } from '../../domain/names';
import type { AttributeFacet } from '../document-pages';
import { MAX_DOCUMENT_PAGE } from '../limits';
import type { ChangeResult, CoderCoding, DocumentOutline, DocumentPage, DocumentSummary, TextPiece } from '../views';
import { returns } from './channel-spec';
import type { ChannelSpec } from './channel-spec';
import { entityId, offset, none, attributeFilterSchema, documentSortSchema } from './fields';

/** Documents acted on together: the one a menu was opened on, or every one selected in the list. */
const documentIdList = z.array(entityId).min(1).max(100_000);

/** Documents: their text and codings as the reader asks, the Documents list a page at a time, sets and attributes. */
export const documentChannels = {
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
  /** What deleting documents would take with them (codings, and how many coders made them), for the confirmation. */
  'document.work': { kind: 'query', input: z.object({ documentIds: documentIdList }).strict(), output: returns<{ codings: number; coders: number }>() },
  /**
   * Deletes documents, one or several, with every coder's codings and memos on them, as one step
   * (undoable while the project is open; their text is purged from the project when it is closed).
   */
  'document.delete': { kind: 'change', input: z.object({ documentIds: documentIdList }).strict(), output: returns<ChangeResult>() },
  /** Marks a document done (read through, coded or not) for the current user's coder, or not done; agreement compares documents every coder marked done. */
  'document.setDone': { kind: 'change', input: z.object({ documentId: entityId, done: z.boolean() }).strict(), output: returns<ChangeResult>() },

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
  'set.rename': { kind: 'change', input: z.object({ setId: entityId, name: withNameRule(z.string().trim().min(1).max(200)) }).strict(), output: returns<ChangeResult>() },
  'set.delete': { kind: 'change', input: z.object({ setId: entityId }).strict(), output: returns<ChangeResult>() },
  /** Adds documents to a set (`member` true) or takes them out. */
  'set.members': {
    kind: 'change',
    input: z.object({ setId: entityId, documentIds: z.array(entityId).min(1).max(100_000), member: z.boolean() }).strict(),
    output: returns<ChangeResult>(),
  },
} as const satisfies Record<string, ChannelSpec>;
