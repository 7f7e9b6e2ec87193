import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh real folder per test, removed afterwards. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    // A backend a test left open may still be copying a backup in: rm tries again (ENOTEMPTY) rather than fail the test.
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-test-'));
    made.push(dir);
    return dir;
  };
}

/**
 * Ids and times that are the same on every run. Plain ids ("id-0001") by default; 'guid' makes
 * them GUID-shaped, as the app's own are, where a test exchanges files that must hold GUIDs
 * (the prefix's letters, in hex, lead, so two prefixes never collide).
 */
export function fixedDeps(start = Date.UTC(2026, 0, 5, 9, 0, 0), idPrefix = 'id', ids: 'plain' | 'guid' = 'plain') {
  let n = 0;
  let t = start;
  const lead = Buffer.from(idPrefix.slice(0, 4), 'latin1').toString('hex').padEnd(8, '0');
  return {
    now: () => new Date((t += 1000)),
    newId: () => (ids === 'guid' ? `${lead}-0000-4000-8000-${String(++n).padStart(12, '0')}` : `${idPrefix}-${String(++n).padStart(4, '0')}`),
  };
}
