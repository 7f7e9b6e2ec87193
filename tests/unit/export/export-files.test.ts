import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportFiles } from '../../../electron/services/export/export-files';

/** A file an export wrote, as a worker would write it. */
async function written(files: ExportFiles, bytes: Buffer) {
  const reserved = await files.reserve();
  await writeFile(reserved.path, bytes);
  return reserved;
}

describe("the app's export files", () => {
  it('are read back whole, a piece at a time, and deleted once the last piece is read', async () => {
    const files = new ExportFiles();
    const bytes = randomBytes(2500);
    const { fileId, path } = await written(files, bytes);
    // The folder is the app's own: only this user may look inside.
    if (process.platform !== 'win32') expect((await stat(dirname(path))).mode & 0o077).toBe(0);
    const pieces: Buffer[] = [];
    const offsets: (number | null)[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const chunk = await files.read(fileId, offset, 1000);
      pieces.push(Buffer.from(chunk.base64, 'base64'));
      offset = chunk.nextOffset;
      offsets.push(offset);
    }
    expect(offsets).toEqual([1000, 2000, null]);
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
    expect(existsSync(path)).toBe(false);
    await expect(files.read(fileId, 0)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/export it again/) });
    await files.clear();
  });

  it('read nothing but what an export made, and are all removed when the app closes', async () => {
    const files = new ExportFiles();
    await expect(files.read('6f1c2a53-3c1e-4e55-9b43-2f0d3f1f0a11', 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const empty = await written(files, Buffer.alloc(0));
    expect(await files.read(empty.fileId, 0)).toEqual({ base64: '', nextOffset: null });
    const left = await written(files, randomBytes(10));
    expect(await readdir(dirname(left.path))).toEqual([left.fileId]);
    await files.clear();
    expect(existsSync(dirname(left.path))).toBe(false);
    await expect(files.read(left.fileId, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
