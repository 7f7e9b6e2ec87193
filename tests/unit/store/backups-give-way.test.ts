import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BackupSets } from '../../../electron/services/store/backups';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const QUIET_MS = 80;

/** A project folder whose coder snapshot takes several pieces to copy. */
async function projectWithBigFile() {
  const dir = await tempDir();
  const snapshot = join(dir, 'coder.json');
  const content = randomBytes(3 * 1024 * 1024 + 17);
  await writeFile(snapshot, content);
  const sets = new BackupSets(dir, () => new Date(Date.UTC(2026, 11, 5, 9)), QUIET_MS);
  return { dir, sets, content, members: [{ stem: 'coders-a', snapshot, logs: [] }] };
}

const setFiles = async (dir: string) => (await readdir(join(dir, 'backups')).catch(() => [] as string[])).filter((n) => n.startsWith('set.'));

/** Changes saved every 20 ms for `ms`, as a coder working quickly. */
async function keepChanging(sets: BackupSets, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    sets.noteChange();
    await sleep(20);
  }
}

describe('a backup set copied in the background', () => {
  it('gives way while changes are being saved, then completes byte for byte once saving is quiet', async () => {
    const { dir, sets, content, members } = await projectWithBigFile();
    sets.noteChange();
    await sets.take(members);
    await keepChanging(sets, 400);
    expect(await setFiles(dir)).toEqual([]);
    const copied = await readFile(join(dir, 'backups', 'coders-a.20261205-090000-000.json')).catch(() => Buffer.alloc(0));
    expect(copied.length).toBe(0);

    for (let waited = 0; (await setFiles(dir)).length === 0 && waited < 5000; waited += 20) await sleep(20);
    expect(await setFiles(dir)).toEqual(['set.20261205-090000-000.json']);
    expect((await readFile(join(dir, 'backups', 'coders-a.20261205-090000-000.json'))).equals(content)).toBe(true);
  });

  it('stops giving way when the project closes, so closing never waits for a quiet moment', async () => {
    const { dir, sets, content, members } = await projectWithBigFile();
    sets.noteChange();
    await sets.take(members);
    let changing = true;
    const changes = (async () => {
      while (changing) {
        sets.noteChange();
        await sleep(10);
      }
    })();
    await sets.settled();
    changing = false;
    await changes;
    expect(await setFiles(dir)).toEqual(['set.20261205-090000-000.json']);
    expect((await readFile(join(dir, 'backups', 'coders-a.20261205-090000-000.json'))).equals(content)).toBe(true);
  });
});
