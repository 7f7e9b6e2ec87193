import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import type { CoderCoding, DocumentContent, MemoView } from '../../../shared/api/contract';
import { applyToCoderFile, applyToProject, touchesProjectFile } from '../../../shared/domain/patch';
import type { CoderPatch, Patch } from '../../../shared/domain/patch';
import { CODER_SCHEMA_VERSION, PROJECT_SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { AttributeValue, Coder, CoderFile, Coding, DocumentMeta, ProjectFile, Turn } from '../../../shared/domain/schemas';
import type { ServiceDeps } from '../deps';
import { BackupPolicy } from '../store/backups';
import { writeFileDurably } from '../store/durable-file';
import { JsonStore, parseJsonFile } from '../store/json-store';
import { coderFileKind, projectFileKind, turnsFileKind } from './file-kinds';
import { ProjectLayout, displayNames } from './layout';

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

/**
 * An open project: project.json and one file per coder, held in memory and saved after
 * every change. Transcripts are written once, at import, and only ever read afterwards.
 */
export class ProjectStore {
  private constructor(
    readonly layout: ProjectLayout,
    private readonly project: JsonStore<ProjectFile>,
    private readonly coderStores: Map<string, JsonStore<CoderFile>>,
    private readonly backups: BackupPolicy,
    private readonly deps: ServiceDeps,
  ) {}

  private readonly sourceCache = new Map<string, SourceText>();

  get dir(): string {
    return this.layout.dir;
  }

  get data(): Readonly<ProjectFile> {
    return this.project.data;
  }

  static async open(dir: string, deps: ServiceDeps): Promise<ProjectStore> {
    const layout = new ProjectLayout(dir);
    if (!(await isDirectory(dir))) throw new AppError('NOT_FOUND', `There is no project folder at ${dir}.`, dir);
    const backups = new BackupPolicy(dir, deps.now);
    const project = await JsonStore.load(projectFileKind, {
      file: layout.projectFile,
      displayName: displayNames.projectFile,
      backups,
    }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        throw new AppError('NOT_FOUND', `${dir} is not a Marginalia project: it has no project.json.`, layout.projectFile);
      }
      throw err;
    });
    const coderStores = new Map<string, JsonStore<CoderFile>>();
    for (const coder of project.data.coders) {
      coderStores.set(
        coder.id,
        await JsonStore.load(coderFileKind, {
          file: layout.coderFile(coder.id),
          displayName: displayNames.coderFile(coder.id),
          backups,
        }),
      );
    }
    return new ProjectStore(layout, project, coderStores, backups, deps);
  }

  /** Creates a project folder (new, or empty) with the given codebook and no documents. */
  static async create(
    dir: string,
    init: Pick<ProjectFile, 'name' | 'description' | 'codebook' | 'attributes'>,
    deps: ServiceDeps,
  ): Promise<ProjectStore> {
    const layout = new ProjectLayout(dir);
    await mkdir(dir, { recursive: true });
    await mkdir(layout.sourcesDir, { recursive: true });
    await mkdir(layout.codersDir, { recursive: true });
    const backups = new BackupPolicy(dir, deps.now);
    const project = await JsonStore.create(
      projectFileKind,
      { file: layout.projectFile, displayName: displayNames.projectFile, backups },
      {
        schemaVersion: PROJECT_SCHEMA_VERSION,
        id: deps.newId(),
        createdAt: deps.now().toISOString(),
        documents: [],
        coders: [],
        ...init,
      },
    );
    return new ProjectStore(layout, project, new Map(), backups, deps);
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
    await writeFileDurably(this.layout.sourceText(id), doc.text);
    await writeFileDurably(
      this.layout.sourceTurns(id),
      JSON.stringify({ schemaVersion: 1, documentId: id, turns: doc.turns }),
    );
    await this.project.update((p) => {
      p.documents.push(meta);
    });
    return meta;
  }

  async addCoder(name: string, color: string, options: Pick<Partial<Coder>, 'id' | 'importedFrom'> = {}): Promise<Coder> {
    const coder: Coder = { id: options.id ?? this.deps.newId(), name, color, ...(options.importedFrom && { importedFrom: options.importedFrom }) };
    if (this.data.coders.some((c) => c.id === coder.id)) throw new AppError('ALREADY_EXISTS', `A coder with id ${coder.id} already exists.`);
    const store = await JsonStore.create(
      coderFileKind,
      { file: this.layout.coderFile(coder.id), displayName: displayNames.coderFile(coder.id), backups: this.backups },
      { schemaVersion: CODER_SCHEMA_VERSION, coderId: coder.id, codings: [], memos: [] },
    );
    this.coderStores.set(coder.id, store);
    await this.project.update((p) => {
      p.coders.push(coder);
    });
    return coder;
  }

  /** Records when a colleague's coding was last brought in (not undoable: it describes the import). */
  async markImported(coderId: string, importedFrom: NonNullable<Coder['importedFrom']>): Promise<void> {
    await this.project.update((p) => {
      const coder = p.coders.find((c) => c.id === coderId);
      if (coder) coder.importedFrom = importedFrom;
    });
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
    const text = await readFile(textFile, 'utf-8').catch(() => {
      throw new AppError('NOT_FOUND', `The transcript of "${doc.name}" is missing (${displayNames.sourceText(documentId)}).`, textFile);
    });
    if (text.length !== doc.length || hashText(text) !== doc.hash) {
      throw new AppError(
        'DAMAGED_FILE',
        `${displayNames.sourceText(documentId)} ("${doc.name}") has been changed outside Marginalia: its codings would no longer line up, so it is not shown. Restore the original file.`,
        textFile,
      );
    }
    const turnsFile = this.layout.sourceTurns(documentId);
    const turnsText = await readFile(turnsFile, 'utf-8').catch(() => {
      throw new AppError('NOT_FOUND', `${displayNames.sourceTurns(documentId)} ("${doc.name}") is missing.`, turnsFile);
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
    const counts: Record<string, Record<string, number>> = {};
    for (const [coderId, store] of this.coderStores) {
      for (const coding of store.data.codings) {
        const perCoder = (counts[coding.codeId] ??= {});
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
  async ensureCoder(name: string): Promise<Coder> {
    const existing = this.data.coders.find((c) => c.name === name);
    if (existing) return existing;
    const palette = ['#1d70b8', '#d4351c', '#00703c', '#6f3c97', '#b58840', '#28a197', '#912b88', '#505a5f'];
    return this.addCoder(name, palette[this.data.coders.length % palette.length]!);
  }

  /**
   * Applies a patch to the files it touches. Coder files that gain something are written before
   * project.json, and those that only lose something after it: an interruption between the
   * writes can leave a reference to a removed code, never lose a coding.
   */
  async applyPatch(patch: Patch): Promise<void> {
    const changes = (patch.coders ?? []).filter(
      (c) => c.addedCodings.length || c.removedCodings.length || c.addedMemos.length || c.removedMemos.length,
    );
    for (const change of changes) this.coderStore(change.coderId);
    const write = (list: CoderPatch[]) =>
      Promise.all(list.map((c) => this.coderStore(c.coderId).update((file) => applyToCoderFile(file, c))));
    const gains = changes.filter((c) => c.addedCodings.length || c.addedMemos.length);
    await write(gains);
    if (touchesProjectFile(patch)) await this.project.update((p) => applyToProject(p, patch));
    await write(changes.filter((c) => !gains.includes(c)));
  }

  async flush(): Promise<void> {
    await Promise.all([this.project.flush(), ...[...this.coderStores.values()].map((s) => s.flush())]);
  }
}
