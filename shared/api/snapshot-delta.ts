import { projectCollections } from '../domain/patch';
import type { Patch, ProjectEntities } from '../domain/patch';
import type { Coding, DocumentMeta } from '../domain/schemas';
import type { ProjectState } from '../domain/state/project-state';
import { doneDocuments } from '../operations/done-ops';
import { documentTally } from './document-pages';
import type { MemoView, ProjectSnapshot, SnapshotDelta, Upserts } from './views';

/** Which snapshot list each project collection feeds (documents feed none: the snapshot has their tally). */
const snapshotLists = {
  codes: 'codebook',
  attributes: 'attributes',
  coders: 'coders',
  sets: 'sets',
  queries: 'queries',
} as const satisfies Partial<Record<keyof ProjectEntities, keyof SnapshotDelta>>;

type ListKey = (typeof snapshotLists)[keyof typeof snapshotLists];

function keyOf(list: ListKey, entity: unknown): string {
  return list === 'attributes' ? (entity as { name: string }).name : (entity as { id: string }).id;
}

/** Per coder, the documents they marked done: the snapshot's `done`. */
export function doneByCoder(state: ProjectState): Record<string, string[]> {
  return Object.fromEntries(state.coderIds().map((id) => [id, doneDocuments({ state }, id)]));
}

export function memoViews(state: ProjectState, coderId: string): MemoView[] {
  const author = state.tables.coders.get(coderId)?.name ?? '';
  return [...(state.coder(coderId)?.memos.list() ?? [])].map((m) => ({ ...m, coderId, author }));
}

/**
 * What a patch, just applied to `state`, changed in the snapshot: the entities it touched as they
 * are now (or their removal), the memos it touched, and the counts of every code whose codings it
 * changed. Costs what the patch touched, never the size of the project.
 */
export function deltaOf(state: ProjectState, patch: Patch, currentCoderId: string | null): SnapshotDelta {
  const delta: SnapshotDelta = {};
  for (const collection of projectCollections) {
    const changes = patch.project?.[collection];
    if (!changes?.length) continue;
    if (collection === 'documents') {
      // The UI asks again for the rows it shows; an import of 20,000 answers sends no rows here.
      delta.documentTally = documentTally(state.tables.documents.list() as DocumentMeta[]);
      continue;
    }
    if (collection === 'info') {
      const info = state.tables.info.get('info')!;
      delta.info = { name: info.name, description: info.description };
      continue;
    }
    const table = state.tables[collection];
    const out: Upserts<unknown> = { upsert: [], remove: [] };
    for (const change of changes) {
      const now = table.get(change.id);
      if (now) out.upsert.push(now);
      else out.remove.push(change.id);
    }
    (delta as Record<string, Upserts<unknown>>)[snapshotLists[collection as Exclude<typeof collection, 'documents'>]] = out;
  }
  const memos: Upserts<MemoView> = { upsert: [], remove: [] };
  const codeIds = new Set<string>();
  const done: Record<string, string[]> = {};
  for (const changes of patch.coders ?? []) {
    if (changes.done?.length) done[changes.coderId] = doneDocuments({ state }, changes.coderId);
    const author = state.tables.coders.get(changes.coderId)?.name ?? '';
    for (const change of changes.memos ?? []) {
      const memo = state.coder(changes.coderId)?.memos.get(change.id);
      if (memo) memos.upsert.push({ ...memo, coderId: changes.coderId, author });
      else memos.remove.push(change.id);
    }
    for (const change of changes.codings ?? []) {
      for (const side of [change.before, change.after] as (Partial<Coding> | null)[]) if (side?.codeId) codeIds.add(side.codeId);
    }
  }
  // A coder renamed: their memos' author changes with them.
  for (const change of patch.project?.coders ?? []) {
    if (change.before && change.after && 'name' in change.after) memos.upsert.push(...memoViews(state, change.id));
  }
  if (memos.upsert.length || memos.remove.length) delta.memos = memos;
  if (Object.keys(done).length) delta.done = done;
  if (codeIds.size) delta.codingCounts = state.codingCounts(codeIds);
  if (patch.project?.coders?.length) delta.currentCoderId = currentCoderId;
  return delta;
}

function applyUpserts<T>(list: readonly T[], change: Upserts<T> | undefined, key: (item: T) => string, order?: (a: T, b: T) => number): T[] {
  if (!change) return list as T[];
  const gone = new Set([...change.remove, ...change.upsert.map(key)]);
  const next = [...list.filter((item) => !gone.has(key(item))), ...change.upsert];
  return order ? next.sort(order) : next;
}

const byRank = (key: (x: never) => string) => (a: { rank: number }, b: { rank: number }) =>
  a.rank - b.rank || (key(a as never) < key(b as never) ? -1 : 1);
const memoOrder = (a: MemoView, b: MemoView) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

/** The snapshot after a change: lists in rank order, as the backend has them. */
export function applyDelta(snapshot: ProjectSnapshot, delta: SnapshotDelta): ProjectSnapshot {
  const lists = {} as Record<ListKey, unknown[]>;
  for (const list of Object.values(snapshotLists)) {
    const key = (x: unknown) => keyOf(list, x);
    lists[list] = applyUpserts(snapshot[list] as unknown[], delta[list] as Upserts<unknown> | undefined, key, byRank(key) as never);
  }
  return {
    ...snapshot,
    ...delta.info,
    ...(lists as Pick<ProjectSnapshot, ListKey>),
    documents: delta.documentTally ?? snapshot.documents,
    memos: applyUpserts(snapshot.memos, delta.memos, (m) => m.id, memoOrder),
    done: delta.done ? { ...snapshot.done, ...delta.done } : snapshot.done,
    codingCounts: delta.codingCounts ? { ...snapshot.codingCounts, ...delta.codingCounts } : snapshot.codingCounts,
    ...(delta.currentCoderId !== undefined && { currentCoderId: delta.currentCoderId }),
  };
}
