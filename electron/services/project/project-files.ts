import { coderCollections, coderGains, touchedCoders, touchesProjectFile } from '../../../shared/domain/patch';
import type { Change, Patch } from '../../../shared/domain/patch';
import type { ProjectState } from '../../../shared/domain/state/project-state';
import type { FileIo } from '../store/file-io';
import { ChangeJournal } from './change-journal';
import type { LogPosition } from './data-file';
import { DataFileWriter, emptyPosition } from './data-file-writer';
import type { FileKey, ProjectLayout } from './layout';

/** What saving a patch does to one data file; `undo` takes it back once the state is reverted. */
interface Step {
  key: FileKey;
  run: () => Promise<() => Promise<void>>;
}

/**
 * Saves patches to the project's data files. Each file a patch touches gets that file's part of
 * it appended to its change log (one line, flushed): a save costs the size of the change, never
 * the size of the file. A coder who joins gets their file written whole; one who leaves has
 * their files removed.
 *
 * Files that gain go first and files that only lose last, so that a reader meeting a save half
 * way never sees a coding pointing at a code project.json does not list; a change touching
 * several files is recorded in the journal first, so an interruption is completed on the next
 * open (applying a change twice is harmless).
 */
export class ProjectFiles {
  readonly journal: ChangeJournal;
  private readonly files = new Map<FileKey, DataFileWriter>();

  constructor(
    private readonly layout: ProjectLayout,
    private readonly io: FileIo,
    private readonly now: () => Date,
    positions: ReadonlyMap<FileKey, LogPosition>,
  ) {
    this.journal = new ChangeJournal(layout.dir, io);
    for (const [key, position] of positions) this.files.set(key, new DataFileWriter(key, layout.data(key), io, position));
  }

  /** A data file of the project (a coder's file, for a coder joining, before it exists). */
  file(key: FileKey): DataFileWriter {
    let file = this.files.get(key);
    if (!file) this.files.set(key, (file = new DataFileWriter(key, this.layout.data(key), this.io, emptyPosition())));
    return file;
  }

  /** The data file of `key`, if the project has it. */
  get(key: FileKey): DataFileWriter | undefined {
    return this.files.get(key);
  }

  /** Every data file the project has. */
  all(): DataFileWriter[] {
    return [...this.files.values()];
  }

  /** The steps that save a patch just applied to `state`, in groups written one after another. */
  private plan(state: ProjectState, patch: Patch): Step[][] {
    const coderChanges = patch.project?.coders ?? [];
    const joining = coderChanges.filter((c) => c.before === null && c.after !== null && state.coder(c.id)).map((c) => c.id);
    const leaving = coderChanges.filter((c) => c.after === null && !state.coder(c.id)).map((c) => c.id);
    const staying = touchedCoders(patch).filter((id) => !joining.includes(id) && !leaving.includes(id) && state.coder(id));
    const append = (key: FileKey, changes: Record<string, Change<unknown>[] | undefined>): Step => ({
      key,
      run: () => this.file(key).append(patch.label, changes),
    });
    const coderPart = (id: string) => {
      const part = patch.coders!.find((c) => c.coderId === id)!;
      return Object.fromEntries(coderCollections.filter((k) => part[k]?.length).map((k) => [k, part[k]])) as Record<string, Change<unknown>[]>;
    };
    const join = (id: string): Step => ({
      key: id,
      run: async () => {
        await this.file(id).create(state.coder(id)!.toFile());
        return () => this.file(id).remove();
      },
    });
    const leave = (id: string): Step => ({
      key: id,
      run: async () => {
        await this.file(id).remove();
        this.files.delete(id);
        // Taken back after the state is: the coder is there again, with all their work.
        return () => this.file(id).create(state.coder(id)!.toFile());
      },
    });
    const groups: Step[][] = [
      [...joining.map(join), ...staying.filter((id) => coderGains(patch, id)).map((id) => append(id, coderPart(id)))],
      touchesProjectFile(patch) ? [append(null, patch.project as Record<string, Change<unknown>[]>)] : [],
      staying.filter((id) => !coderGains(patch, id)).map((id) => append(id, coderPart(id))),
      leaving.map(leave),
    ];
    return groups.filter((g) => g.length > 0);
  }

  /**
   * Saves a patch just applied to `state`; resolves to the files it appended to. If a write
   * fails, `revert` takes the patch back in memory and what was written is taken back, so the
   * change is saved everywhere or nowhere; `stop` is called when even that fails.
   */
  async save(state: ProjectState, patch: Patch, revert: () => void, stop: (err: unknown) => never): Promise<FileKey[]> {
    const groups = this.plan(state, patch);
    const journaled = groups.flat().length > 1;
    if (journaled) await this.journal.begin({ kind: 'patch', patch }, this.now());
    const undo: (() => Promise<void>)[] = [];
    try {
      for (const group of groups) {
        const results = await Promise.allSettled(group.map((step) => step.run()));
        for (const r of results) if (r.status === 'fulfilled') undo.push(r.value);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      }
    } catch (err) {
      revert();
      try {
        for (const takeBack of undo.reverse()) await takeBack();
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
    return groups.flat().map((s) => s.key);
  }

  /** Completes a journaled patch that an earlier Marginalia was interrupted in: applying it again is harmless. */
  async complete(state: ProjectState, patch: Patch): Promise<void> {
    state.apply(patch);
    for (const group of this.plan(state, patch)) await Promise.all(group.map((step) => step.run()));
    await this.journal.end();
  }
}
