import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh real folder per test, removed afterwards. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-test-'));
    made.push(dir);
    return dir;
  };
}

/** Ids and times that are the same on every run. */
export function fixedDeps(start = Date.UTC(2026, 0, 5, 9, 0, 0), idPrefix = 'id') {
  let n = 0;
  let t = start;
  return {
    now: () => new Date((t += 1000)),
    newId: () => `${idPrefix}-${String(++n).padStart(4, '0')}`,
  };
}
