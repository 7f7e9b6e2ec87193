import { chmod, copyFile, mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, fsyncDir, writeAll, writeFileDurably } from './durable-file';
import type { FileContent } from './durable-file';

/**
 * The writes a project makes, as one replaceable object, so tests can make the disk "full" or
 * the folder "read-only" (tests run as root here, where permissions are not enforced).
 * Everything else (reads, backups, renames aside) uses node:fs directly.
 */
export interface FileIo {
  /** Replaces `file` atomically and durably (temp file, fsync, rename, fsync folder). */
  writeFileDurably(file: string, content: FileContent): Promise<void>;
  /**
   * Appends `text` to `file` and flushes its data (fdatasync): one change of a change log. A file
   * the append creates (`created`) has its folder entry flushed too.
   */
  append(file: string, text: string, options?: { created?: boolean }): Promise<void>;
  /** Cuts `file` back to `length` bytes, durably: takes back an append that could not be completed. */
  truncate(file: string, length: number): Promise<void>;
  /**
   * Creates `file` (private), failing with EEXIST if it exists (O_EXCL), and makes it durable. With
   * `syncFolder: false` the folder entry is left for one `syncFolder` call after a batch of files.
   */
  createExclusive(file: string, content: string, options?: { syncFolder?: boolean }): Promise<void>;
  /** Makes the entries of files created in `dir` durable. */
  syncFolder(dir: string): Promise<void>;
}

/** Creates `dir` and any missing parents as private folders; folders that exist keep their mode. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Copies `from` to a new private file `to` (a backup, a damaged file kept aside), whatever the source's mode. */
export async function copyPrivately(from: string, to: string, flags?: number): Promise<void> {
  await copyFile(from, to, flags);
  await chmod(to, PRIVATE_FILE_MODE);
}

export const nodeFileIo: FileIo = {
  writeFileDurably,
  async createExclusive(file, content, options = {}) {
    const handle = await open(file, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(content, 'utf-8');
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await unlink(file).catch(() => undefined);
      throw err;
    }
    await handle.close();
    if (options.syncFolder !== false) await fsyncDir(dirname(file));
  },
  syncFolder: fsyncDir,
  async append(file, text, options = {}) {
    const handle = await open(file, 'a', PRIVATE_FILE_MODE);
    try {
      await writeAll(handle, text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (options.created) await fsyncDir(dirname(file));
  },
  async truncate(file, length) {
    const handle = await open(file, 'r+');
    try {
      await handle.truncate(length);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },
};

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM']);

export function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

/** True for the errors that say the disk or folder will not take a write (full, read-only, forbidden). */
export function isUnwritable(err: unknown): boolean {
  const code = errnoOf(err);
  return code !== undefined && (DISK_FULL.has(code) || NOT_WRITABLE.has(code));
}

/** Why a write failed, in words, from its errno code. */
export function describeWriteFailure(err: unknown): string {
  const code = errnoOf(err);
  if (code && DISK_FULL.has(code)) return 'the disk is full (or your storage quota is used up)';
  if (code === 'EROFS') return 'the folder is read-only';
  if (code && NOT_WRITABLE.has(code)) return 'the folder is read-only or you are not allowed to change it';
  return err instanceof Error ? err.message : String(err);
}

/**
 * A failed save as the error the user sees: it names the file and the cause, and says that
 * what was saved before is intact. An AppError passes through unchanged.
 */
export function saveFailure(err: unknown, displayName: string, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = errnoOf(err);
  const next =
    code && DISK_FULL.has(code)
      ? 'Free some space, then try again.'
      : code && NOT_WRITABLE.has(code)
        ? 'Make the folder writable (or copy the project to a folder you can write to and open it there), then try again.'
        : 'Try again; if it keeps failing, check the disk.';
  return new AppError(
    'IO',
    `${displayName} could not be saved: ${describeWriteFailure(err)}. This change was not saved; everything saved before it is intact. ${next}`,
    file,
    { cause: err },
  );
}
