import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ImportSource } from '../../../shared/api/contract';
import { ImportError, importLimits } from './types';
import type { SourceFile } from './types';

/**
 * Files handed over for import (uploaded in browser mode, dropped on the window) wait here, in
 * a private temp folder that is removed when the app closes, until the user confirms the import.
 */
export class StagingArea {
  private dir: string | null = null;
  private readonly names = new Map<string, string>();

  private async folder(): Promise<string> {
    return (this.dir ??= await mkdtemp(join(tmpdir(), 'marginalia-import-')));
  }

  async stage(name: string, bytes: Uint8Array): Promise<string> {
    if (bytes.length > importLimits.maxFileBytes) throw new ImportError(name, 'is larger than 100 MB');
    const id = randomUUID();
    await writeFile(join(await this.folder(), id), bytes, { mode: 0o600 });
    this.names.set(id, name);
    return id;
  }

  /** The file behind a source: a staged upload, or a path on this computer. */
  async read(source: ImportSource): Promise<SourceFile> {
    if ('stagedId' in source) {
      const name = this.names.get(source.stagedId);
      if (!name || !this.dir) throw new AppError('NOT_FOUND', 'That file is no longer waiting to be imported: add it again.');
      return { name, bytes: await readFile(join(this.dir, source.stagedId)) };
    }
    const name = basename(source.path);
    const info = await stat(source.path).catch(() => {
      throw new ImportError(name, `cannot be found at ${source.path}`);
    });
    if (!info.isFile()) throw new ImportError(name, 'is a folder, not a file');
    if (info.size > importLimits.maxFileBytes) throw new ImportError(name, `is larger than 100 MB (it is ${Math.round(info.size / 1e6)} MB)`);
    return { name, bytes: await readFile(source.path) };
  }

  async discard(source: ImportSource): Promise<void> {
    if (!('stagedId' in source) || !this.dir) return;
    this.names.delete(source.stagedId);
    await rm(join(this.dir, source.stagedId), { force: true });
  }

  async clear(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.names.clear();
  }
}
