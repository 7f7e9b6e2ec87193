import { stat } from 'node:fs/promises';
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
import { service, stopAllOrThrow } from '../lifecycle';
import type { Service } from '../lifecycle';
import { BackupSets } from '../store/backups';
import type { SetMember } from '../store/backups';
import { makePrivateDir, nodeFileIo, saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { acquireProjectLock } from '../store/project-lock';
import type { LockApp, ProjectLock } from '../store/project-lock';
import { Compactor, defaultCompaction } from './compactor';
import type { CompactionPolicy } from './compactor';
import type { LogPosition } from './data-file';
import { emptyPosition } from './data-file-writer';
import { ProjectLayout } from './layout';
import type { FileKey } from './layout';
import { loadProject } from './project-loader';
import { ProjectFiles } from './project-files';
import { recoverProject } from './project-recovery';
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
  /** When change logs are folded into snapshots (tests and the crash test make it often). */
  compaction?: Partial<CompactionPolicy>;
}

/**
 * An open project: its state in memory (ProjectState) and its folder on disk. The one way it
 * changes is `applyPatch`, saved by appending to change logs (ProjectFiles) that a Compactor
 * folds into the snapshots in the background; transcripts are written once, before the patch
 * that lists them.
 */
export class ProjectStore {
  /** Why writes are refused (read-only, closed, or a change that could not be finished), or null. */
  private refusal: AppError | null;
  private readonly notes: string[] = [];
  /** Changes run one at a time, so each is checked against the state the one before it left. */
  private tail: Promise<void> = Promise.resolve();
  private readonly io: FileIo;
  private readonly files: ProjectFiles;
  private readonly sources: SourceFiles;
  private readonly trash: Trash;
  readonly backups: BackupSets;
  /** Whether a change was saved since this session's last backup set was begun. */
  private changedSinceSet = false;
  /** Folds change logs into snapshots in the background. */
  readonly compactor: Compactor;

  private constructor(
    readonly layout: ProjectLayout,
    readonly state: ProjectState,
    positions: ReadonlyMap<FileKey, LogPosition>,
    private readonly deps: ServiceDeps,
    private readonly lock: ProjectLock | null,
    readOnlyReason: string | null,
    compaction: Partial<CompactionPolicy> = {},
  ) {
    this.refusal = readOnlyReason === null ? null : new AppError('READ_ONLY', readOnlyReason);
    this.io = deps.io ?? nodeFileIo;
    this.backups = new BackupSets(layout.dir, deps.now);
    this.files = new ProjectFiles(layout, this.io, deps.now, positions);
    this.sources = new SourceFiles(layout, this.io);
    this.trash = new Trash(layout, this.io, this.sources, this.backups);
    this.compactor = new Compactor(this.files, state, (run) => this.serial(run), { ...defaultCompaction, ...compaction });
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
      const loaded = await loadProject(layout, { discardTemp: lock !== null });
      const store = new ProjectStore(layout, loaded.state, loaded.positions, deps, lock, readOnlyReason, options.compaction);
      if (note) store.notes.push(note);
      if (lock) {
        try {
          store.notes.push(...(await recoverProject(store.recovery(), loaded.torn)));
        } catch (err) {
          store.refusal = err instanceof AppError && err.code === 'READ_ONLY' ? err : new AppError('READ_ONLY', `The project could not be tidied up after Marginalia stopped: ${err instanceof Error ? err.message : String(err)} It is open read-only.`);
        }
        if (!store.refusal) await store.compactor.start();
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
    options: Pick<OpenOptions, 'app' | 'compaction'> = {},
  ): Promise<ProjectStore> {
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
      return new ProjectStore(layout, ProjectState.fromFiles(project, new Map()), positions, deps, outcome.lock, null, options.compaction);
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
    return this.serial(() => {
      this.assertWritable();
      return run();
    });
  }

  /** Runs a step between two changes (a compaction setting a log aside). */
  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run);
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
      // The project as it was before this change, all files at one moment (copied in the background).
      if (this.backups.due) await this.backups.take(this.backupMembers());
      this.changedSinceSet = true;
      const appended = await this.files.save(this.state, patch, () => this.state.apply(inverse), (err) => this.stopWriting(patch.label, err));
      this.compactor.noteChanged(appended);
    });
  }

  private backupMembers(): SetMember[] {
    return this.files.all().map((file) => ({
      stem: file.key === null ? 'project' : `coders-${file.key}`,
      snapshot: file.paths.snapshot,
      // The log set aside is no longer appended to: all of it; the other up to the last change.
      logs: [
        { file: file.paths.compacting, length: file.position.rotated ? Infinity : 0 },
        { file: file.paths.log, length: file.position.bytes },
      ],
    }));
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

  /** A document's text and turns, with the codings of `coderIds` (every coder's when absent). */
  async documentContent(documentId: string, coderIds?: readonly string[]): Promise<DocumentContent> {
    const doc = this.document(documentId);
    const { text, turns } = await this.sources.read(doc);
    return { id: doc.id, name: doc.name, text, turns, codings: this.documentCodings(documentId, coderIds) };
  }

  /** The codings in one document of `coderIds` (every coder's when absent); unknown coders have none. */
  documentCodings(documentId: string, coderIds?: readonly string[]): CoderCoding[] {
    this.document(documentId);
    return (coderIds ?? this.state.coderIds()).flatMap((coderId) => (this.state.coder(coderId)?.codingsIn(documentId) ?? []).map((c) => ({ ...c, coderId })));
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

  private recovery() {
    return {
      layout: this.layout,
      state: this.state,
      files: this.files,
      trash: this.trash,
      io: this.io,
      now: this.deps.now,
      foldLogs: () => this.compactor.compactAll(),
    };
  }

  /** Resolves once every change asked for so far is saved (or has failed). */
  async flush(): Promise<void> {
    await this.tail;
  }

  /**
   * The store's parts, in the order they stop: changes (none more is taken, the last is saved),
   * the compactor (every log folded into its snapshot), the backup being copied, the trash
   * (transcripts of documents deleted in this session purged: their deletion can no longer be
   * undone), and the lock. A project that could not be written only gives up its lock.
   */
  services(): Service[] {
    const writing = this.lock !== null && this.refusal === null;
    const whenWriting = (s: Service): Service[] => (writing ? [s] : []);
    return [
      service('changes', async () => {
        this.refusal ??= new AppError('READ_ONLY', 'This project has been closed; open it again to make changes.');
        await this.flush();
      }),
      ...whenWriting(this.compactor),
      // A set of the project as it is left, so a restore never lacks this session's work.
      service('backups', async () => {
        if (writing && this.changedSinceSet) await this.backups.take(this.backupMembers());
        await this.backups.settled();
      }),
      ...whenWriting(service('trash', () => this.trash.empty(this.state, () => this.compactor.compactAll()))),
      service('lock', async () => {
        await this.lock?.release();
      }),
    ];
  }

  /** Saves what is pending, folds every log into its snapshot, then gives the project up (see `services`). */
  async close(): Promise<void> {
    await stopAllOrThrow(this.services());
  }
}
