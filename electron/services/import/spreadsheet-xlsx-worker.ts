import { parentPort, workerData } from 'node:worker_threads';
import { parseWorkbook } from './spreadsheet-xlsx-parse';
import type { SpreadsheetLimits } from './spreadsheet-types';

/**
 * The worker thread that reads an .xlsx file with SheetJS (see spreadsheet-xlsx-parse.ts for
 * how it is contained, spreadsheet-xlsx.ts for the limits the parent enforces). It takes the
 * file's bytes and the limits, and posts back one WorkerReply.
 */
const { bytes, limits } = workerData as { bytes: ArrayBuffer; limits: SpreadsheetLimits };
parentPort!.postMessage(parseWorkbook(bytes, limits));
