import { coderWorkCollections, eachChange, sameValue } from '../patch';
import type { Change, Patch, coderCollections } from '../patch';
import type { Coding, Memo } from '../schemas';
import type { ProjectState } from './project-state';

/**
 * Whether a patch still fits the project, before it is applied: each change must find its
 * entity as it expects (absent, present, or with the fields it names unchanged), and a coder it
 * removes must lose all their work with it. Undo and redo ask this first: another coder may have
 * changed what their patch would take back. Returns what is wrong, in words; empty when nothing is.
 */
export function patchConflicts(state: ProjectState, patch: Patch): string[] {
  const problems: string[] = [];
  const addedCoders = new Set((patch.project?.coders ?? []).filter((c) => c.before === null).map((c) => c.id));
  for (const { coderId, collection, change } of eachChange(patch)) {
    const coder = coderId === null ? null : state.coder(coderId);
    if (coderId !== null && !coder) {
      if (!addedCoders.has(coderId)) problems.push('the coder it changes is no longer in the project');
      continue;
    }
    const table = coder ? coder[collection as (typeof coderCollections)[number]] : state.tables[collection as keyof typeof state.tables];
    const current = table.get(change.id) as Record<string, unknown> | undefined;
    const problem = changeProblem(current, change);
    if (problem) problems.push(`${describe(state, collection, change, current)} ${problem}`);
  }
  for (const change of patch.project?.coders ?? []) {
    const coder = state.coder(change.id);
    if (change.after !== null || !coder) continue;
    const changes = patch.coders?.find((c) => c.coderId === change.id);
    const leaving = coderWorkCollections.reduce((n, k) => n + (changes?.[k] ?? []).filter((c) => c.after === null).length, 0);
    const held = coderWorkCollections.reduce((n, k) => n + coder[k].size, 0);
    if (held > leaving) problems.push(`the coder ${state.tables.coders.get(change.id)?.name ?? ''} has work made since`);
  }
  return [...new Set(problems)];
}

/**
 * What a patch, once applied, has left pointing at nothing: codings at a removed code or in a
 * removed document, codes under a removed code, memos on removed things, sets holding removed
 * documents. Checked on the project after the patch, for what the patch touched; empty when sound.
 */
export function danglingReferences(state: ProjectState, patch: Patch): string[] {
  const problems: string[] = [];
  const removedIds = (list: Change<unknown>[] | undefined) => (list ?? []).filter((c) => c.after === null).map((c) => c.id);
  const removedCodes = removedIds(patch.project?.codes);
  const removedDocuments = removedIds(patch.project?.documents);
  const removedCodings = new Set((patch.coders ?? []).flatMap((c) => removedIds(c.codings)));
  for (const codeId of removedCodes) {
    if (state.codingsAt(codeId) > 0) problems.push('a code it removes holds codings made since');
    if ([...state.tables.codes.values()].some((c) => c.parentId === codeId)) problems.push('a code it removes holds codes added since');
  }
  for (const documentId of removedDocuments) {
    if (state.coderIds().some((id) => state.coder(id)!.codingsIn(documentId).length > 0)) problems.push('a document it removes holds codings made since');
    if ([...state.tables.sets.values()].some((s) => s.documentIds.includes(documentId))) problems.push('a document it removes is in a document set');
  }
  for (const change of patch.project?.codes ?? []) {
    const parentId = change.after === null ? null : state.tables.codes.get(change.id)?.parentId;
    if (parentId && !state.tables.codes.has(parentId)) problems.push('a code would sit under a code removed since');
  }
  for (const changes of patch.coders ?? []) {
    for (const change of changes.memos ?? []) {
      const memo = change.after === null ? undefined : state.coder(changes.coderId)?.memos.get(change.id);
      if (memo && !targetExists(state, memo.target)) problems.push('a memo would be on something removed since');
    }
    for (const change of changes.codings ?? []) {
      const coding = change.after === null ? undefined : state.coder(changes.coderId)?.codings.get(change.id);
      if (!coding) continue;
      const code = state.tables.codes.get(coding.codeId);
      const doc = state.tables.documents.get(coding.documentId);
      if (!code?.codable) problems.push('a coding would be at a code that is not there (or is a folder)');
      if (!doc || coding.end > doc.length) problems.push('a coding would lie outside its document');
    }
  }
  const gone = (target: Memo['target']) =>
    (target.type === 'code' && removedCodes.includes(target.id)) ||
    (target.type === 'document' && removedDocuments.includes(target.id)) ||
    (target.type === 'coding' && removedCodings.has(target.id));
  if (removedCodes.length || removedDocuments.length || removedCodings.size) {
    for (const coderId of state.coderIds()) {
      if ([...state.coder(coderId)!.memos.values()].some((m) => gone(m.target))) problems.push('a memo would be left on something it removes');
    }
  }
  return [...new Set(problems)];
}

const REFERENCED = new Set(['documents', 'codes', 'codings']);

/** The documents, codes and codings a patch removes: what other steps may still need. */
export function removedReferents(patch: Patch): Set<string> {
  const removing = new Set<string>();
  for (const { collection, change } of eachChange(patch)) if (change.after === null && REFERENCED.has(collection)) removing.add(change.id);
  return removing;
}

/**
 * Whether `step` (in someone else's history) changes or points at any of `ids`: undoing it later
 * needs them, so their removal waits until it is undone (nobody is left with steps they cannot undo).
 */
export function stepNeedsAny(step: Patch, ids: ReadonlySet<string>): boolean {
  for (const { collection, change } of eachChange(step)) {
    if (REFERENCED.has(collection) && ids.has(change.id)) return true;
    for (const side of [change.before, change.after] as (Record<string, unknown> | null)[]) {
      if (!side) continue;
      const named = [side.documentId, side.codeId, side.parentId, (side.target as { id?: unknown } | undefined)?.id, ...(Array.isArray(side.documentIds) ? side.documentIds : [])];
      if (named.some((id) => typeof id === 'string' && ids.has(id))) return true;
    }
  }
  return false;
}

function targetExists(state: ProjectState, target: Memo['target']): boolean {
  switch (target.type) {
    case 'code':
      return state.tables.codes.has(target.id);
    case 'document':
      return state.tables.documents.has(target.id);
    case 'coding':
      return state.coderIds().some((id) => state.coder(id)!.codings.has(target.id));
    default:
      return true;
  }
}

function changeProblem(current: Record<string, unknown> | undefined, change: Change<unknown>): string | null {
  if (change.before === null) return current ? 'already exists' : null;
  if (!current) return 'is no longer there';
  const expected = change.before as Record<string, unknown>;
  return Object.keys(expected).every((key) => sameValue(current[key], expected[key])) ? null : 'has been changed since';
}

function describe(state: ProjectState, collection: string, change: Change<unknown>, current: Record<string, unknown> | undefined): string {
  const entity = (current ?? change.before ?? change.after ?? {}) as Record<string, unknown>;
  switch (collection) {
    case 'codes':
    case 'documents':
      return `the ${collection.slice(0, -1)} “${String(entity.name ?? '')}”`;
    case 'coders':
      return `the coder ${String(entity.name ?? '')}`;
    case 'attributes':
      return `the attribute “${change.id}”`;
    case 'codings': {
      const coding = entity as Partial<Coding>;
      const code = coding.codeId ? state.tables.codes.get(coding.codeId)?.name : undefined;
      const doc = coding.documentId ? state.tables.documents.get(coding.documentId)?.name : undefined;
      return `a coding${code ? ` at “${code}”` : ''}${doc ? ` in “${doc}”` : ''}`;
    }
    case 'info':
      return 'the project’s name or description';
    default:
      return `a ${collection.replace(/s$/, '')}`;
  }
}
