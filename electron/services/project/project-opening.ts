import { stat } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { ProjectFile } from '../../../shared/domain/schemas';
import { ProjectState } from '../../../shared/domain/state/project-state';
import type { ServiceDeps } from '../deps';
import { makePrivateDir, nodeFileIo, saveFailure } from '../store/file-io';
import { acquireProjectLock } from '../store/project-lock';
import type { LockApp, ProjectLock } from '../store/project-lock';
import type { CompactionPolicy } from './compactor';
import type { LogPosition, TornLine } from './data-file';
import { emptyPosition } from './data-file-writer';
import { ProjectLayout } from './layout';
import type { FileKey } from './layout';
import { loadProject } from './project-loader';
import { withRestoreOffer } from './restore-backup';

/**
 * Taking a project folder before the store can use it: its lock, then its files loaded (or, for
 * a new project, its first project.json written). The lock is given back whenever the rest of
 * opening fails, so a project that could not be opened is never left locked.
 */

export interface OpenOptions {
  /**
   * 'write' (the default): take the project's lock; if another Marginalia holds it (or the
   * folder cannot be written), the project opens read-only and says why. 'read': never write
   * and take no lock (a command that only reads, like `marginalia info`).
   */
  access?: 'write' | 'read';
  /** What holds the lock, for the message another instance shows. */
  app?: LockApp;
  /** When change logs are folded into snapshots (tests and the crash test make it often). */
  compaction?: Partial<CompactionPolicy>;
}

/** A project folder taken: what the store is built from. */
export interface OpenedFolder {
  layout: ProjectLayout;
  state: ProjectState;
  positions: ReadonlyMap<FileKey, LogPosition>;
  /** Null when the project is read-only. */
  lock: ProjectLock | null;
  /** Why changes cannot be saved, or null. */
  readOnlyReason: string | null;
  /** What taking the lock repaired (a stale lock cleared), or null. */
  note: string | null;
  /** Changes cut short by a crash, for recovery to complete or drop. */
  torn: readonly TornLine[];
}

/**
 * Locks (unless only reading) and loads an existing project, then builds the store with
 * `build`; if loading or building fails, the lock is released and the error offers a backup.
 */
export async function openFolder<T>(dir: string, deps: ServiceDeps, options: OpenOptions, build: (folder: OpenedFolder) => Promise<T>): Promise<T> {
  const layout = new ProjectLayout(dir);
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) throw new AppError('NOT_FOUND', `There is no project folder at ${dir}.`, dir);
  let lock: ProjectLock | null = null;
  let readOnlyReason: string | null = 'This project was opened for reading only: changes cannot be saved.';
  let note: string | null = null;
  const isProject = await stat(layout.projectFile).then(() => true, () => false);
  if (options.access !== 'read' && isProject) {
    const outcome = await acquireProjectLock(dir, options.app ?? 'desktop', deps);
    if (outcome.held) {
      ({ lock, note } = outcome);
      readOnlyReason = null;
    } else {
      readOnlyReason = outcome.reason;
    }
  }
  try {
    // Only the holder of the lock may tidy up after an interrupted write.
    const loaded = await loadProject(layout, { discardTemp: lock !== null });
    return await build({ layout, state: loaded.state, positions: loaded.positions, lock, readOnlyReason, note, torn: loaded.torn });
  } catch (err) {
    await lock?.release();
    throw await withRestoreOffer(err, dir);
  }
}

/** Creates a project folder (new, or empty) with the given codebook and no documents, locked, and builds the store. */
export async function createFolder<T>(
  dir: string,
  init: Pick<ProjectFile, 'name' | 'description' | 'codebook' | 'attributes'>,
  deps: ServiceDeps,
  options: Pick<OpenOptions, 'app'>,
  build: (folder: OpenedFolder) => T,
): Promise<T> {
  const layout = new ProjectLayout(dir);
  try {
    for (const folder of [dir, layout.sourcesDir, layout.codersDir]) await makePrivateDir(folder);
  } catch (err) {
    throw saveFailure(err, dir, dir);
  }
  const outcome = await acquireProjectLock(dir, options.app ?? 'desktop', deps);
  if (!outcome.held) throw new AppError('READ_ONLY', `The project cannot be created in ${dir}. ${outcome.reason}`, dir);
  try {
    if (await stat(layout.projectFile).then(() => true, () => false)) throw new AppError('ALREADY_EXISTS', `project.json already exists in ${dir}.`, layout.projectFile);
    const project: ProjectFile = {
      schemaVersion: PROJECT_SCHEMA_VERSION,
      id: deps.newId(),
      createdAt: deps.now().toISOString(),
      documents: [],
      coders: [],
      sets: [],
      queries: [],
      ...init,
    };
    const io = deps.io ?? nodeFileIo;
    const text = JSON.stringify(project, null, 1);
    await io.createExclusive(layout.projectFile, text).catch((err: unknown) => {
      throw saveFailure(err, 'project.json', layout.projectFile);
    });
    const positions = new Map([[null, { ...emptyPosition(), snapshotBytes: Buffer.byteLength(text) }]]);
    return build({ layout, state: ProjectState.fromFiles(project, new Map()), positions, lock: outcome.lock, readOnlyReason: null, note: null, torn: [] });
  } catch (err) {
    await outcome.lock.release();
    throw err;
  }
}
