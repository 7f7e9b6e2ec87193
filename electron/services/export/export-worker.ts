import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { systemDeps } from '../deps';
import { ProjectStore } from '../project/project-store';
import { runExport } from './export-job';
import type { ExportWorkerInput, ExportWorkerMessage } from './export-in-worker';
import { writeOutputFile } from './output-file';

/**
 * The worker thread an app export runs in (see export-in-worker.ts): it opens the project
 * for reading and writes the file where it is told, as `marginalia export` does; only the
 * file's size and notes go back.
 */
const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);

try {
  const { projectDir, job, outputPath } = workerData as ExportWorkerInput;
  const store = await ProjectStore.open(projectDir, systemDeps, { access: 'read' });
  const progress = (done: number, total: number, stage: string) => post({ type: 'progress', done, total, stage });
  const { result, bytes } = await writeOutputFile(outputPath, false, (stream) => runExport(store, job, stream, progress));
  post({ type: 'done', outcome: result, bytes });
} catch (err) {
  const error = err instanceof AppError ? err : new AppError('INTERNAL', `The export failed: ${(err as Error).message}`);
  post({ type: 'failed', error: error.toShape() });
}
