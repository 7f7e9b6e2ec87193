import { parentPort, workerData } from 'node:worker_threads';
import { parseWorkbook } from '../../../electron/services/import/spreadsheet-xlsx-parse';
import type { SpreadsheetLimits } from '../../../electron/services/import/spreadsheet-types';

// The real reader in SheetJS's default sparse mode, which the comment-ref pollution reaches:
// it must notice and refuse the file.
const { bytes, limits } = workerData as { bytes: ArrayBuffer; limits: SpreadsheetLimits };
parentPort!.postMessage(parseWorkbook(bytes, limits, { dense: false }));
