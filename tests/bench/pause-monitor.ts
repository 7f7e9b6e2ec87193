import { readFileSync } from 'node:fs';

/**
 * Time this thread has spent runnable but waiting for a CPU (ns), from the kernel's scheduler
 * statistics; null where there are none (not Linux).
 */
function runQueueWaitNs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf-8').split(' ')[1]);
  } catch {
    return null;
  }
}

export interface Pauses {
  /** The longest time a 1 ms timer was kept waiting past its due time (wall clock). */
  longestMs: number;
  /**
   * The same stretch less the time the thread spent waiting for a CPU meanwhile: what the
   * process's own work (its code and its garbage collector) held up. On a shared machine the
   * wall figure also holds the other processes' turns on the cores. Null when unknown.
   */
  longestOwnMs: number | null;
  /** The wall time of the stretch that had the longest own part. */
  longestOwnWallMs: number | null;
}

/**
 * Watches the event loop with a 1 ms timer while `during` runs: the longest gap between two
 * ticks is the longest any request had to wait for the loop (monitorEventLoopDelay reports the
 * same wall figure, but cannot tell the process's own work from waiting for a core).
 */
export async function watchPauses<T>(during: () => Promise<T>): Promise<[T, Pauses]> {
  let lastAt = performance.now();
  let lastWait = runQueueWaitNs();
  const pauses: Pauses = { longestMs: 0, longestOwnMs: lastWait === null ? null : 0, longestOwnWallMs: null };
  const tick = () => {
    const at = performance.now();
    const wait = runQueueWaitNs();
    const late = at - lastAt - 1;
    pauses.longestMs = Math.max(pauses.longestMs, late);
    if (wait !== null && lastWait !== null) {
      const own = late - (wait - lastWait) / 1e6;
      if (own > pauses.longestOwnMs!) Object.assign(pauses, { longestOwnMs: own, longestOwnWallMs: late });
    }
    lastAt = at;
    lastWait = wait;
  };
  const timer = setInterval(tick, 1);
  try {
    return [await during(), pauses];
  } finally {
    clearInterval(timer);
  }
}
