import { checkXlsxContainer } from './spreadsheet-container';
import { spreadsheetLimits } from './spreadsheet-types';
import type { SpreadsheetLimits, TableSheet } from './spreadsheet-types';
import { runWorkerOnce, WorkerFailure } from '../workers/run-worker';
import { startWorker } from '../workers/start-worker';
import { spreadsheetReader } from '../workers/worker-modules';
import type { WorkerModule } from '../workers/worker-modules';
import { ImportError, importLimits } from './types';
import type { SourceFile } from './types';

/**
 * Reads an .xlsx workbook with SheetJS, which is never loaded in this process: it runs in a
 * worker thread (its own V8 isolate) with a memory cap and a time limit, and sends back only
 * strings, which are checked here before anyone uses them. See spreadsheet-xlsx-worker.ts.
 */

/** The worker's JS heap: a workbook that needs more is refused rather than read. */
export const XLSX_WORKER_HEAP_MB = 1024;

export interface XlsxReadOptions {
  /** Default importLimits.spreadsheetTimeoutMs. */
  timeoutMs?: number;
  limits?: SpreadsheetLimits;
  /** Tests only: a different worker module, to prove the limits hold whatever the worker does. */
  worker?: WorkerModule;
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

export function timeoutReason(ms: number): string {
  return `took too long to read (over ${seconds(ms)} s) and was stopped; it may be damaged or crafted.`;
}

/** Runs the worker on the file's bytes; resolves to its reply, unchecked. */
async function runWorker(file: SourceFile, module: WorkerModule, timeoutMs: number, limits: SpreadsheetLimits): Promise<unknown> {
  // A copy, transferred: the caller's bytes may share a pooled ArrayBuffer that must not
  // be detached, and the worker gets its own without a second copy on the way.
  const bytes = new Uint8Array(file.bytes.byteLength);
  bytes.set(file.bytes);
  try {
    return await runWorkerOnce((options) => startWorker(module, options), {
      workerData: { bytes: bytes.buffer, limits: { ...limits } },
      transferList: [bytes.buffer],
      timeoutMs,
      heapMb: XLSX_WORKER_HEAP_MB,
    });
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    const reasons: Record<WorkerFailure['kind'], string> = {
      start: `could not be read: the spreadsheet reader did not start (${err.message}).`,
      timeout: timeoutReason(timeoutMs),
      memory: `needs more than ${XLSX_WORKER_HEAP_MB} MB of memory to read and was stopped; it may be damaged or crafted. Try saving it as CSV.`,
      error: `could not be read as an Excel workbook (${err.message}); it may be damaged.`,
      exit: `could not be read: the spreadsheet reader stopped unexpectedly (${err.message}).`,
      'bad-message': 'could not be read: the spreadsheet reader sent back data that cannot be used.',
    };
    throw new ImportError(file.name, reasons[err.kind]);
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The worker's reply as trusted data: arrays of arrays of strings within the limits, rebuilt
 * here, or the ImportError it reported. Anything else is refused.
 */
export function checkWorkerReply(fileName: string, reply: unknown, limits: SpreadsheetLimits): TableSheet[] {
  const malformed = () => new ImportError(fileName, 'could not be read: the spreadsheet reader sent back data of the wrong shape.');
  if (!isRecord(reply)) throw malformed();
  if (reply.ok === false) {
    const message = typeof reply.message === 'string' ? reply.message.slice(0, 500) : '';
    switch (reply.reason) {
      case 'limit':
        throw new ImportError(fileName, `is too large to import: ${message}.`);
      case 'crafted':
        throw new ImportError(
          fileName,
          'was refused: reading it tried to alter the spreadsheet reader itself, so it may be crafted to attack it.',
        );
      case 'unreadable':
        throw new ImportError(fileName, `could not be read as an Excel workbook (${message}); it may be damaged.`);
      default:
        throw new ImportError(fileName, `could not be read (${message}).`);
    }
  }
  if (reply.ok !== true || !Array.isArray(reply.sheets) || reply.sheets.length > limits.maxSheets) throw malformed();
  let cells = 0;
  let chars = 0;
  const sheets: TableSheet[] = [];
  for (const sheet of reply.sheets as unknown[]) {
    if (!isRecord(sheet) || typeof sheet.name !== 'string' || sheet.name.length > 200) throw malformed();
    if (!Array.isArray(sheet.rows) || sheet.rows.length > limits.maxRows) throw malformed();
    const rows: string[][] = [];
    for (const row of sheet.rows as unknown[]) {
      if (!Array.isArray(row) || row.length > limits.maxColumns) throw malformed();
      const copy: string[] = [];
      for (let c = 0; c < row.length; c++) {
        const cell: unknown = row[c];
        if (typeof cell !== 'string' || cell.length > limits.maxCellChars) throw malformed();
        chars += cell.length;
        copy.push(cell);
      }
      cells += copy.length;
      rows.push(copy);
    }
    if (cells > limits.maxCells || chars > limits.maxTotalChars) throw malformed();
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}

export async function readXlsx(file: SourceFile, options: XlsxReadOptions = {}): Promise<TableSheet[]> {
  const limits = options.limits ?? spreadsheetLimits;
  await checkXlsxContainer(file);
  const reply = await runWorker(
    file,
    options.worker ?? spreadsheetReader,
    options.timeoutMs ?? importLimits.spreadsheetTimeoutMs,
    limits,
  );
  return checkWorkerReply(file.name, reply, limits);
}
