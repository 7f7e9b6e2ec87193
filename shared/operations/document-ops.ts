import { AppError } from '../api/errors';
import { added, removed, updated } from '../domain/patch';
import type { CoderChanges, Patch } from '../domain/patch';
import type { DocumentMeta } from '../domain/schemas';
import { plural } from '../text/plural';
import { findDocument, nextRank } from './context';
import type { OperationContext } from './context';

/** Documents to add, in order after those already listed; their source files are already written. */
export function addDocuments(ctx: OperationContext, documents: Omit<DocumentMeta, 'rank'>[]): Patch['project'] {
  const first = nextRank(ctx.project.documents);
  return { documents: documents.map((d, i) => added(d.id, { ...d, rank: first + i })) };
}

export function renameDocument(ctx: OperationContext, documentId: string, name: string): Patch {
  const doc = findDocument(ctx, documentId);
  const clash = ctx.project.documents.find((d) => d.id !== documentId && d.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) throw new AppError('ALREADY_EXISTS', `A document named "${clash.name}" already exists.`);
  const change = updated(doc.id, doc, { ...doc, name });
  return { label: `Rename document “${doc.name}” to “${name}”`, ...(change && { project: { documents: [change] } }) };
}

/** What deleting documents takes with them: their codings, and how many coders made those. */
export function documentWork(ctx: OperationContext, documentIds: readonly string[]): { codings: number; coders: number } {
  for (const id of documentIds) findDocument(ctx, id);
  const counts = ctx.state.coderIds().map((coder) => documentIds.reduce((n, id) => n + ctx.state.coder(coder)!.codingsIn(id).length, 0));
  return { codings: counts.reduce((a, b) => a + b, 0), coders: counts.filter((n) => n > 0).length };
}

/** How a change that takes codings with it names them: " and 12 codings by 2 coders". */
function workTaken(work: { codings: number; coders: number }): string {
  return work.codings > 0 ? ` and ${plural(work.codings, 'coding')} by ${plural(work.coders, 'coder')}` : '';
}

/** The undo step's name for deleting several documents at once. */
export function deleteDocumentsLabel(ctx: OperationContext, documentIds: readonly string[]): string {
  return `Delete ${plural(documentIds.length, 'document')}${workTaken(documentWork(ctx, documentIds))}`;
}

/**
 * Deletes a document with everything about it: every coder's codings in it, memos on it and on
 * those codings, done marks and settled decisions, and its place in document sets. Undoable while
 * the project is open; its text stays in the project's trash until then.
 */
export function deleteDocument(ctx: OperationContext, documentId: string): Patch {
  const doc = findDocument(ctx, documentId);
  const coders: CoderChanges[] = [];
  for (const coderId of ctx.state.coderIds()) {
    const coder = ctx.state.coder(coderId)!;
    const codings = coder.codingsIn(documentId);
    const codingIds = new Set(codings.map((c) => c.id));
    const memos = [...coder.memos.values()].filter(
      (m) => (m.target.type === 'document' && m.target.id === documentId) || (m.target.type === 'coding' && codingIds.has(m.target.id)),
    );
    const done = [...coder.done.values()].filter((d) => d.documentId === documentId);
    const decisions = [...coder.decisions.values()].filter((d) => d.documentId === documentId);
    if (codings.length + memos.length + done.length + decisions.length === 0) continue;
    const gone = <T extends { id: string }>(list: T[]) => list.map((x) => removed(x.id, x));
    coders.push({ coderId, codings: gone(codings), memos: gone(memos), done: gone(done), decisions: gone(decisions) });
  }
  const sets = ctx.project.sets
    .filter((s) => s.documentIds.includes(documentId))
    .map((s) => updated(s.id, s, { ...s, documentIds: s.documentIds.filter((id) => id !== documentId) })!);
  return {
    label: `Delete document “${doc.name}”${workTaken(documentWork(ctx, [documentId]))}`,
    project: { documents: [removed(doc.id, doc)], ...(sets.length > 0 && { sets }) },
    ...(coders.length > 0 && { coders }),
  };
}
