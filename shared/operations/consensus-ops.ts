import { AppError } from '../api/errors';
import type { DisagreementPassage } from '../agreement/project/disagreements';
import { emptyCoderPatch } from '../domain/patch';
import type { Patch } from '../domain/patch';
import { unionSpans } from '../text/spans';
import type { Span } from '../text/spans';
import { findCode, findDocument } from './context';
import type { OperationContext } from './context';

export type Resolution = 'A' | 'B' | 'both' | 'neither';

export const CONSENSUS_CODER_NAME = 'Consensus';

/** The coder settled passages go to: a coder like the others, but never counted among "every coder" unless chosen. */
export function isConsensusCoder(coder: { name: string }): boolean {
  return coder.name === CONSENSUS_CODER_NAME;
}

/**
 * Settles one disagreement into the consensus coder: its codings at the code within the
 * passage become coder A's, coder B's, both (their union) or none; a note becomes a memo on
 * the result (on the document when nothing is kept). Undoable like any change.
 */
export function resolveDisagreement(
  ctx: OperationContext,
  consensusCoderId: string,
  passage: DisagreementPassage,
  choice: Resolution,
  note: string,
): Patch {
  const code = findCode(ctx, passage.codeId);
  findDocument(ctx, passage.documentId);
  const kept: Span[] = choice === 'A' ? passage.spansA : choice === 'B' ? passage.spansB : choice === 'both' ? unionSpans([...passage.spansA, ...passage.spansB]) : [];
  const file = ctx.coderFile(consensusCoderId);
  const change = emptyCoderPatch(consensusCoderId);
  for (const coding of file.codings) {
    if (coding.codeId !== passage.codeId || coding.documentId !== passage.documentId) continue;
    if (coding.end <= passage.start || coding.start >= passage.end) continue;
    change.removedCodings.push(coding);
    // Parts of an earlier consensus coding outside this passage stay as they were.
    if (coding.start < passage.start) change.addedCodings.push({ ...coding, id: ctx.newId(), end: passage.start });
    if (coding.end > passage.end) change.addedCodings.push({ ...coding, id: ctx.newId(), start: passage.end });
  }
  const removedIds = new Set(change.removedCodings.map((c) => c.id));
  change.removedMemos.push(...file.memos.filter((m) => m.target.type === 'coding' && removedIds.has(m.target.id)));
  const created = kept.map((s) => ({ id: ctx.newId(), documentId: passage.documentId, codeId: passage.codeId, start: s.start, end: s.end, createdAt: ctx.now() }));
  change.addedCodings.push(...created);
  const text = note.trim();
  if (text) {
    const now = ctx.now();
    const targets = created.length ? created.map((c) => ({ type: 'coding' as const, id: c.id })) : [{ type: 'document' as const, id: passage.documentId }];
    for (const target of targets) {
      change.addedMemos.push({ id: ctx.newId(), target, text: `Reconciled at ${code.name} (${describe(choice)}): ${text}`, createdAt: now, updatedAt: now });
    }
  }
  return { label: `Reconcile a passage at ${code.name}: ${describe(choice)}`, coders: [change] };
}

function describe(choice: Resolution): string {
  switch (choice) {
    case 'A':
      return "accepted the first coder's coding";
    case 'B':
      return "accepted the second coder's coding";
    case 'both':
      return 'accepted both';
    case 'neither':
      return 'accepted neither';
  }
}

export function assertResolvable(passage: DisagreementPassage | undefined): DisagreementPassage {
  if (!passage) throw new AppError('NOT_FOUND', 'That disagreement is no longer there: the coders may have changed their coding. Refresh the list.');
  return passage;
}
