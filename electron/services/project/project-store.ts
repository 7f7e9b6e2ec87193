import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import type { DocumentContent, ProjectSnapshot } from '../../../shared/api/contract';
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

  async addCoder(name: string, color: string): Promise<Coder> {
    const coder: Coder = { id: this.deps.newId(), name, color };
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
  async readSource(documentId: string): Promise<{ text: string; turns: Turn[] }> {
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
    const codings = [...this.coderStores.entries()].flatMap(([coderId, store]) =>
      store.data.codings.filter((c) => c.documentId === documentId).map((c) => ({ ...c, coderId })),
    );
    return { id: doc.id, name: doc.name, text, turns, codings };
  }

  codingsOf(coderId: string): readonly Coding[] {
    return this.coderStore(coderId).data.codings;
  }

  snapshot(): ProjectSnapshot {
    const codingCounts: Record<string, number> = {};
    for (const store of this.coderStores.values()) {
      for (const coding of store.data.codings) codingCounts[coding.codeId] = (codingCounts[coding.codeId] ?? 0) + 1;
    }
    const { id, name, description, codebook, attributes, documents, coders } = this.data;
    return { path: this.dir, id, name, description, codebook, attributes, documents, coders, codingCounts };
  }

  async flush(): Promise<void> {
    await Promise.all([this.project.flush(), ...[...this.coderStores.values()].map((s) => s.flush())]);
  }
}
