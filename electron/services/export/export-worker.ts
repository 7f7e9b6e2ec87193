import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { systemDeps } from '../deps';
import { ProjectStore } from '../project/project-store';
import { runExport } from './export-job';
import type { ExportWorkerInput, ExportWorkerMessage } from './export-in-worker';
import { memorySink } from './workbook';

/**
 * The worker thread an app export runs in (see export-in-worker.ts): it opens the project
 * for reading, as `marginalia export` does, writes the file into memory and hands it back.
 */
const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);

try {
  const { projectDir, job } = workerData as ExportWorkerInput;
  const store = await ProjectStore.open(projectDir, systemDeps, { access: 'read' });
  const { sink, bytes } = memorySink();
  const outcome = await runExport(store, job, sink, (done, total, stage) => post({ type: 'progress', done, total, stage }));
  post({ type: 'done', outcome, bytes: bytes() });
} catch (err) {
  const error = err instanceof AppError ? err : new AppError('INTERNAL', `The export failed: ${(err as Error).message}`);
  post({ type: 'failed', error: error.toShape() });
}
