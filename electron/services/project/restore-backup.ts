import { constants } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupChoice, RestoreOffer } from '../../../shared/api/errors';
import type { ServiceDeps } from '../deps';
import { BackupPolicy } from '../store/backups';
import { fsyncDir } from '../store/durable-file';
import { copyPrivately, makePrivateDir, nodeFileIo, saveFailure } from '../store/file-io';
import { parseJsonFile } from '../store/json-store';
import { acquireProjectLock, formatWhen } from '../store/project-lock';
import type { LockApp } from '../store/project-lock';
import { coderFileKind, projectFileKind } from './file-kinds';

/**
 * Restoring project.json or a coder file from backups/ when it is damaged, from a newer
 * version, or missing. The damaged file is never overwritten: it is first copied to damaged/
 * (a name no other file has), and only then is the backup put in its place (atomically).
 * Transcripts (sources/) have no backups: they never change after import.
 */

const FILE_PATTERN = /^(project\.json|coders\/([A-Za-z0-9_-]{1,64})\.json)$/;
const STAMP = /\.(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})\.json$/;

/** "project.json" or "coders/<id>.json" for a file of the project that backups can restore; else null. */
export function restorableName(dir: string, file: string): string | null {
  const name = relative(dir, file).split(sep).join('/');
  return FILE_PATTERN.test(name) ? name : null;
}

function takenAt(backupName: string, fallback: Date): string {
  const m = STAMP.exec(backupName);
  if (!m) return fallback.toISOString();
  const [, y, mo, d, h, mi, s, ms] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
}

interface ValidBackup extends BackupChoice {
  path: string;
  text: string;
}

/** Whether a file's text is a sound file of its kind (and a coder file is that coder's). */
function validates(text: string, name: string, file: string): boolean {
  const coderId = FILE_PATTERN.exec(name)?.[2];
  const where = { file, displayName: name };
  try {
    if (coderId === undefined) parseJsonFile(text, projectFileKind, where);
    else if (parseJsonFile(text, coderFileKind, where).coderId !== coderId) return false;
    return true;
  } catch {
    return false;
  }
}

/** The backups of `name` ("project.json", "coders/<id>.json") that validate, newest first. */
export async function validBackups(dir: string, name: string): Promise<ValidBackup[]> {
  const policy = new BackupPolicy(dir);
  const valid: ValidBackup[] = [];
  for (const path of await policy.list(policy.stemFor(join(dir, name)))) {
    const text = await readFile(path, 'utf-8').catch(() => null);
    if (text === null || !validates(text, name, path)) continue;
    const backup = relative(policy.dir, path);
    const mtime = await stat(path).then((s) => s.mtime, () => new Date(0));
    valid.push({ backup, takenAt: takenAt(backup, mtime), path, text });
  }
  return valid;
}

/**
 * Adds a restore offer to an error about a damaged, newer-version or missing project.json or
 * coder file, when a backup of it validates. Any other error is returned as it is.
 */
export async function withRestoreOffer(err: unknown, dir: string): Promise<unknown> {
  if (!(err instanceof AppError) || !err.file || err.restore) return err;
  if (!['DAMAGED_FILE', 'UNSUPPORTED_VERSION', 'NOT_FOUND'].includes(err.code)) return err;
  const name = restorableName(dir, err.file);
  if (!name) return err;
  const backups = await validBackups(dir, name).catch(() => []);
  if (backups.length === 0) {
    return new AppError(err.code, `${err.message} There is no backup of ${name} to restore.`, err.file, { cause: err });
  }
  const offer: RestoreOffer = { projectPath: dir, file: name, backups: backups.map(({ backup, takenAt: at }) => ({ backup, takenAt: at })) };
  const kept = err.code === 'NOT_FOUND' ? '' : 'the damaged file is kept in damaged/, and ';
  const message = `${err.message} The newest backup that is sound is from ${formatWhen(backups[0]!.takenAt)}: it can be restored (${kept}changes made after the backup are not in it).`;
  return new AppError(err.code, message, err.file, { restore: offer, cause: err });
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}

/** Copies `file` into damaged/ under a name nothing else has; returns that name relative to the project. */
async function keepAside(dir: string, name: string, file: string, now: Date): Promise<string> {
  const damagedDir = join(dir, 'damaged');
  await makePrivateDir(damagedDir);
  const stem = name.replace(/\//g, '-').replace(/\.json$/, '');
  for (let n = 0; ; n++) {
    const target = join(damagedDir, `${stem}.${stampOf(now)}${n ? `-${n}` : ''}.json`);
    try {
      await copyPrivately(file, target, constants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    const handle = await open(target, 'r+');
    await handle.sync().finally(() => handle.close());
    await fsyncDir(damagedDir);
    return relative(dir, target).split(sep).join('/');
  }
}

export interface Restored {
  file: string;
  backup: string;
  takenAt: string;
  damagedCopy: string | null;
}

/**
 * Puts the newest valid backup (or the one named) of a damaged or missing file in its place.
 * Refuses while another Marginalia holds the project, and for a file that is not damaged.
 */
export async function restoreFromBackup(
  dir: string,
  name: string,
  options: { backup?: string; app: LockApp; deps: ServiceDeps },
): Promise<Restored> {
  if (!FILE_PATTERN.test(name)) {
    throw new AppError('INVALID_INPUT', `Only project.json and coder files (coders/<id>.json) have backups; ${name} has none.`);
  }
  const file = join(dir, ...name.split('/'));
  const outcome = await acquireProjectLock(dir, options.app, options.deps);
  if (!outcome.held) throw new AppError('READ_ONLY', `${name} cannot be restored now. ${outcome.reason}`, file);
  try {
    const current = await readFile(file, 'utf-8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw new AppError('IO', `${name} could not be read: ${err.message}`, file);
    });
    if (current !== null && validates(current, name, file)) {
      throw new AppError('INVALID_INPUT', `${name} is not damaged, so it was not replaced by a backup.`, file);
    }
    const backups = await validBackups(dir, name);
    const chosen = options.backup === undefined ? backups[0] : backups.find((b) => b.backup === options.backup);
    if (!chosen) {
      throw new AppError(
        'NOT_FOUND',
        options.backup === undefined
          ? `There is no sound backup of ${name} in backups/; nothing was changed.`
          : `backups/${options.backup} is not a sound backup of ${name}; nothing was changed.`,
        file,
      );
    }
    const now = options.deps.now();
    const damagedCopy = current === null ? null : await keepAside(dir, name, file, now);
    await (options.deps.io ?? nodeFileIo).writeFileDurably(file, chosen.text).catch((err: unknown) => {
      throw saveFailure(err, name, file);
    });
    return { file: name, backup: `backups/${chosen.backup}`, takenAt: chosen.takenAt, damagedCopy };
  } finally {
    await outcome.lock.release();
  }
}
