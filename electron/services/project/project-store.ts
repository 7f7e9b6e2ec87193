import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import type { CoderCoding, DocumentContent, MemoView } from '../../../shared/api/contract';
import { dictionary } from '../../../shared/domain/dictionary';
import { applyToCoderFile, applyToProject, invertPatch, touchesProjectFile } from '../../../shared/domain/patch';
import type { CoderPatch, Patch } from '../../../shared/domain/patch';
import { CODER_SCHEMA_VERSION, PROJECT_SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { AttributeValue, Coder, CoderFile, Coding, DocumentMeta, ProjectFile, Turn } from '../../../shared/domain/schemas';
import type { ServiceDeps } from '../deps';
import { BackupPolicy } from '../store/backups';
import { makePrivateDir, nodeFileIo, saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { JsonStore, parseJsonFile } from '../store/json-store';
import { acquireProjectLock } from '../store/project-lock';
import type { LockApp, ProjectLock } from '../store/project-lock';
import { ChangeJournal, JOURNAL_FILE, describeChange } from './change-journal';
import type { JournalChange } from './change-journal';
import { coderFileKind, projectFileKind, turnsFileKind } from './file-kinds';
import { ProjectLayout, displayNames } from './layout';
import { withRestoreOffer } from './restore-backup';

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface NewDocument {
  name: string;
  text: string;
  turns: Turn[];
  attributes: Record<string, AttributeValue>;
  importedFrom: string;
}

export type NewCoding = Pick<Coding, 'documentId' | 'codeId' | 'start' | 'end'>;

export interface SourceText {
  text: string;
  turns: Turn[];
}

/** Transcripts kept in memory after first read, up to about this many UTF-16 units in all. */
const SOURCE_CACHE_UNITS = 32 * 1024 * 1024;

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

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

/** One file's part of a change: how to write it, and how to take it back. */
interface FileStep {
  apply(): Promise<void>;
  revert(): Promise<void>;
}

function invertCoderPatch(c: CoderPatch): CoderPatch {
  return invertPatch({ label: '', coders: [c] }).coders![0]!;
}

/**
 * An open project: project.json and one file per coder, held in memory and saved after
 * every change. Transcripts are written once, at import, and only ever read afterwards.
 */
export class ProjectStore {
  /** Why writes are refused (read-only, closed, or a change that could not be finished), or null. */
  private refusal: AppError | null;
  private readonly notes: string[] = [];
  /** Changes to more than one file run one at a time, so a journal record covers exactly one. */
  private tail: Promise<void> = Promise.resolve();
  private readonly journal: ChangeJournal;
  private readonly io: FileIo;

  private constructor(
    readonly layout: ProjectLayout,
    private readonly project: JsonStore<ProjectFile>,
    private readonly coderStores: Map<string, JsonStore<CoderFile>>,
    private readonly backups: BackupPolicy,
    private readonly deps: ServiceDeps,
    private readonly lock: ProjectLock | null,
    readOnlyReason: string | null,
  ) {
    this.refusal = readOnlyReason === null ? null : new AppError('READ_ONLY', readOnlyReason);
    this.io = deps.io ?? nodeFileIo;
    this.journal = new ChangeJournal(layout.dir, this.io);
  }

  private readonly sourceCache = new Map<string, SourceText>();

  get dir(): string {
    return this.layout.dir;
  }

  get data(): Readonly<ProjectFile> {
    return this.project.data;
  }

  /** Set when changes cannot be saved: the reason, for a banner. */
  get readOnly(): { reason: string } | null {
    return this.refusal ? { reason: this.refusal.message } : null;
  }

  /** What was repaired on opening (a stale lock cleared, an interrupted change completed). */
  get recoveryNotes(): readonly string[] {
    return this.notes;
  }

  private location(file: string, displayName: string) {
    return { file, displayName, backups: this.backups, io: this.io };
  }

  static async open(dir: string, deps: ServiceDeps, options: OpenOptions = {}): Promise<ProjectStore> {
    const layout = new ProjectLayout(dir);
    if (!(await isDirectory(dir))) throw new AppError('NOT_FOUND', `There is no project folder at ${dir}.`, dir);
    let lock: ProjectLock | null = null;
    let readOnlyReason: string | null = 'This project was opened for reading only: changes cannot be saved.';
    let note: string | null = null;
    const isProject = await stat(layout.projectFile).then(
      () => true,
      () => false,
    );
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
      const store = await ProjectStore.load(layout, deps, lock, readOnlyReason);
      if (note) store.notes.push(note);
      if (lock) {
        await store.removeLeftovers();
        await store.finishInterruptedChange();
      }
      return store;
    } catch (err) {
      await lock?.release();
      throw await withRestoreOffer(err, dir);
    }
  }

  private static async load(
    layout: ProjectLayout,
    deps: ServiceDeps,
    lock: ProjectLock | null,
    readOnlyReason: string | null,
  ): Promise<ProjectStore> {
    const { dir } = layout;
    const backups = new BackupPolicy(dir, deps.now);
    const io = deps.io ?? nodeFileIo;
    // Only the holder of the lock may tidy up after an interrupted write.
    const discardTemp = lock !== null;
    const project = await JsonStore.load(
      projectFileKind,
      { file: layout.projectFile, displayName: displayNames.projectFile, backups, io },
      { discardTemp },
    ).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        throw new AppError('NOT_FOUND', `${dir} is not a Marginalia project: it has no project.json.`, layout.projectFile);
      }
      throw err;
    });
    const coderStores = new Map<string, JsonStore<CoderFile>>();
    for (const coder of project.data.coders) {
      coderStores.set(
        coder.id,
        await JsonStore.load(
          coderFileKind,
          { file: layout.coderFile(coder.id), displayName: displayNames.coderFile(coder.id), backups, io },
          { discardTemp },
        ),
      );
    }
    return new ProjectStore(layout, project, coderStores, backups, deps, lock, readOnlyReason);
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
      await makePrivateDir(dir);
      await makePrivateDir(layout.sourcesDir);
      await makePrivateDir(layout.codersDir);
    } catch (err) {
      throw saveFailure(err, dir, dir);
    }
    const outcome = await acquireProjectLock(dir, options.app ?? 'desktop', deps);
    if (!outcome.held) throw new AppError('READ_ONLY', `The project cannot be created in ${dir}. ${outcome.reason}`, dir);
    const backups = new BackupPolicy(dir, deps.now);
    try {
      const project = await JsonStore.create(
        projectFileKind,
        { file: layout.projectFile, displayName: displayNames.projectFile, backups, io: deps.io },
        {
          schemaVersion: PROJECT_SCHEMA_VERSION,
          id: deps.newId(),
          createdAt: deps.now().toISOString(),
          documents: [],
          coders: [],
          ...init,
        },
      );
      return new ProjectStore(layout, project, new Map(), backups, deps, outcome.lock, null);
    } catch (err) {
      await outcome.lock.release();
      throw err;
    }
  }

  /** Throws if this store may not write (read-only, closed, or stopped after a failure). */
  private assertWritable(): void {
    if (this.refusal) throw this.refusal;
  }

  /** Runs a change after every earlier one has finished, refusing it if writing has stopped meanwhile. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (this.refusal) return Promise.reject(this.refusal);
    const result = this.tail.then(() => {
      this.assertWritable();
      return run();
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
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

  async addDocument(doc: NewDocument): Promise<DocumentMeta> {
    const id = this.deps.newId();
    const meta: DocumentMeta = {
      id,
      name: doc.name,
      hash: hashText(doc.text),
      length: doc.text.length,
      turnCount: doc.turns.length,
      attributes: doc.attributes,
      importedFrom: doc.importedFrom,
      importedAt: this.deps.now().toISOString(),
    };
    // Sources first: if the process dies before project.json lists the document, the
    // project is unchanged and the orphaned files are harmless.
    this.assertWritable();
    const textFile = this.layout.sourceText(id);
    const turnsFile = this.layout.sourceTurns(id);
    const removeSources = () => Promise.all([unlink(textFile).catch(() => undefined), unlink(turnsFile).catch(() => undefined)]);
    try {
      await this.io.writeFileDurably(textFile, doc.text).catch((err: unknown) => {
        throw saveFailure(err, displayNames.sourceText(id), textFile);
      });
      await this.io
        .writeFileDurably(turnsFile, JSON.stringify({ schemaVersion: 1, documentId: id, turns: doc.turns }))
        .catch((err: unknown) => {
          throw saveFailure(err, displayNames.sourceTurns(id), turnsFile);
        });
      await this.exclusive(() =>
        this.project.update((p) => {
          p.documents.push(meta);
        }),
      );
    } catch (err) {
      await removeSources();
      throw err;
    }
    return meta;
  }

  async addCoder(name: string, color: string, options: Pick<Partial<Coder>, 'id' | 'importedFrom'> = {}): Promise<Coder> {
    const coder: Coder = { id: options.id ?? this.deps.newId(), name, color, ...(options.importedFrom && { importedFrom: options.importedFrom }) };
    return this.exclusive(async () => {
      if (this.data.coders.some((c) => c.id === coder.id)) throw new AppError('ALREADY_EXISTS', `A coder with id ${coder.id} already exists.`);
      const change: JournalChange = { kind: 'addCoder', coder };
      await this.journal.begin(change, this.deps.now());
      try {
        await this.addCoderFiles(coder);
      } catch (err) {
        // Take back what was written; the coder file alone would belong to no coder.
        const file = this.layout.coderFile(coder.id);
        try {
          if (this.coderStores.delete(coder.id)) await unlink(file);
          await this.journal.end();
        } catch (cleanupErr) {
          this.stopWriting(describeChange(change), cleanupErr);
        }
        throw err;
      }
      await this.endJournal(change);
      return coder;
    });
  }

  /**
   * Creates a coder's file and lists the coder. Completing an interrupted addition (`adopt`),
   * the file that addition created is taken as it is; otherwise an existing file is refused.
   */
  private async addCoderFiles(coder: Coder, adopt = false): Promise<void> {
    const where = this.location(this.layout.coderFile(coder.id), displayNames.coderFile(coder.id));
    if (!this.coderStores.has(coder.id)) {
      const exists =
        adopt &&
        (await stat(where.file).then(
          () => true,
          () => false,
        ));
      const store = exists
        ? await JsonStore.load(coderFileKind, where)
        : await JsonStore.create(coderFileKind, where, { schemaVersion: CODER_SCHEMA_VERSION, coderId: coder.id, codings: [], memos: [] });
      this.coderStores.set(coder.id, store);
    }
    if (!this.data.coders.some((c) => c.id === coder.id)) {
      await this.project.update((p) => {
        p.coders.push(coder);
      });
    }
  }

  private async endJournal(change: JournalChange): Promise<void> {
    try {
      await this.journal.end();
    } catch (err) {
      this.stopWriting(describeChange(change), err);
    }
  }

  /** Records when a colleague's coding was last brought in (not undoable: it describes the import). */
  async markImported(coderId: string, importedFrom: NonNullable<Coder['importedFrom']>): Promise<void> {
    await this.exclusive(() =>
      this.project.update((p) => {
        const coder = p.coders.find((c) => c.id === coderId);
        if (coder) coder.importedFrom = importedFrom;
      }),
    );
  }

  private coderStore(coderId: string): JsonStore<CoderFile> {
    const store = this.coderStores.get(coderId);
    if (!store) throw new AppError('NOT_FOUND', `No coder with id ${coderId} in this project.`);
    return store;
  }

  private document(documentId: string): DocumentMeta {
    const doc = this.data.documents.find((d) => d.id === documentId);
    if (!doc) throw new AppError('NOT_FOUND', `No document with id ${documentId} in this project.`);
    return doc;
  }

  async addCodings(coderId: string, codings: NewCoding[]): Promise<Coding[]> {
    this.assertWritable();
    const store = this.coderStore(coderId);
    const codeIds = new Set(this.data.codebook.filter((c) => c.codable).map((c) => c.id));
    const created = codings.map((c) => {
      const doc = this.document(c.documentId);
      if (!codeIds.has(c.codeId)) throw new AppError('NOT_FOUND', `No codable code with id ${c.codeId}.`);
      if (!(c.start >= 0 && c.end > c.start && c.end <= doc.length)) {
        throw new AppError('INVALID_INPUT', `Span [${c.start}, ${c.end}) is outside "${doc.name}" (length ${doc.length}).`);
      }
      return { id: this.deps.newId(), createdAt: this.deps.now().toISOString(), ...c };
    });
    await store.update((f) => {
      f.codings.push(...created);
    });
    return created;
  }

  /** The normalised text and speaker turns of a document, checked against the project's record. */
  async readSource(documentId: string): Promise<SourceText> {
    const cached = this.sourceCache.get(documentId);
    if (cached) {
      // Re-inserting keeps the map in least-recently-used order.
      this.sourceCache.delete(documentId);
      this.sourceCache.set(documentId, cached);
      return cached;
    }
    const source = await this.readSourceFiles(documentId);
    this.sourceCache.set(documentId, source);
    let units = 0;
    for (const s of this.sourceCache.values()) units += s.text.length;
    for (const [id, s] of this.sourceCache) {
      if (units <= SOURCE_CACHE_UNITS || id === documentId) break;
      this.sourceCache.delete(id);
      units -= s.text.length;
    }
    return source;
  }

  private async readSourceFiles(documentId: string): Promise<SourceText> {
    const doc = this.document(documentId);
    const textFile = this.layout.sourceText(documentId);
    const noBackup =
      'Transcripts are written once, at import, and are not kept in backups/: copy the file back from another copy of the project folder (a backup of your computer, a colleague\'s copy). Your codings of it are kept meanwhile.';
    const text = await readFile(textFile, 'utf-8').catch(() => {
      throw new AppError('NOT_FOUND', `The transcript of "${doc.name}" is missing (${displayNames.sourceText(documentId)}). ${noBackup}`, textFile);
    });
    if (text.length !== doc.length || hashText(text) !== doc.hash) {
      throw new AppError(
        'DAMAGED_FILE',
        `${displayNames.sourceText(documentId)} ("${doc.name}") has been changed outside Marginalia: its codings would no longer line up, so it is not shown. Restore the original file. ${noBackup}`,
        textFile,
      );
    }
    const turnsFile = this.layout.sourceTurns(documentId);
    const turnsText = await readFile(turnsFile, 'utf-8').catch(() => {
      throw new AppError('NOT_FOUND', `${displayNames.sourceTurns(documentId)} (the speaker turns of "${doc.name}") is missing. ${noBackup}`, turnsFile);
    });
    const { turns } = parseJsonFile(turnsText, turnsFileKind, {
      file: turnsFile,
      displayName: displayNames.sourceTurns(documentId),
    });
    return { text, turns };
  }

  async documentContent(documentId: string): Promise<DocumentContent> {
    const doc = this.document(documentId);
    const { text, turns } = await this.readSource(documentId);
    return { id: doc.id, name: doc.name, text, turns, codings: this.documentCodings(documentId) };
  }

  /** Every coder's codings in one document. */
  documentCodings(documentId: string): CoderCoding[] {
    this.document(documentId);
    return [...this.coderStores.entries()].flatMap(([coderId, store]) =>
      store.data.codings.filter((c) => c.documentId === documentId).map((c) => ({ ...c, coderId })),
    );
  }

  coderFile(coderId: string): Readonly<CoderFile> {
    return this.coderStore(coderId).data;
  }

  codingsOf(coderId: string): readonly Coding[] {
    return this.coderFile(coderId).codings;
  }

  /** Codings per code id, then per coder id. */
  codingCounts(): Record<string, Record<string, number>> {
    const counts = dictionary<Record<string, number>>();
    for (const [coderId, store] of this.coderStores) {
      for (const coding of store.data.codings) {
        const perCoder = (counts[coding.codeId] ??= dictionary());
        perCoder[coderId] = (perCoder[coderId] ?? 0) + 1;
      }
    }
    return counts;
  }

  memos(): MemoView[] {
    return this.data.coders.flatMap((coder) =>
      this.coderFile(coder.id).memos.map((m) => ({ ...m, coderId: coder.id, author: coder.name })),
    );
  }

  /** The coder with this name, created (with an empty coder file) the first time they code here. */
  async ensureCoder(name: string, id?: string): Promise<Coder> {
    const existing = this.data.coders.find((c) => c.name === name);
    if (existing) return existing;
    const palette = ['#1d70b8', '#d4351c', '#00703c', '#6f3c97', '#b58840', '#28a197', '#912b88', '#505a5f'];
    return this.addCoder(name, palette[this.data.coders.length % palette.length]!, id === undefined ? {} : { id });
  }

  /**
   * Applies a patch to the files it touches. Coder files that gain something are written before
   * project.json, and those that only lose something after it. A patch touching more than one
   * file is recorded first (see ChangeJournal), so an interruption is completed on the next
   * open; a failed save (a full disk) takes back the files already written, so the change is
   * either saved everywhere or nowhere, in memory as on disk.
   */
  applyPatch(patch: Patch): Promise<void> {
    return this.exclusive(async () => {
      const steps = this.patchSteps(patch);
      const journaled = steps.flat().length > 1;
      const change: JournalChange = { kind: 'patch', patch };
      if (journaled) await this.journal.begin(change, this.deps.now());
      const done: FileStep[] = [];
      try {
        for (const group of steps) {
          const results = await Promise.allSettled(group.map((step) => step.apply()));
          results.forEach((r, i) => r.status === 'fulfilled' && done.push(group[i]!));
          const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
          if (failed) throw failed.reason;
        }
      } catch (err) {
        if (done.length > 0 || journaled) {
          try {
            await Promise.all(done.map((step) => step.revert()));
            if (journaled) await this.journal.end();
          } catch (undoErr) {
            this.stopWriting(patch.label, undoErr);
          }
        }
        throw err;
      }
      if (journaled) await this.endJournal(change);
    });
  }

  /** The file writes of a patch, in groups: every write of a group may run at once. */
  private patchSteps(patch: Patch): FileStep[][] {
    const changes = (patch.coders ?? []).filter(
      (c) => c.addedCodings.length || c.removedCodings.length || c.addedMemos.length || c.removedMemos.length,
    );
    for (const change of changes) this.coderStore(change.coderId);
    const coderStep = (c: CoderPatch): FileStep => {
      const store = this.coderStore(c.coderId);
      return {
        apply: () => store.update((file) => applyToCoderFile(file, c)),
        revert: () => store.update((file) => applyToCoderFile(file, invertCoderPatch(c))),
      };
    };
    const gains = changes.filter((c) => c.addedCodings.length || c.addedMemos.length);
    const projectSteps: FileStep[] = touchesProjectFile(patch)
      ? [
          {
            apply: () => this.project.update((p) => applyToProject(p, patch)),
            revert: () => this.project.update((p) => applyToProject(p, invertPatch(patch))),
          },
        ]
      : [];
    return [gains.map(coderStep), projectSteps, changes.filter((c) => !gains.includes(c)).map(coderStep)].filter((g) => g.length > 0);
  }

  /**
   * Removes what a writer that stopped mid-write left behind: temp files of transcripts, of new
   * coders' files and of the change record (never renamed into place, so never acknowledged), and lock files set
   * aside while a stale lock was being cleared. Only the lock holder does this.
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
    const change = await this.journal.read();
    if (change === null) return;
    if (change instanceof AppError) {
      const aside = join('damaged', `${JOURNAL_FILE.replace(/^\./, '')}.${this.deps.now().getTime()}`);
      await makePrivateDir(join(this.dir, 'damaged'));
      await rename(this.journal.file, join(this.dir, aside));
      this.notes.push(`A record of an unfinished change could not be read (${change.message}); it was moved to ${aside}. Run a check of the project to see whether anything is out of step.`);
      return;
    }
    const label = describeChange(change);
    try {
      if (change.kind === 'addCoder') await this.addCoderFiles(change.coder, true);
      else for (const group of this.patchSteps(change.patch)) await Promise.all(group.map((step) => step.apply()));
      await this.journal.end();
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
    await Promise.all([this.project.flush(), ...[...this.coderStores.values()].map((s) => s.flush())]);
  }

  /** Saves what is pending, then gives the project up: its lock is released and writes are refused. */
  async close(): Promise<void> {
    await this.flush();
    this.refusal ??= new AppError('READ_ONLY', 'This project has been closed; open it again to make changes.');
    await this.lock?.release();
  }
}
