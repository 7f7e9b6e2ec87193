import type { AppErrorShape } from '../../../shared/api/errors';
import { AppError } from '../../../shared/api/errors';
import { startWorker } from '../workers/start-worker';
import { exportWorker } from '../workers/worker-modules';
import type { ExportJob, ExportOutcome, ExportProgress } from './export-job';

/**
 * An app export, run in a worker thread (export-worker.ts) so that the backend answers other
 * requests while a large workbook is written. The worker reads the project from disk (the
 * caller flushes first, so disk and memory agree), which keeps the backend's thread free of
 * everything the export does: gathering, counting, agreement, writing and compressing.
 */

export interface ExportWorkerInput {
  projectDir: string;
  job: ExportJob;
}

export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number; stage: string }
  | { type: 'done'; outcome: ExportOutcome; bytes: Uint8Array }
  | { type: 'failed'; error: AppErrorShape };

export function exportInWorker(projectDir: string, job: ExportJob, onProgress?: ExportProgress): Promise<{ outcome: ExportOutcome; bytes: Uint8Array }> {
  const input: ExportWorkerInput = { projectDir, job };
  const worker = startWorker(exportWorker, { workerData: input });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total, message.stage);
      else if (message.type === 'done') settle(() => resolve({ outcome: message.outcome, bytes: message.bytes }));
      else settle(() => reject(new AppError(message.error.code, message.error.message, message.error.file)));
    });
    worker.once('error', (err) => settle(() => reject(new AppError('INTERNAL', `The export stopped: ${err.message}`))));
    worker.once('exit', (code) => settle(() => reject(new AppError('INTERNAL', `The export stopped unexpectedly (exit code ${code}).`))));
  });
}
