import type { Worker } from 'node:worker_threads';

/**
 * The end of a worker thread's run, once: the first outcome (its reply, a failure, the time
 * limit passing) wins; the timer is cleared, the worker's listeners dropped and the worker
 * terminated (which stops it even mid-computation) before the outcome runs. `timedOut` is the
 * outcome when the limit passes first. Returns `settle`, for the caller's other listeners.
 */
export function settleWorkerOnce(worker: Worker, timeoutMs: number, timedOut: () => void): (outcome: () => void) => void {
  let settled = false;
  const settle = (outcome: () => void) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    worker.removeAllListeners();
    worker.on('error', () => {});
    worker.terminate().catch(() => {});
    outcome();
  };
  const timer = setTimeout(() => settle(timedOut), timeoutMs);
  return settle;
}
