import { unlink } from 'node:fs/promises';
import { coderGains, touchedCoders, touchesProjectFile } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import type { ProjectState } from '../../../shared/domain/state/project-state';
import type { BackupPolicy } from '../store/backups';
import { saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { ChangeJournal } from './change-journal';
import { displayNames } from './layout';
import type { ProjectLayout } from './layout';

/** One file of the project, made to hold what the state holds: `null` is project.json, else a coder's file. */
type FileKey = string | null;

/**
 * Writes what a patch changed from the project's state to its files: project.json and the
 * coder files it touched, each atomically and durably, with a backup of the version replaced.
 * Files that gain go first and files that only lose last, so an interrupted change never leaves
 * a coding pointing at a code project.json does not list; a change touching several files is
 * recorded in the journal first, so an interruption is completed on the next open.
 */
export class ProjectFiles {
  readonly journal: ChangeJournal;

  constructor(
    private readonly layout: ProjectLayout,
    private readonly backups: BackupPolicy,
    private readonly io: FileIo,
    private readonly now: () => Date,
  ) {
    this.journal = new ChangeJournal(layout.dir, io);
  }

  /** The files a patch touches, in the order they are written. */
  private order(state: ProjectState, patch: Patch): FileKey[][] {
    const coders = touchedCoders(patch);
    for (const change of patch.project?.coders ?? []) if (!coders.includes(change.id)) coders.push(change.id);
    const first = coders.filter((id) => state.coder(id) !== undefined && coderGains(patch, id));
    const last = coders.filter((id) => !first.includes(id));
    return [first, touchesProjectFile(patch) ? [null] : [], last].filter((g) => g.length > 0);
  }

  /** Makes one file hold what the state holds (a coder no longer in the state has no file). */
  private async sync(state: ProjectState, key: FileKey): Promise<void> {
    const file = key === null ? this.layout.projectFile : this.layout.coderFile(key);
    const displayName = key === null ? displayNames.projectFile : displayNames.coderFile(key);
    const content = key === null ? state.data : state.coder(key)?.toFile();
    try {
      if (content === undefined) {
        await unlink(file).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        });
        return;
      }
      await this.backups.beforeOverwrite(file);
      await this.io.writeFileDurably(file, JSON.stringify(content, null, 1));
    } catch (err) {
      throw saveFailure(err, displayName, file);
    }
  }

  /**
   * Saves a patch just applied to `state`. If a write fails, `revert` takes the patch back in
   * memory and the files already written are written again from it, so the change is saved
   * everywhere or nowhere; `stop` is called when even that fails.
   */
  async save(state: ProjectState, patch: Patch, revert: () => void, stop: (err: unknown) => never): Promise<void> {
    const groups = this.order(state, patch);
    const journaled = groups.flat().length > 1;
    if (journaled) await this.journal.begin({ kind: 'patch', patch }, this.now());
    const done: FileKey[] = [];
    try {
      for (const group of groups) {
        const results = await Promise.allSettled(group.map((key) => this.sync(state, key)));
        results.forEach((r, i) => r.status === 'fulfilled' && done.push(group[i]!));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      }
    } catch (err) {
      revert();
      try {
        await Promise.all(done.map((key) => this.sync(state, key)));
        if (journaled) await this.journal.end();
      } catch (undoErr) {
        stop(undoErr);
      }
      throw err;
    }
    if (journaled) {
      try {
        await this.journal.end();
      } catch (err) {
        stop(err);
      }
    }
  }

  /** Completes a journaled patch that an earlier Marginalia was interrupted in: applying it again is harmless. */
  async complete(state: ProjectState, patch: Patch): Promise<void> {
    state.apply(patch);
    for (const group of this.order(state, patch)) await Promise.all(group.map((key) => this.sync(state, key)));
    await this.journal.end();
  }
}
