import { dictionary } from '../dictionary';
import { entityKey, projectCollections } from '../patch';
import type { Change, Patch, ProjectEntities } from '../patch';
import { PROJECT_SCHEMA_VERSION } from '../schemas';
import type { CoderFile, Coding, ProjectFile } from '../schemas';
import { CoderState } from './coder-state';
import { EntityTable, byRank } from './entity-table';

type Tables = { [K in keyof ProjectEntities]: EntityTable<ProjectEntities[K]> };

function table<K extends keyof ProjectEntities>(collection: K, entities: ProjectEntities[K][], ranked = true): EntityTable<ProjectEntities[K]> {
  const keyOf = (e: ProjectEntities[K]) => entityKey(collection, e);
  return new EntityTable(keyOf, ranked ? (byRank(keyOf as never) as never) : null, entities);
}

/**
 * A project in memory: project.json's entities and every coder's work, each held by key, with
 * the indexes and counts readers need kept up to date from each patch (never recounted).
 * Pure: the store loads it from files and saves what it serialises; operations read it.
 */
export class ProjectState {
  readonly tables: Tables;
  private readonly coderStates = new Map<string, CoderState>();
  /** Codings per code, then per coder. */
  private readonly counts = new Map<string, Map<string, number>>();
  private view: ProjectFile | null = null;

  constructor(
    private readonly header: Pick<ProjectFile, 'id' | 'createdAt'>,
    project: ProjectFile,
    coderFiles: ReadonlyMap<string, CoderFile>,
  ) {
    this.tables = {
      info: table('info', [{ id: 'info', name: project.name, description: project.description }], false),
      codes: table('codes', project.codebook),
      attributes: table('attributes', project.attributes),
      documents: table('documents', project.documents),
      coders: table('coders', project.coders),
      sets: table('sets', project.sets),
      queries: table('queries', project.queries),
    };
    for (const coder of project.coders) {
      const state = new CoderState(coder.id, coderFiles.get(coder.id), coder.name);
      this.coderStates.set(coder.id, state);
      const tally = new Map<string, number>();
      for (const coding of state.codings.values()) tally.set(coding.codeId, (tally.get(coding.codeId) ?? 0) + 1);
      for (const [codeId, n] of tally) (this.counts.get(codeId) ?? this.counts.set(codeId, new Map()).get(codeId)!).set(coder.id, n);
    }
  }

  static fromFiles(project: ProjectFile, coderFiles: ReadonlyMap<string, CoderFile>): ProjectState {
    return new ProjectState(project, project, coderFiles);
  }

  private count(before: Coding | undefined, after: Coding | undefined, coderId: string): void {
    if (before) this.bump(before.codeId, coderId, -1);
    if (after) this.bump(after.codeId, coderId, 1);
  }

  private bump(codeId: string, coderId: string, by: number): void {
    const perCoder = this.counts.get(codeId) ?? this.counts.set(codeId, new Map()).get(codeId)!;
    const n = (perCoder.get(coderId) ?? 0) + by;
    if (n === 0) perCoder.delete(coderId);
    else perCoder.set(coderId, n);
    if (perCoder.size === 0) this.counts.delete(codeId);
  }

  /**
   * Applies a patch as it stands (check it first with `patchConflicts` when it may be stale: an
   * undo). A coder added by the patch gets an empty file before their work is applied.
   */
  apply(patch: Patch): void {
    for (const change of patch.project?.coders ?? []) {
      if (change.before === null && change.after && !this.coderStates.has(change.id)) this.coderStates.set(change.id, new CoderState(change.id, undefined, change.after.name));
    }
    for (const collection of projectCollections) {
      (this.tables[collection] as EntityTable<object>).applyAll((patch.project?.[collection] ?? []) as Change<object>[]);
    }
    for (const changes of patch.coders ?? []) {
      const state = this.coderStates.get(changes.coderId);
      state?.apply(changes, (before, after) => this.count(before, after, changes.coderId));
    }
    for (const change of patch.project?.coders ?? []) {
      if (change.after === null) this.coderStates.delete(change.id);
    }
    this.view = null;
  }

  /** project.json as it is saved, its lists in order. Rebuilt only after a change, from lists kept ready. */
  get data(): Readonly<ProjectFile> {
    if (!this.view) {
      const info = this.tables.info.get('info')!;
      this.view = {
        schemaVersion: PROJECT_SCHEMA_VERSION,
        id: this.header.id,
        name: info.name,
        description: info.description,
        createdAt: this.header.createdAt,
        codebook: this.tables.codes.list() as ProjectFile['codebook'],
        attributes: this.tables.attributes.list() as ProjectFile['attributes'],
        documents: this.tables.documents.list() as ProjectFile['documents'],
        coders: this.tables.coders.list() as ProjectFile['coders'],
        sets: this.tables.sets.list() as ProjectFile['sets'],
        queries: this.tables.queries.list() as ProjectFile['queries'],
      };
    }
    return this.view;
  }

  coder(coderId: string): CoderState | undefined {
    return this.coderStates.get(coderId);
  }

  coderIds(): string[] {
    return [...this.coderStates.keys()];
  }

  /** Codings per code id, then per coder id. */
  codingCounts(codeIds?: Iterable<string>): Record<string, Record<string, number>> {
    const out = dictionary<Record<string, number>>();
    for (const codeId of codeIds ?? this.counts.keys()) {
      const perCoder = this.counts.get(codeId);
      out[codeId] = Object.assign(dictionary<number>(), perCoder ? Object.fromEntries(perCoder) : {});
    }
    return out;
  }

  /** How many codings (all coders) a code holds. */
  codingsAt(codeId: string): number {
    let n = 0;
    for (const count of this.counts.get(codeId)?.values() ?? []) n += count;
    return n;
  }
}
