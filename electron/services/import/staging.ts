import { randomUUID } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportSource } from '../../../shared/api/contract';
import { PrivateTempFolder } from '../private-temp-folder';
import { tooLargeToImport } from '../../../shared/import/formats';
import { ImportError } from './types';
import type { SourceFile } from './types';

/**
 * Files handed over for import (uploaded in browser mode, dropped on the window) wait here, in
 * a private temp folder that is removed when the app closes, until the user confirms the import.
 */
export class StagingArea {
  private readonly temp = new PrivateTempFolder('marginalia-import-');
  private readonly names = new Map<string, string>();

  async stage(name: string, bytes: Uint8Array): Promise<string> {
    const tooLarge = tooLargeToImport(bytes.length);
    if (tooLarge) throw new ImportError(name, tooLarge);
    const id = randomUUID();
    await writeFile(join(await this.temp.folder(), id), bytes, { mode: 0o600 });
    this.names.set(id, name);
    return id;
  }

  /** The file behind a source: a staged upload, or a path on this computer. */
  async read(source: ImportSource): Promise<SourceFile> {
    if ('stagedId' in source) {
      const name = this.names.get(source.stagedId);
      const dir = this.temp.made();
      if (!name || !dir) throw new AppError('NOT_FOUND', 'That file is no longer waiting to be imported: add it again.');
      return { name, bytes: await readFile(join(await dir, source.stagedId)) };
    }
    const name = basename(source.path);
    const info = await stat(source.path).catch(() => {
      throw new ImportError(name, `cannot be found at ${source.path}`);
    });
    if (!info.isFile()) throw new ImportError(name, 'is a folder, not a file');
    const tooLarge = tooLargeToImport(info.size);
    if (tooLarge) throw new ImportError(name, tooLarge);
    return { name, bytes: await readFile(source.path) };
  }

  async discard(source: ImportSource): Promise<void> {
    const dir = this.temp.made();
    if (!('stagedId' in source) || !dir) return;
    this.names.delete(source.stagedId);
    await rm(join(await dir, source.stagedId), { force: true });
  }

  async clear(): Promise<void> {
    this.names.clear();
    await this.temp.clear();
  }
}
