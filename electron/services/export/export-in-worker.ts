import type { AppErrorShape } from '../../../shared/api/errors';
import { AppError } from '../../../shared/api/errors';
import { startWorker } from '../workers/start-worker';
import { exportWorker } from '../workers/worker-modules';
import type { ExportJob, ExportOutcome, ExportProgress } from './export-job';

/**
 * An app export, run in a worker thread (export-worker.ts) so that the backend answers other
 * requests while a large workbook is written. The worker reads the project from disk (the
 * caller flushes first, so disk and memory agree) and writes the file itself, to `outputPath`,
 * which keeps the backend's thread free of everything the export does: gathering, counting,
 * agreement, writing and compressing, and of the file's bytes (a 200,000-coding workbook is
 * 24 MB: copying it out of the worker and encoding it for one reply held the backend for
 * seconds).
 */

export interface ExportWorkerInput {
  projectDir: string;
  job: ExportJob;
  /** Where the worker writes the file; it must not exist yet. */
  outputPath: string;
}

export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number; stage: string }
  | { type: 'done'; outcome: ExportOutcome; bytes: number }
  | { type: 'failed'; error: AppErrorShape };

/** Writes the export to `outputPath` in a worker; resolves with what it holds and its size in bytes. */
export function exportInWorker(projectDir: string, job: ExportJob, outputPath: string, onProgress?: ExportProgress): Promise<{ outcome: ExportOutcome; bytes: number }> {
  const input: ExportWorkerInput = { projectDir, job, outputPath };
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
