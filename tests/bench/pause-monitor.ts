import { readFileSync } from 'node:fs';

/**
 * This thread's time on a CPU and time runnable but waiting for one (ns), from the kernel's
 * scheduler statistics; null where there are none (not Linux).
 */
function schedStat(): { onCpu: number; waiting: number } | null {
  try {
    const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'utf-8').split(' ');
    return { onCpu: Number(onCpu), waiting: Number(waiting) };
  } catch {
    return null;
  }
}

/** One stretch in which a 1 ms timer was kept waiting, and what the thread did meanwhile (ms). */
export interface Stall {
  /** Past the timer's due time (wall clock). */
  wallMs: number;
  /** Of which the thread was on a CPU: its code and its share of the garbage collector. */
  onCpuMs: number;
  /** Of which the thread was ready to run but waited for a core (other processes' turns). */
  waitingMs: number;
}

export interface Pauses {
  /** The stall with the longest wall time: what a request waited at worst. */
  longest: Stall;
  /**
   * The stall with the longest time that was not spent waiting for a core: the process's own
   * work, or the thread blocked (on its garbage collector's helpers, on the kernel). On a shared
   * machine the wall figure also holds other processes' turns. Null where the kernel does not say.
   */
  longestOwn: (Stall & { ownMs: number }) | null;
}

/**
 * Watches the event loop with a 1 ms timer while `during` runs: the longest gap between two
 * ticks is the longest any request had to wait for the loop (monitorEventLoopDelay reports the
 * same wall figure, but cannot tell the process's own work from waiting for a core).
 */
export async function watchPauses<T>(during: () => Promise<T>): Promise<[T, Pauses]> {
  let lastAt = performance.now();
  let last = schedStat();
  const pauses: Pauses = { longest: { wallMs: 0, onCpuMs: 0, waitingMs: 0 }, longestOwn: last ? { wallMs: 0, onCpuMs: 0, waitingMs: 0, ownMs: 0 } : null };
  const tick = () => {
    const at = performance.now();
    const now = schedStat();
    const stall: Stall = {
      wallMs: at - lastAt - 1,
      onCpuMs: now && last ? (now.onCpu - last.onCpu) / 1e6 : 0,
      waitingMs: now && last ? (now.waiting - last.waiting) / 1e6 : 0,
    };
    if (stall.wallMs > pauses.longest.wallMs) pauses.longest = stall;
    const ownMs = stall.wallMs - stall.waitingMs;
    if (pauses.longestOwn && now && ownMs > pauses.longestOwn.ownMs) pauses.longestOwn = { ...stall, ownMs };
    lastAt = at;
    last = now;
  };
  const timer = setInterval(tick, 1);
  try {
    return [await during(), pauses];
  } finally {
    clearInterval(timer);
  }
}
