import { AppError } from '../../../shared/api/errors';
import type { CoderCoding, DocumentOutline, MemoView, TextOutline, TextPiece } from '../../../shared/api/contract';
import { memoViews } from '../../../shared/api/snapshot-delta';
import { invertPatch } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import type { CoderFile, Coding, DocumentMeta, ProjectFile } from '../../../shared/domain/schemas';
import { danglingReferences, patchConflicts } from '../../../shared/domain/state/patch-check';
import type { ProjectState } from '../../../shared/domain/state/project-state';
import { CODINGS_WITH_TEXT, boundedCodings } from '../../../shared/text/coding-pieces';
import { outlineOf } from '../../../shared/text/outline';
import { spansOverlap } from '../../../shared/text/spans';
import type { Span } from '../../../shared/text/spans';
import { firstPiece, pieceBounds } from '../../../shared/text/text-pieces';
import type { ServiceDeps } from '../deps';
import { service, stopAllOrThrow } from '../lifecycle';
import type { Service } from '../lifecycle';
import { BackupSets } from '../store/backups';
import type { SetMember } from '../store/backups';
import { nodeFileIo } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import type { ProjectLock } from '../store/project-lock';
import { Compactor, defaultCompaction } from './compactor';
import type { CompactionPolicy } from './compactor';
import type { ProjectLayout } from './layout';
import { createFolder, openFolder } from './project-opening';
import type { OpenOptions, OpenedFolder } from './project-opening';
import { ProjectFiles } from './project-files';
import { recoverProject } from './project-recovery';
import { SourceFiles, hashText } from './source-files';
import type { PlannedSource, SourceText } from './source-files';
import { Trash } from './trash';
import { WriteQueue } from './write-queue';

export { hashText };
export type { OpenOptions, SourceText };

/**
 * An open project: its state in memory (ProjectState) and its folder on disk. The one way it
 * changes is `applyPatch`, saved by appending to change logs (ProjectFiles) that a Compactor
 * folds into the snapshots in the background; transcripts are written once, before the patch
 * that lists them.
 */
export class ProjectStore {
  /** Changes one at a time, and whether they may be saved at all. */
  private readonly writes: WriteQueue;
  private readonly notes: string[] = [];
  private readonly io: FileIo;
  private readonly files: ProjectFiles;
  private readonly sources: SourceFiles;
  private readonly trash: Trash;
  /** Outlines of the texts in the source cache: worked out once per text read (a 20 MB line takes ~100 ms). */
  private readonly outlines = new WeakMap<SourceText, TextOutline>();
  readonly backups: BackupSets;
  /** Whether a change was saved since this session's last backup set was begun. */
  private changedSinceSet = false;
  /** Folds change logs into snapshots in the background. */
  readonly compactor: Compactor;

  readonly layout: ProjectLayout;
  readonly state: ProjectState;
  private readonly lock: ProjectLock | null;

  private constructor(
    { layout, state, positions, lock, readOnlyReason, note }: OpenedFolder,
    private readonly deps: ServiceDeps,
    compaction: Partial<CompactionPolicy> = {},
  ) {
    this.layout = layout;
    this.state = state;
    this.lock = lock;
    this.writes = new WriteQueue(readOnlyReason === null ? null : new AppError('READ_ONLY', readOnlyReason));
    if (note) this.notes.push(note);
    this.io = deps.io ?? nodeFileIo;
    this.backups = new BackupSets(layout.dir, deps.now);
    this.files = new ProjectFiles(layout, this.io, deps.now, positions);
    this.sources = new SourceFiles(layout, this.io);
    this.trash = new Trash(layout, this.io, this.sources, this.backups);
    this.compactor = new Compactor(this.files, state, (run) => this.writes.serial(run), { ...defaultCompaction, ...compaction });
  }

  get dir(): string {
    return this.layout.dir;
  }

  get data(): Readonly<ProjectFile> {
    return this.state.data;
  }

  /** Set when changes cannot be saved: the reason, for a banner. */
  get readOnly(): { reason: string } | null {
    const refused = this.writes.refused;
    return refused ? { reason: refused.message } : null;
  }

  /** What was repaired on opening (a stale lock cleared, an interrupted change completed). */
  get recoveryNotes(): readonly string[] {
    return this.notes;
  }

  static open(dir: string, deps: ServiceDeps, options: OpenOptions = {}): Promise<ProjectStore> {
    return openFolder(dir, deps, options, async (folder) => {
      const store = new ProjectStore(folder, deps, options.compaction);
      if (folder.lock) {
        try {
          store.notes.push(...(await recoverProject(store.recovery(), folder.torn)));
        } catch (err) {
          store.writes.refuse(err instanceof AppError && err.code === 'READ_ONLY' ? err : new AppError('READ_ONLY', `The project could not be tidied up after Marginalia stopped: ${err instanceof Error ? err.message : String(err)} It is open read-only.`));
        }
        if (!store.writes.refused) await store.compactor.start();
      }
      return store;
    });
  }

  /** Creates a project folder (new, or empty) with the given codebook and no documents. */
  static create(
    dir: string,
    init: Pick<ProjectFile, 'name' | 'description' | 'codebook' | 'attributes'>,
    deps: ServiceDeps,
    options: Pick<OpenOptions, 'app' | 'compaction'> = {},
  ): Promise<ProjectStore> {
    return createFolder(dir, init, deps, options, (folder) => new ProjectStore(folder, deps, options.compaction));
  }

  /** Throws if this store may not write (read-only, closed, or stopped after a failure). */
  assertWritable(): void {
    this.writes.assertWritable();
  }

  /**
   * The one way a project changes. The patch is checked against the project as it is now (an
   * undo may meet another coder's later work), applied in memory, checked for anything left
   * pointing at what it removed, and saved; if any step fails the project is as it was, in
   * memory and on disk.
   */
  applyPatch(patch: Patch): Promise<void> {
    return this.writes.exclusive(async () => {
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
      this.backups.noteChange();
      if (this.backups.due) await this.backups.take(this.backupMembers());
      this.changedSinceSet = true;
      const appended = await this.files.save(this.state, patch, () => this.state.apply(inverse), (err) => this.writes.stopWriting(patch.label, err));
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

  /** A document's outline, its text from a little before `from`, and the codings of `coderIds` (every coder's when absent). */
  async documentOutline(documentId: string, coderIds?: readonly string[], from = 0): Promise<DocumentOutline> {
    const doc = this.document(documentId);
    const source = await this.sources.read(doc);
    let outline = this.outlines.get(source);
    if (!outline) {
      outline = outlineOf(source.text, source.turns);
      this.outlines.set(source, outline);
    }
    const first = firstPiece(source.text, from);
    const span = { start: first.start, end: first.start + first.text.length };
    return { id: doc.id, name: doc.name, ...outline, first, codings: boundedCodings(this.documentCodings(documentId, coderIds, span), span, CODINGS_WITH_TEXT) };
  }

  /** The text of [start, end) of a document, bounded to one reply's worth (text-pieces.ts). */
  async documentText(documentId: string, start: number, end: number): Promise<TextPiece> {
    const { text } = await this.sources.read(this.document(documentId));
    const span = pieceBounds(text, start, end);
    return { start: span.start, text: text.slice(span.start, span.end) };
  }

  /** The codings in one document of `coderIds` (every coder's when absent) overlapping `range` when given; unknown coders have none. */
  documentCodings(documentId: string, coderIds?: readonly string[], range?: Span): CoderCoding[] {
    this.document(documentId);
    return (coderIds ?? this.state.coderIds()).flatMap((coderId) =>
      (this.state.coder(coderId)?.codingsIn(documentId) ?? []).filter((c) => !range || spansOverlap(c, range)).map((c) => ({ ...c, coderId })),
    );
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
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /**
   * The store's parts, in the order they stop: changes (none more is taken, the last is saved),
   * the compactor (every log folded into its snapshot), the backup being copied, the trash
   * (transcripts of documents deleted in this session purged: their deletion can no longer be
   * undone), and the lock. A project that could not be written only gives up its lock.
   */
  services(): Service[] {
    const writing = this.lock !== null && this.writes.refused === null;
    const whenWriting = (s: Service): Service[] => (writing ? [s] : []);
    return [
      service('changes', async () => {
        this.writes.refuse(new AppError('READ_ONLY', 'This project has been closed; open it again to make changes.'));
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
