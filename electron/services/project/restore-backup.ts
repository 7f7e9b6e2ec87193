import { constants } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupChoice, RestoreOffer } from '../../../shared/api/errors';
import type { RestoreResult } from '../../../shared/api/contract';
import type { ServiceDeps } from '../deps';
import { BackupSets, stamp } from '../store/backups';
import { fsyncDir } from '../store/durable-file';
import { copyPrivately, makePrivateDir, nodeFileIo, saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { acquireProjectLock, formatWhen } from '../store/project-lock';
import type { LockApp } from '../store/project-lock';
import { readDataFile, replayCoderFile, replayProject } from './data-file';
import { coderFileKind, projectFileKind } from './file-kinds';
import { ProjectLayout } from './layout';
import { putSetInPlace, soundSet } from './restore-set';
import type { DataFilePaths, FileKey } from './layout';

/**
 * Restoring project.json or a coder file (its snapshot with its change log) from backups/ when
 * it is damaged, from a newer version, or missing. The damaged files are never overwritten:
 * they are first copied to damaged/ (names no other file has), and only then is the backup, its
 * log folded in, put in place (atomically) and the damaged log removed. Transcripts (sources/)
 * have no backups: they never change after import.
 */

const FILE_PATTERN = /^(project\.json|coders\/([A-Za-z0-9_-]{1,64})\.json)$/;
const STAMP = /\.(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})\.json$/;

/**
 * "project.json" or "coders/<id>.json" for a file of the project that backups can restore (a
 * change log is restored with its snapshot); else null.
 */
export function restorableName(dir: string, file: string): string | null {
  const name = relative(dir, file).split(sep).join('/').replace(/\.changes(\.compacting)?\.jsonl$/, '.json');
  return FILE_PATTERN.test(name) ? name : null;
}

export const keyOf = (name: string): FileKey => FILE_PATTERN.exec(name)?.[2] ?? null;

function takenAt(backupName: string, fallback: Date): string {
  const m = STAMP.exec(backupName);
  if (!m) return fallback.toISOString();
  const [, y, mo, d, h, mi, s, ms] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
}

interface ValidBackup extends BackupChoice {
  /** The stamp in its name: the set it belongs to. */
  at: string;
  /** The file it restores: the backup's snapshot with its log folded in. */
  text: string;
}

/**
 * A data file's content, its log folded in, when its snapshot and log are sound (and a coder's
 * file is that coder's); else null. `paths` may be the project's own files or a backup's.
 */
export async function soundContent(paths: DataFilePaths, name: string): Promise<object | null> {
  const key = keyOf(name);
  try {
    if (key === null) {
      const read = await readDataFile(paths, null, projectFileKind, { discardTemp: false });
      return replayProject(read.snapshot, read.pending);
    }
    const read = await readDataFile(paths, key, coderFileKind, { discardTemp: false });
    return read.snapshot.coderId === key ? replayCoderFile(read.snapshot, read.pending) : null;
  } catch {
    return null;
  }
}

/** A backup's snapshot and log (or none), as the paths a data file is read from. */
export function backupPaths(setsDir: string, snapshot: string, log: string | null): DataFilePaths {
  const backup = relative(setsDir, snapshot);
  const none = join(setsDir, `${backup}.no-log`);
  return { snapshot, log: log ?? none, compacting: none, names: { snapshot: `backups/${backup}`, log: `backups/${backup}`, compacting: `backups/${backup}` } };
}

/** The backups of `name` ("project.json", "coders/<id>.json") that validate, newest first. */
export async function validBackups(dir: string, name: string): Promise<ValidBackup[]> {
  const sets = new BackupSets(dir);
  const valid: ValidBackup[] = [];
  for (const { snapshot, log, at } of await sets.list(name.replace(/\.json$/, '').replace('/', '-'))) {
    const backup = relative(sets.dir, snapshot);
    const content = await soundContent(backupPaths(sets.dir, snapshot, log), name);
    if (!content) continue;
    const mtime = await stat(snapshot).then((s) => s.mtime, () => new Date(0));
    valid.push({ backup, at, takenAt: takenAt(backup, mtime), text: JSON.stringify(content, null, 1) });
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

/** Copies `file` into damaged/ under a name nothing else has; returns that name relative to the project. */
export async function keepAside(dir: string, name: string, file: string, now: Date): Promise<string> {
  const damagedDir = join(dir, 'damaged');
  await makePrivateDir(damagedDir);
  const [, stem, ext] = /^(.*?)((?:\.changes(?:\.compacting)?|\.turns)?\.(?:jsonl?|txt))$/.exec(name.replace(/\//g, '-'))!;
  for (let n = 0; ; n++) {
    const target = join(damagedDir, `${stem}.${stamp(now)}${n ? `-${n}` : ''}${ext}`);
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

/** Copies a data file's snapshot and logs, those that exist, into damaged/; returns their names there. */
export async function keepDataFileAside(dir: string, paths: DataFilePaths, now: Date): Promise<string[]> {
  const kept: string[] = [];
  for (const [path, shown] of [
    [paths.snapshot, paths.names.snapshot],
    [paths.log, paths.names.log],
    [paths.compacting, paths.names.compacting],
  ] as const) {
    if (await stat(path).then(() => true, () => false)) kept.push(await keepAside(dir, shown, path, now));
  }
  return kept;
}

/** Writes a restored data file's content in place (atomically) and removes its logs (kept aside first). */
export async function putInPlace(paths: DataFilePaths, name: string, text: string, io: FileIo): Promise<void> {
  await io.writeFileDurably(paths.snapshot, text).catch((err: unknown) => {
    throw saveFailure(err, name, paths.snapshot);
  });
  // The logs' changes were made on the file replaced: they are kept aside with it, not replayed.
  for (const log of [paths.log, paths.compacting]) await unlink(log).catch(() => undefined);
  await fsyncDir(dirname(paths.snapshot));
}

/** What a restore did: the reply to project.restoreBackup without its sentence and the project. */
export type Restored = Omit<RestoreResult, 'message' | 'snapshot'>;

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
  const paths = new ProjectLayout(dir).data(keyOf(name));
  const file = paths.snapshot;
  const outcome = await acquireProjectLock(dir, options.app, options.deps);
  if (!outcome.held) throw new AppError('READ_ONLY', `${name} cannot be restored now. ${outcome.reason}`, file);
  try {
    if (await soundContent(paths, name)) {
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
    const io = options.deps.io ?? nodeFileIo;
    const backup = `backups/${chosen.backup}`;
    // project.json is restored with the coder files taken with it, so they always agree.
    const set = name === 'project.json' ? await soundSet(dir, chosen.at) : null;
    if (set) {
      const keptAside = await putSetInPlace(dir, set, options.deps.now(), io);
      const alsoRestored = set.map((m) => m.name).filter((n) => n !== name);
      return { file: name, backup, takenAt: chosen.takenAt, damagedCopy: keptAside.find((k) => k.startsWith('damaged/project.')) ?? null, alsoRestored, keptAside };
    }
    const kept = await keepDataFileAside(dir, paths, options.deps.now());
    await putInPlace(paths, name, chosen.text, io);
    return { file: name, backup, takenAt: chosen.takenAt, damagedCopy: kept[0] ?? null, alsoRestored: [], keptAside: kept };
  } finally {
    await outcome.lock.release();
  }
}
