import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under `dir` (recursively) with a hash of its bytes, by path relative to `dir`. */
export async function fileHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/**
 * Waits until the project's first backup set is written: it is copied in the background once
 * saving has been quiet for a moment, so a file appears in backups/ after the change that took it.
 */
export async function firstBackupSetWritten(dir: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 25) {
    const names = await readdir(join(dir, 'backups')).catch(() => [] as string[]);
    if (names.some((n) => n.startsWith('set.'))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`No backup set was written in ${dir} within 10 s.`);
}
