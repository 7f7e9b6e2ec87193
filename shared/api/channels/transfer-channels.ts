import { z } from 'zod';
import type { ExchangeImportResult, ExportChunk, ExportFile, ExportedFile, ImportInspection, ImportRunResult } from '../views';
import { returns } from './channel-spec';
import type { ChannelSpec } from './channel-spec';
import { path, entityId, textEncoding, importSource, importOptions, selectionSchema, LARGE_REQUEST_BYTES, queryText, wordRequest, wordSortSchema } from './fields';

/** Files in and out: imports, exports and REFI-QDA exchange. */
export const transferChannels = {
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
  /** Every word of a word table (not only the commonest WORDS_SHOWN), in the order the table shows, as a workbook. */
  'export.words': {
    kind: 'job',
    input: z.object({ ...wordRequest, sort: wordSortSchema, scopeLabel: z.string().max(1000) }).strict(),
    output: returns<ExportedFile>(),
  },
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
} as const satisfies Record<string, ChannelSpec>;
