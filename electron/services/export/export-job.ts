import type { Writable } from 'node:stream';
import type { AgreementMode } from '../../../shared/api/contract';
import type { Counting } from '../../../shared/export/matrices';
import { agreementReportTables, agreementRequest } from '../agreement/agreement-service';
import type { ProjectStore } from '../project/project-store';
import { agreementSheets } from './agreement-sheets';
import type { ExportSelection } from './coded-data';
import { exportCodedSegmentsCsv } from './csv-export';
import { exportWorkbook } from './excel-export';
import { XLSX_TYPE, exportFileName } from './export-file';
import { exportQdc, exportQdpx } from './refi-export';
import type { OffsetUnits } from './refi-export';
import { QueryError, formatQueryError, querySummary, runQuery } from '../../../shared/query';
import { AppError } from '../../../shared/api/errors';
import { projectView } from '../project/project-view';
import { querySheets } from './query-sheets';
import { buildCodingReport, codingReportHtml } from './report';
import { workbookBytes } from './workbook';
import { sortWords, wordFrequenciesIn, wordOptions, wordSheet } from '../../../shared/words';
import type { WordScope, WordSort } from '../../../shared/words';

/**
 * One export, whoever asks for it: the app's export dialog and query view (export-handlers.ts) and
 * `marginalia export` (electron/cli/export-command.ts) describe what they want as an ExportJob
 * and runExport writes the file to a stream.
 */

export interface WorkbookChoices {
  /** Document attributes shown as columns on the coded-segment sheets. */
  attributeColumns: string[] | 'all';
  /** Attributes crossed with the codes, two count sheets each. */
  crossAttributes: string[];
  /** A coding at a sub-code counts for its parent codes too. */
  rollUp: boolean;
  /** How several coders' passages count in the count sheets. */
  counting: Counting;
  sheetPerCode: boolean;
  /** Agreement sheets between these coders, over the same codes and documents (by default those every coder finished; see shared/agreement/scope.ts). */
  agreement: { coderIds: string[]; mode: AgreementMode; allDocuments: boolean } | null;
}

export type ExportJob =
  | { format: 'xlsx'; selection: ExportSelection; workbook: WorkbookChoices }
  | { format: 'csv'; selection: ExportSelection; attributeColumns: string[] | 'all' }
  | { format: 'qdpx'; offsets: OffsetUnits }
  | { format: 'qdc' }
  /** A coding query's passages (query-sheets.ts). */
  | { format: 'query'; query: string }
  /** Every word of a word table, in the table's order (shared/words/word-sheet.ts). */
  | { format: 'words'; scope: WordScope; stopWords: string[]; stem: boolean; sort: WordSort; scopeLabel: string }
  /** The coding report: one self-contained HTML page (report/). */
  | { format: 'report'; selection: ExportSelection };

export type ExportProgress = (done: number, total: number, stage: string) => void;

export interface ExportOutcome {
  /** What had to be cut or renamed to fit Excel's limits, and similar remarks. */
  notes: string[];
  /** What the file holds, in a few words ("9 sheets, 1,234 codings"). */
  contents: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function endWith(output: Writable, bytes: Uint8Array | string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    output.once('error', reject);
    output.end(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), () => resolve());
  });
}

/** Writes one export to `output` (and ends it). */
export async function runExport(store: ProjectStore, job: ExportJob, output: Writable, onProgress?: ExportProgress): Promise<ExportOutcome> {
  switch (job.format) {
    case 'xlsx': {
      const { selection, workbook } = job;
      // Over the same codes and documents as every other sheet.
      const scope = { codeIds: selection.codeIds, documentIds: selection.documentIds, attributes: selection.attributes };
      const agreement = workbook.agreement ? agreementSheets(agreementReportTables(store, agreementRequest({ ...workbook.agreement, ...scope }))) : undefined;
      const options = {
        attributeColumns: workbook.attributeColumns,
        crossAttribute: workbook.crossAttributes,
        rollUp: workbook.rollUp,
        counting: workbook.counting,
        sheetPerCode: workbook.sheetPerCode,
        ...(agreement && { agreement }),
        ...(onProgress && { onProgress }),
      };
      const out = await exportWorkbook(store, selection, options, output);
      return { notes: out.notes, contents: `${count(out.sheets, 'sheet')}, ${count(out.codings, 'coding')}` };
    }
    case 'csv': {
      const csv = await exportCodedSegmentsCsv(store, job.selection, { attributeColumns: job.attributeColumns, ...(onProgress && { onProgress }) }, output);
      return { notes: [], contents: count(csv.rows, 'coded segment') };
    }
    case 'qdpx': {
      await endWith(output, await exportQdpx(store, job.offsets));
      const codings = store.data.coders.reduce((n, c) => n + store.codingsOf(c.id).length, 0);
      const offsets = job.offsets === 'utf16' ? ', offsets in UTF-16 units for NVivo' : '';
      return { notes: [], contents: `${count(store.data.documents.length, 'document')}, ${count(codings, 'coding')}${offsets}` };
    }
    case 'qdc':
      await endWith(output, exportQdc(store));
      return { notes: [], contents: count(store.data.codebook.length, 'code') };
    case 'query': {
      const result = await runQuery(projectView(store), job.query).catch((err: unknown) => {
        throw err instanceof QueryError ? new AppError('INVALID_INPUT', `The query cannot be run.\n${formatQueryError(job.query, err)}`) : err;
      });
      const workbook = await workbookBytes(querySheets(result, job.query, store.data.attributes, store.data.documents));
      await endWith(output, workbook.bytes);
      return { notes: workbook.notes, contents: querySummary(result) };
    }
    case 'words': {
      const { words, totalWords } = await wordFrequenciesIn(projectView(store), job.scope, wordOptions(job.stopWords, job.stem));
      const workbook = await workbookBytes([wordSheet(sortWords(words, job.sort), { scope: job.scopeLabel, stopWords: job.stopWords, stem: job.stem })]);
      await endWith(output, workbook.bytes);
      return { notes: workbook.notes, contents: `${count(words.length, 'different word')}, ${count(totalWords, 'word')} counted` };
    }
    case 'report': {
      const report = await buildCodingReport(store, { selection: job.selection });
      await endWith(output, codingReportHtml(report));
      return { notes: [], contents: `${count(report.codes.length, 'code')}, ${count(report.codes.reduce((n, c) => n + c.passages.length, 0), 'passage')}` };
    }
  }
}

/** The file's suggested name and type: "<project> - coded segments.xlsx". */
export function jobFileName(projectName: string, job: ExportJob): { fileName: string; mimeType: string } {
  const named = (what: string, ext: string, mimeType: string) => ({ fileName: exportFileName(projectName, what, ext), mimeType });
  switch (job.format) {
    case 'xlsx':
      return named('coded segments', 'xlsx', XLSX_TYPE);
    case 'csv':
      return named('coded segments', 'csv', 'text/csv');
    case 'qdpx':
      return named(job.offsets === 'utf16' ? 'REFI-QDA project for NVivo' : 'REFI-QDA project', 'qdpx', 'application/zip');
    case 'qdc':
      return named('codebook', 'qdc', 'application/xml');
    case 'query':
      return named('query results', 'xlsx', XLSX_TYPE);
    case 'words':
      return named('word frequencies', 'xlsx', XLSX_TYPE);
    case 'report':
      return named('coding report', 'html', 'text/html');
  }
}
