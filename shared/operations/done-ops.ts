import { added, removed } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { DoneMark } from '../domain/schemas';
import { findDocument } from './context';
import type { OperationContext } from './context';

/** The documents a coder has marked done (read through, whether or not they coded anything). */
export function doneDocuments(ctx: Pick<OperationContext, 'state'>, coderId: string): string[] {
  return [...(ctx.state.coder(coderId)?.done.list() ?? [])].map((m) => m.documentId);
}

/**
 * Marks a document done for one coder, or takes the mark back. A document with no codings that
 * is marked done still counts in agreement: reading it and coding nothing is a decision.
 */
export function setDocumentDone(ctx: OperationContext, coderId: string, documentId: string, done: boolean): Patch {
  const doc = findDocument(ctx, documentId);
  const marks = [...(ctx.state.coder(coderId)?.done.list() ?? [])].filter((m) => m.documentId === documentId);
  if (done) {
    const label = `Mark “${doc.name}” done`;
    if (marks.length > 0) return { label };
    const mark: DoneMark = { id: ctx.newId(), documentId, markedAt: ctx.now() };
    return { label, coders: [{ coderId, done: [added(mark.id, mark)] }] };
  }
  const label = `Mark “${doc.name}” not done`;
  return { label, ...(marks.length > 0 && { coders: [{ coderId, done: marks.map((m) => removed(m.id, m)) }] }) };
}
