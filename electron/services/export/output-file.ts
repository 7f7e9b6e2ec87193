import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../../../shared/api/errors';

/**
 * A file an export writes (`marginalia export`'s destination; in the app, a file of the
 * backend's own, see export-files.ts): refused when it exists unless `force`, written to a
 * temporary file beside it and renamed over it only once complete, so a failed or interrupted
 * export never leaves half a file, nor destroys the file it was to replace.
 */

function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return (err as Error).message;
  }
}

export async function writeOutputFile<T>(path: string, force: boolean, write: (stream: Writable) => Promise<T>): Promise<{ result: T; bytes: number }> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new AppError('INVALID_INPUT', `cannot write ${path}: it is a folder.`, path);
  if (existing && !force) throw new AppError('ALREADY_EXISTS', `${path} already exists: give --force to replace it.`, path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => stream.once('error', (err) => reject(new AppError('IO', `cannot write ${path}: ${ioReason(err)}.`, path))));
  failed.catch(() => {}); // Raced below; an error after the file is done has nothing left to fail.
  // Opening first: an unwritable destination is reported before any work is done.
  await Promise.race([new Promise<void>((resolve) => stream.once('ready', () => resolve())), failed]);
  try {
    const result = await Promise.race([write(stream), failed]);
    if (!stream.writableFinished) await Promise.race([new Promise<void>((resolve) => stream.once('finish', () => resolve())), failed]);
    await new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));
    const bytes = (await stat(temp)).size;
    await rename(temp, path).catch((err: unknown) => {
      throw new AppError('IO', `cannot write ${path}: ${ioReason(err)}.`, path);
    });
    return { result, bytes };
  } catch (err) {
    stream.destroy();
    await rm(temp, { force: true });
    throw err;
  }
}
