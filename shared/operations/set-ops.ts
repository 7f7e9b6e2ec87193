import { AppError } from '../api/errors';
import { added, removed, updated } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { DocumentSet } from '../domain/schemas';
import { plural } from '../text/plural';
import { findDocument, nextRank } from './context';
import type { OperationContext } from './context';

/*
 * Document sets (MAXQDA's document groups, NVivo's sets): named groups of documents, used as a
 * filter wherever attributes filter. A document may be in any number of sets.
 */

function findSet(ctx: OperationContext, setId: string): DocumentSet {
  const set = ctx.state.tables.sets.get(setId);
  if (!set) throw new AppError('NOT_FOUND', `There is no document set with id ${setId}; it may have been deleted.`);
  return set;
}

function checkFreeName(ctx: OperationContext, name: string, exceptId: string | null): void {
  const clash = ctx.project.sets.find((s) => s.id !== exceptId && s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) throw new AppError('ALREADY_EXISTS', `A document set named "${clash.name}" already exists.`);
}

/** A new set, holding `documentIds` (in project order) from the start. */
export function createSet(ctx: OperationContext, name: string, documentIds: readonly string[] = []): { patch: Patch; setId: string } {
  checkFreeName(ctx, name, null);
  for (const id of documentIds) findDocument(ctx, id);
  const wanted = new Set(documentIds);
  const set: DocumentSet = {
    id: ctx.newId(),
    name,
    documentIds: ctx.project.documents.filter((d) => wanted.has(d.id)).map((d) => d.id),
    rank: nextRank(ctx.project.sets),
  };
  const what = set.documentIds.length > 0 ? ` with ${plural(set.documentIds.length, 'document')}` : '';
  return { patch: { label: `Create document set “${name}”${what}`, project: { sets: [added(set.id, set)] } }, setId: set.id };
}

export function renameSet(ctx: OperationContext, setId: string, name: string): Patch {
  const set = findSet(ctx, setId);
  checkFreeName(ctx, name, setId);
  const change = updated(set.id, set, { ...set, name });
  return { label: `Rename document set “${set.name}” to “${name}”`, ...(change && { project: { sets: [change] } }) };
}

/** Deletes the set only: its documents stay in the project. */
export function deleteSet(ctx: OperationContext, setId: string): Patch {
  const set = findSet(ctx, setId);
  return { label: `Delete document set “${set.name}”`, project: { sets: [removed(set.id, set)] } };
}

/** Adds documents to a set or takes them out; those already in (or already out) are left as they are. */
export function changeSetMembers(ctx: OperationContext, setId: string, documentIds: readonly string[], member: boolean): Patch {
  const set = findSet(ctx, setId);
  const docs = documentIds.map((id) => findDocument(ctx, id));
  const touched = new Set(docs.map((d) => d.id));
  const held = new Set(set.documentIds);
  const next = member
    ? ctx.project.documents.filter((d) => held.has(d.id) || touched.has(d.id)).map((d) => d.id)
    : set.documentIds.filter((id) => !touched.has(id));
  const change = updated(set.id, set, { ...set, documentIds: next });
  const who = docs.length === 1 ? `“${docs[0]!.name}”` : plural(docs.length, 'document');
  const label = member ? `Add ${who} to set “${set.name}”` : `Remove ${who} from set “${set.name}”`;
  return { label, ...(change && { project: { sets: [change] } }) };
}
