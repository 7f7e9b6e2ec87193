import { readFileSync, writeFileSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/services/backend';
import type { Backend } from '../../electron/services/backend';
import type { SessionUser } from '../../electron/services/workbench/project-session';
import { dispatchRequest } from '../../shared/api/dispatch';
import type { Channel } from '../../shared/api/contract';
import type { ProjectFile } from '../../shared/domain/schemas';
import { freshWorkspace } from '../../electron/services/settings/app-settings';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What every benchmark step is given (as JSON on its command line). */
export interface Config {
  project: string;
  work: string;
  out: string;
  /** The coder the user codes as (by name); the first coder by default. */
  coderName?: string;
}

export interface StepResult {
  step: string;
  figures: Record<string, number | string | null>;
  /** Resident-set peak while the step ran (MB), measured after its setup. */
  peakRssMb?: number;
  /** RSS when the step began (after its setup), MB. */
  startRssMb?: number;
  breakdown?: Record<string, unknown>;
  /**
   * CPU time the step's process used ÷ its wall time (%). Well under 100 % for a step that
   * computes is time spent waiting: for a CPU on a busy machine, or for the disk.
   */
  cpuSharePct?: number;
}

// ---- Measuring ---------------------------------------------------------------------------

export function status(): { rss: number; hwm: number } {
  const text = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

export const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};

/** Collects garbage and resets the kernel's peak-RSS mark, so the next peak is this step's. */
export function startPeak(): number {
  gc();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* not Linux, or not allowed: the peak is then the process's since it started */
  }
  return round(status().rss);
}

export function peak(): number {
  return round(status().hwm);
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function stats(samples: number[]): { median: number; p95: number; min: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: round(quantile(s, 0.5), 2), p95: round(quantile(s, 0.95), 2), min: round(s[0]!, 2), max: round(s[s.length - 1]!, 2), n: s.length };
}

export async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

/** CPU time of the whole process while `f` runs (ms): on a shared machine the wall time mostly measures the queue. */
export async function cpuTime<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const before = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(before);
  return [value, (used.user + used.system) / 1000];
}

export async function medianOf(runs: number, f: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(f))[1]);
  return stats(samples).median;
}

export const log = (message: string): void => {
  process.stderr.write(`  · ${message}\n`);
};

// ---- Setup -------------------------------------------------------------------------------

export async function copyProject(config: Config): Promise<string> {
  const dest = join(config.work, 'copy.marginalia');
  await rm(dest, { recursive: true, force: true });
  await cp(config.project, dest, { recursive: true });
  return dest;
}

export async function projectFile(dir: string): Promise<ProjectFile> {
  return JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8')) as ProjectFile;
}

export async function openBackend(config: Config, dir: string, coderName: string): Promise<{ backend: Backend; openMs: number }> {
  const backend = await createBackend({
    dataDir: join(config.work, 'data'),
    documentsDir: join(config.work, 'Documents'),
    resourcesDir: join(repoRoot, 'resources'),
    shell: 'browser',
  });
  await call(backend, 'app.setCoderName', { name: coderName });
  await backend.grants.allow(dir);
  const [, openMs] = await time(() => call(backend, 'project.open', { path: dir }));
  return { backend, openMs };
}

/** A request as a transport makes it: validated against the contract, then handled. */
export async function call(backend: Backend, channel: Channel, input: unknown): Promise<unknown> {
  const { reply } = await dispatchRequest(backend.handlers, channel, input);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

export interface Reply {
  channel: Channel;
  /** What was asked, for the table: the channel alone does not say which call it was. */
  what: string;
  value: unknown;
  ms: number;
  /** This process's CPU time during the call: on a shared machine the wall time mostly measures the queue. */
  cpuMs: number;
  mb: number;
}

/** A request as a transport makes it (validated, handled), timed, with its reply's size as the wire carries it. */
export async function measured(backend: Backend, channel: Channel, input: unknown, what: string): Promise<Reply> {
  const before = process.cpuUsage();
  const [{ reply }, ms] = await time(() => dispatchRequest(backend.handlers, channel, input));
  const cpu = process.cpuUsage(before);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`);
  return { channel, what, value: reply.value, ms, cpuMs: (cpu.user + cpu.system) / 1000, mb: Buffer.byteLength(JSON.stringify(reply)) / 1e6 };
}

export const scriptUser = (coderName: string | null): SessionUser => ({
  coderName,
  workspace: () => freshWorkspace,
});

