import type { Worker, WorkerOptions } from 'node:worker_threads';
import { settleWorkerOnce } from './settle-worker';

/**
 * Runs a worker once on some input, for the one reply it posts, under limits: a time
 * limit, a heap cap, and nothing of this process (loader flags, environment) passed in. Why it
 * failed comes back as a kind, for the caller to say in its own words.
 */

export type WorkerFailureKind = 'start' | 'timeout' | 'memory' | 'error' | 'exit' | 'bad-message';

export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

export interface WorkerRun {
  workerData: unknown;
  /** Buffers moved, not copied, into the worker. */
  transferList?: ArrayBuffer[];
  timeoutMs: number;
  heapMb: number;
}

/** `start` makes the worker with the options given (start-worker.ts's startWorker, for a worker module). */
export function runWorkerOnce(start: (options: WorkerOptions) => Worker, run: WorkerRun): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start({
        workerData: run.workerData,
        transferList: run.transferList,
        resourceLimits: { maxOldGenerationSizeMb: run.heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
        // Nothing from this process leaks in: no loader hooks or flags, no environment.
        execArgv: [],
        env: {},
      });
    } catch (err) {
      reject(new WorkerFailure('start', (err as Error).message));
      return;
    }
    const settle = settleWorkerOnce(worker, run.timeoutMs, () => reject(new WorkerFailure('timeout', `over ${run.timeoutMs} ms`)));
    const fail = (kind: WorkerFailureKind, message: string) => settle(() => reject(new WorkerFailure(kind, message)));
    worker.once('message', (reply: unknown) => settle(() => resolve(reply)));
    worker.once('messageerror', () => fail('bad-message', 'the reply could not be received'));
    worker.once('error', (err: Error & { code?: string }) => fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'error', String(err.message).slice(0, 200)));
    worker.once('exit', (code) => fail('exit', `exit code ${code}`));
  });
}
