import type {
  AttributeDef,
  Code,
  Coder,
  CoderProfile,
  Coding,
  Decision,
  DocumentMeta,
  DocumentSet,
  DoneMark,
  Memo,
  ProjectInfo,
  SavedQuery,
} from './schemas';

/**
 * Every change to a project is a patch: for each entity it touches, the entity before and after.
 * A patch's inverse is its undo, so every action is undoable by construction; the store applies
 * every patch the same way, whatever made it (a click, an import, a merge, an exchange).
 *
 * One entity's change: `before` null adds it (`after` is the whole entity), `after` null removes it
 * (`before` is the whole entity), both set change the fields they name (and only those), so two
 * people's changes to different fields of one entity undo independently.
 */
export interface Change<T> {
  id: string;
  before: Partial<T> | null;
  after: Partial<T> | null;
}

/** The entities of project.json, by collection. */
export interface ProjectEntities {
  info: ProjectInfo;
  codes: Code;
  attributes: AttributeDef;
  documents: DocumentMeta;
  coders: Coder;
  sets: DocumentSet;
  queries: SavedQuery;
}

/** The entities of one coder's file, by collection. */
export interface CoderEntities {
  codings: Coding;
  memos: Memo;
  done: DoneMark;
  decisions: Decision;
  profile: CoderProfile;
}

export type ProjectChanges = { [K in keyof ProjectEntities]?: Change<ProjectEntities[K]>[] };
export type CoderChanges = { coderId: string } & { [K in keyof CoderEntities]?: Change<CoderEntities[K]>[] };

export interface Patch {
  /** What the change does, in words: the undo button's tooltip and the status line. */
  label: string;
  project?: ProjectChanges;
  coders?: CoderChanges[];
}

export const projectCollections = ['info', 'codes', 'attributes', 'documents', 'coders', 'sets', 'queries'] as const;
/** A coder's work: what a coder who leaves the project must take with them. */
export const coderWorkCollections = ['codings', 'memos', 'done', 'decisions'] as const;
/** A coder's file: their work and their own record (the name it travels under). */
export const coderCollections = [...coderWorkCollections, 'profile'] as const;

/** Attribute definitions are known by their name; everything else by its id. */
export function entityKey<K extends keyof ProjectEntities>(collection: K, entity: Partial<ProjectEntities[K]>): string {
  const fields = entity as { name?: string; id?: string };
  return (collection === 'attributes' ? fields.name : fields.id) ?? '';
}

export function added<T>(id: string, entity: T): Change<T> {
  return { id, before: null, after: entity };
}

export function removed<T>(id: string, entity: T): Change<T> {
  return { id, before: entity, after: null };
}

/** The fields that differ between two versions of an entity, or null when none do. */
export function updated<T extends object>(id: string, current: T, next: T): Change<T> | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  let changed = false;
  for (const key of new Set([...Object.keys(current), ...Object.keys(next)]) as Set<keyof T>) {
    if (sameValue(current[key], next[key])) continue;
    before[key] = current[key];
    after[key] = next[key];
    changed = true;
  }
  return changed ? { id, before, after } : null;
}

/** The changes that turn one list of entities into another (by id): what replacing a whole set does. */
export function replaceAll<T extends { id: string }>(previous: readonly T[], next: readonly T[]): Change<T>[] {
  const nextById = new Map(next.map((x) => [x.id, x]));
  const changes: Change<T>[] = [];
  for (const old of previous) {
    const now = nextById.get(old.id);
    if (!now) changes.push(removed(old.id, old));
    else {
      const change = updated(old.id, old, now);
      if (change) changes.push(change);
      nextById.delete(old.id);
    }
  }
  for (const x of nextById.values()) changes.push(added(x.id, x));
  return changes;
}

/** Deep equality of JSON values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameValue(x, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function invertChanges<T>(changes: Change<T>[] | undefined): Change<T>[] | undefined {
  return changes?.map((c) => ({ id: c.id, before: c.after, after: c.before }));
}

function mapCollections<C extends string, V>(source: { [K in C]?: V }, keys: readonly C[], fn: (v: V) => V): { [K in C]?: V } {
  const out: { [K in C]?: V } = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined) out[key] = fn(value);
  }
  return out;
}

export function invertPatch(patch: Patch): Patch {
  const invert = <T>(changes: Change<T>[]) => invertChanges(changes)!;
  return {
    label: patch.label,
    ...(patch.project && { project: mapCollections(patch.project as Record<string, Change<unknown>[]>, projectCollections, invert) as ProjectChanges }),
    ...(patch.coders && {
      coders: patch.coders.map((c) => ({ coderId: c.coderId, ...mapCollections(c as unknown as Record<string, Change<unknown>[]>, coderCollections, invert) })),
    }),
  };
}

/** Every change of a patch, with where it applies; project changes first. */
export function* eachChange(patch: Patch): Generator<{ coderId: string | null; collection: string; change: Change<unknown> }> {
  for (const collection of projectCollections) {
    for (const change of (patch.project?.[collection] ?? []) as Change<unknown>[]) yield { coderId: null, collection, change };
  }
  for (const coder of patch.coders ?? []) {
    for (const collection of coderCollections) {
      for (const change of (coder[collection] ?? []) as Change<unknown>[]) yield { coderId: coder.coderId, collection, change };
    }
  }
}

export function isEmptyPatch(patch: Patch): boolean {
  return eachChange(patch).next().done === true;
}

export function touchesProjectFile(patch: Patch): boolean {
  return projectCollections.some((c) => (patch.project?.[c]?.length ?? 0) > 0);
}

/** Whether a patch adds or changes anything of a coder's (as opposed to only removing). */
export function coderGains(patch: Patch, coderId: string): boolean {
  const changes = patch.coders?.find((c) => c.coderId === coderId);
  const added = patch.project?.coders?.some((c) => c.id === coderId && c.before === null) ?? false;
  return added || coderCollections.some((k) => (changes?.[k] as Change<unknown>[] | undefined)?.some((c) => c.after !== null));
}

/** Ids of the codings a patch adds: what the UI follows up on (flash, a memo on it). */
export function addedCodingIds(patch: Patch): string[] {
  return (patch.coders ?? []).flatMap((c) => (c.codings ?? []).filter((x) => x.before === null).map((x) => x.id));
}

/** Coders whose files a patch changes. */
export function touchedCoders(patch: Patch): string[] {
  return (patch.coders ?? []).filter((c) => coderCollections.some((k) => (c[k]?.length ?? 0) > 0)).map((c) => c.coderId);
}

/**
 * Documents whose codings, or whose existence, a patch changes: an open reader reloads them. A
 * change to a coding's extent names only the fields it changes: `documentOf` finds its document.
 */
export function affectedDocuments(patch: Patch, documentOf: (coderId: string, codingId: string) => string | undefined = () => undefined): string[] {
  const ids = new Set<string>();
  for (const coder of patch.coders ?? []) {
    for (const change of coder.codings ?? []) {
      const named = change.before?.documentId ?? change.after?.documentId ?? documentOf(coder.coderId, change.id);
      if (named) ids.add(named);
      if (change.after?.documentId) ids.add(change.after.documentId);
    }
  }
  for (const change of patch.project?.documents ?? []) ids.add(change.id);
  return [...ids];
}

/**
 * Joins patches into one step (an import made of several parts, "create a code and code the
 * selection"): several changes to one entity fold into one, from its first `before` to its last `after`.
 */
export function joinPatches(label: string, patches: Patch[]): Patch {
  const project: Record<string, Map<string, Change<unknown>>> = {};
  const coders = new Map<string, Record<string, Map<string, Change<unknown>>>>();
  for (const { coderId, collection, change } of patches.flatMap((p) => [...eachChange(p)])) {
    const group = coderId === null ? project : (coders.get(coderId) ?? coders.set(coderId, {}).get(coderId)!);
    const changes = (group[collection] ??= new Map());
    const earlier = changes.get(change.id);
    if (!earlier) {
      changes.set(change.id, change);
      continue;
    }
    const before = earlier.before === null ? null : { ...(change.before ?? {}), ...earlier.before };
    const after = change.after === null ? null : earlier.after === null ? change.after : { ...earlier.after, ...change.after };
    if (before === null && after === null) changes.delete(change.id);
    else changes.set(change.id, { id: change.id, before, after });
  }
  const lists = (group: Record<string, Map<string, Change<unknown>>>) =>
    Object.fromEntries(Object.entries(group).filter(([, m]) => m.size > 0).map(([k, m]) => [k, [...m.values()]]));
  const out: Patch = { label };
  const projectLists = lists(project);
  if (Object.keys(projectLists).length) out.project = projectLists as ProjectChanges;
  const coderList = [...coders].map(([coderId, group]) => ({ coderId, ...lists(group) })).filter((c) => Object.keys(c).length > 1);
  if (coderList.length) out.coders = coderList;
  return out;
}
