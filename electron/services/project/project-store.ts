import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { CoderCoding, DocumentContent, MemoView } from '../../../shared/api/contract';
import { memoViews } from '../../../shared/api/snapshot-delta';
import { invertPatch } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { CoderFile, Coding, DocumentMeta, ProjectFile } from '../../../shared/domain/schemas';
import { danglingReferences, patchConflicts } from '../../../shared/domain/state/patch-check';
import { ProjectState } from '../../../shared/domain/state/project-state';
import type { ServiceDeps } from '../deps';
import { BackupPolicy } from '../store/backups';
import { nodeFileIo, saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { acquireProjectLock } from '../store/project-lock';
import type { LockApp, ProjectLock } from '../store/project-lock';
import { JOURNAL_FILE } from './change-journal';
import { ProjectLayout } from './layout';
import { loadProjectState } from './project-loader';
import { ProjectFiles } from './project-files';
import { withRestoreOffer } from './restore-backup';
import { SourceFiles, hashText } from './source-files';
import type { PlannedSource, SourceText } from './source-files';
import { Trash } from './trash';

export { hashText };
export type { SourceText };

export interface OpenOptions {
  /**
   * 'write' (the default): take the project's lock; if another Marginalia holds it (or the
   * folder cannot be written), the project opens read-only and says why. 'read': never write
   * and take no lock (a command that only reads, like `marginalia info`).
   */
  access?: 'write' | 'read';
  /** What holds the lock, for the message another instance shows. */
  app?: LockApp;
}

/**
 * An open project: its state in memory (ProjectState) and its folder on disk. The one way it
 * changes is `applyPatch`; transcripts are written once, before the patch that lists them.
 */
export class ProjectStore {
  /** Why writes are refused (read-only, closed, or a change that could not be finished), or null. */
  private refusal: AppError | null;
  private readonly notes: string[] = [];
  /** Changes run one at a time, so each is checked against the state the one before it left. */
  private tail: Promise<void> = Promise.resolve();
  private readonly files: ProjectFiles;
  private readonly sources: SourceFiles;
  private readonly trash: Trash;

  private constructor(
    readonly layout: ProjectLayout,
    readonly state: ProjectState,
    private readonly deps: ServiceDeps,
    private readonly lock: ProjectLock | null,
    readOnlyReason: string | null,
  ) {
    this.refusal = readOnlyReason === null ? null : new AppError('READ_ONLY', readOnlyReason);
    const io: FileIo = deps.io ?? nodeFileIo;
    const backups = new BackupPolicy(layout.dir, deps.now);
    this.files = new ProjectFiles(layout, backups, io, deps.now);
    this.sources = new SourceFiles(layout, io);
    this.trash = new Trash(layout, io, this.sources, backups);
  }

  get dir(): string {
    return this.layout.dir;
  }

  get data(): Readonly<ProjectFile> {
    return this.state.data;
  }

  /** Set when changes cannot be saved: the reason, for a banner. */
  get readOnly(): { reason: string } | null {
    return this.refusal ? { reason: this.refusal.message } : null;
  }

  /** What was repaired on opening (a stale lock cleared, an interrupted change completed). */
  get recoveryNotes(): readonly string[] {
    return this.notes;
  }

  static async open(dir: string, deps: ServiceDeps, options: OpenOptions = {}): Promise<ProjectStore> {
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
      const state = await loadProjectState(layout, deps.io ?? nodeFileIo, { discardTemp: lock !== null });
      const store = new ProjectStore(layout, state, deps, lock, readOnlyReason);
      if (note) store.notes.push(note);
      if (lock) {
        await store.removeLeftovers();
        await store.finishInterruptedChange();
        await store.trash.empty(state);
      }
      return store;
    } catch (err) {
      await lock?.release();
      throw await withRestoreOffer(err, dir);
    }
  }

  /** Creates a project folder (new, or empty) with the given codebook and no documents. */
  static async create(
    dir: string,
    init: Pick<ProjectFile, 'name' | 'description' | 'codebook' | 'attributes'>,
    deps: ServiceDeps,
    options: Pick<OpenOptions, 'app'> = {},
  ): Promise<ProjectStore> {
    const layout = new ProjectLayout(dir);
    try {
      for (const folder of [dir, layout.sourcesDir, layout.codersDir]) await mkdir(folder, { recursive: true });
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
      await io.createExclusive(layout.projectFile, JSON.stringify(project, null, 1)).catch((err: unknown) => {
        throw saveFailure(err, 'project.json', layout.projectFile);
      });
      return new ProjectStore(layout, ProjectState.fromFiles(project, new Map()), deps, outcome.lock, null);
    } catch (err) {
      await outcome.lock.release();
      throw err;
    }
  }

  /** Throws if this store may not write (read-only, closed, or stopped after a failure). */
  assertWritable(): void {
    if (this.refusal) throw this.refusal;
  }

  /** Runs a change after every earlier one has finished, refusing it if writing has stopped meanwhile. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (this.refusal) return Promise.reject(this.refusal);
    const result = this.tail.then(() => {
      this.assertWritable();
      return run();
    });
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }

  /** Stops all writing after a change could be neither finished nor taken back. */
  private stopWriting(label: string, err: unknown): never {
    const why = err instanceof Error ? err.message : String(err);
    this.refusal = new AppError(
      'IO',
      `A change ("${label}") could not be saved, nor taken back: ${why} Nothing more will be saved until the project is opened again, which completes that change.`,
    );
    throw this.refusal;
  }

  /**
   * The one way a project changes. The patch is checked against the project as it is now (an
   * undo may meet another coder's later work), applied in memory, checked for anything left
   * pointing at what it removed, and saved; if any step fails the project is as it was, in
   * memory and on disk.
   */
  applyPatch(patch: Patch): Promise<void> {
    return this.exclusive(async () => {
      const conflicts = patchConflicts(this.state, patch);
      if (conflicts.length > 0) throw new AppError('CONFLICT', `“${patch.label}” cannot be applied now: ${conflicts.join('; ')}.`);
      this.state.apply(patch);
      const inverse = invertPatch(patch);
      const dangling = danglingReferences(this.state, patch);
      if (dangling.length > 0) {
        this.state.apply(inverse);
        throw new AppError('CONFLICT', `“${patch.label}” cannot be applied now: ${dangling.join('; ')}.`);
      }
      try {
        await this.trash.expect(patch);
      } catch (err) {
        this.state.apply(inverse);
        throw err;
      }
      await this.files.save(this.state, patch, () => this.state.apply(inverse), (err) => this.stopWriting(patch.label, err));
    });
  }

  /**
   * Applies a patch that adds documents: their transcripts are written first, held in the trash
   * until the patch lists them (a crash in between leaves nothing behind on the next open), and
   * removed again if the patch fails.
   */
  async addDocuments(patch: Patch, sources: readonly PlannedSource[]): Promise<void> {
    this.assertWritable();
    const ids = sources.map((s) => s.meta.id);
    await this.trash.hold(ids);
    try {
      await this.sources.writeMany(sources.map((s) => ({ id: s.meta.id, text: s.text, turns: s.turns })));
      await this.applyPatch(patch);
    } catch (err) {
      await this.sources.remove(ids.filter((id) => !this.state.tables.documents.has(id)));
      throw err;
    }
  }

  private document(documentId: string): DocumentMeta {
    const doc = this.state.tables.documents.get(documentId);
    if (!doc) throw new AppError('NOT_FOUND', `No document with id ${documentId} in this project.`);
    return doc;
  }

  /** The normalised text and speaker turns of a document, checked against the project's record. */
  readSource(documentId: string): Promise<SourceText> {
    return this.sources.read(this.document(documentId));
  }

  async documentContent(documentId: string): Promise<DocumentContent> {
    const doc = this.document(documentId);
    const { text, turns } = await this.sources.read(doc);
    return { id: doc.id, name: doc.name, text, turns, codings: this.documentCodings(documentId) };
  }

  /** Every coder's codings in one document. */
  documentCodings(documentId: string): CoderCoding[] {
    this.document(documentId);
    return this.state.coderIds().flatMap((coderId) => this.state.coder(coderId)!.codingsIn(documentId).map((c) => ({ ...c, coderId })));
  }

  coderFile(coderId: string): Readonly<CoderFile> {
    const coder = this.state.coder(coderId);
    if (!coder) throw new AppError('NOT_FOUND', `No coder with id ${coderId} in this project.`);
    return coder.toFile();
  }

  codingsOf(coderId: string): readonly Coding[] {
    return this.coderFile(coderId).codings;
  }

  /** Codings per code id, then per coder id. */
  codingCounts(): Record<string, Record<string, number>> {
    return this.state.codingCounts();
  }

  memos(): MemoView[] {
    return this.data.coders.flatMap((coder) => memoViews(this.state, coder.id));
  }

  /**
   * Removes what a writer that stopped mid-write left behind: temp files of transcripts, of coder
   * files and of the change record (never renamed into place, so never acknowledged), and lock
   * files set aside while a stale lock was being cleared. Only the lock holder does this.
   */
  private async removeLeftovers(): Promise<void> {
    const leftovers = async (dir: string, match: RegExp) =>
      (await readdir(dir).catch(() => [] as string[])).filter((n) => match.test(n)).map((n) => join(dir, n));
    const files = [
      ...(await leftovers(this.layout.sourcesDir, /^\..+\.tmp$/)),
      ...(await leftovers(this.layout.codersDir, /^\..+\.json\.tmp$/)),
      ...(await leftovers(this.dir, /^(\.\.marginalia-journal\.json\.tmp|\.marginalia-lock\.stale-.+)$/)),
    ];
    await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
  }

  /**
   * Completes a change that a Marginalia which stopped mid-way had recorded (see ChangeJournal).
   * If it cannot be completed, the project stays open read-only and says why.
   */
  private async finishInterruptedChange(): Promise<void> {
    const change = await this.files.journal.read();
    if (change === null) return;
    if (change instanceof AppError) {
      const aside = join('damaged', `${JOURNAL_FILE.replace(/^\./, '')}.${this.deps.now().getTime()}`);
      await mkdir(join(this.dir, 'damaged'), { recursive: true });
      await rename(this.files.journal.file, join(this.dir, aside));
      this.notes.push(`A record of an unfinished change could not be read (${change.message}); it was moved to ${aside}. Run a check of the project to see whether anything is out of step.`);
      return;
    }
    const label = change.patch.label;
    try {
      await this.trash.expect(change.patch);
      await this.files.complete(this.state, change.patch);
      this.notes.push(`A change that was interrupted last time ("${label}") has been completed.`);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.refusal = new AppError(
        'READ_ONLY',
        `A change that was interrupted last time ("${label}") could not be completed: ${why} The project is open read-only until it can be; open it again once the problem is solved.`,
      );
    }
  }

  async flush(): Promise<void> {
    await this.tail;
  }

  /**
   * Saves what is pending, purges the transcripts of documents deleted in this session (their
   * deletion can no longer be undone), then gives the project up: its lock is released and
   * writes are refused.
   */
  async close(): Promise<void> {
    await this.flush();
    if (this.lock && !this.refusal) await this.trash.empty(this.state);
    this.refusal ??= new AppError('READ_ONLY', 'This project has been closed; open it again to make changes.');
    await this.lock?.release();
  }
}
