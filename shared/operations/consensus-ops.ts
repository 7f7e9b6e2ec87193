import { AppError } from '../api/errors';
import type { DisagreementPassage } from '../agreement/project/disagreements';
import { added, removed } from '../domain/patch';
import type { Change, Patch } from '../domain/patch';
import type { Coding, Decision } from '../domain/schemas';
import { unionSpans } from '../text/spans';
import type { Span } from '../text/spans';
import { codingsIn, findCode, findDocument } from './context';
import type { OperationContext } from './context';

export type Resolution = 'A' | 'B' | 'both' | 'neither';

export const CONSENSUS_CODER_NAME = 'Consensus';

/** The coder settled passages go to: a coder like the others, but never counted among "every coder" unless chosen. */
export function isConsensusCoder(coder: { name: string }): boolean {
  return coder.name === CONSENSUS_CODER_NAME;
}

export interface ResolveInput {
  consensusCoderId: string;
  passage: DisagreementPassage;
  coderA: string;
  coderB: string;
  choice: Resolution;
  note: string;
  /** Who settled it (the user's name), for the decision log. */
  decidedBy: string;
}

/**
 * Settles one disagreement into the consensus coder: its codings at the code within the passage
 * become coder A's, coder B's, both (their union) or none, and the decision (with its note and who
 * made it) is kept in the consensus coder's decision log. Undoable like any change.
 */
export function resolveDisagreement(ctx: OperationContext, input: ResolveInput): Patch {
  const { passage, choice, consensusCoderId } = input;
  const code = findCode(ctx, passage.codeId);
  findDocument(ctx, passage.documentId);
  const kept: Span[] = choice === 'A' ? passage.spansA : choice === 'B' ? passage.spansB : choice === 'both' ? unionSpans([...passage.spansA, ...passage.spansB]) : [];
  const codings: Change<Coding>[] = [];
  const add = (span: Span, createdAt = ctx.now()) => {
    const coding: Coding = { id: ctx.newId(), documentId: passage.documentId, codeId: passage.codeId, start: span.start, end: span.end, createdAt };
    codings.push(added(coding.id, coding));
  };
  for (const coding of codingsIn(ctx, consensusCoderId, passage.documentId)) {
    if (coding.codeId !== passage.codeId || coding.end <= passage.start || coding.start >= passage.end) continue;
    codings.push(removed(coding.id, coding));
    // Parts of an earlier consensus coding outside this passage stay as they were.
    if (coding.start < passage.start) add({ start: coding.start, end: passage.start }, coding.createdAt);
    if (coding.end > passage.end) add({ start: passage.end, end: coding.end }, coding.createdAt);
  }
  kept.forEach((span) => add(span));
  const decision: Decision = {
    id: ctx.newId(),
    codeId: passage.codeId,
    documentId: passage.documentId,
    start: passage.start,
    end: passage.end,
    coderA: input.coderA,
    coderB: input.coderB,
    choice,
    kept: kept.map(({ start, end }) => ({ start, end })),
    note: input.note.trim(),
    decidedBy: input.decidedBy,
    decidedAt: ctx.now(),
  };
  return {
    label: `Settle a passage at “${code.name}”: ${describe(choice)}`,
    coders: [{ coderId: consensusCoderId, codings, decisions: [added(decision.id, decision)] }],
  };
}

export function describe(choice: Decision['choice']): string {
  switch (choice) {
    case 'A':
      return "accepted the first coder's coding";
    case 'B':
      return "accepted the second coder's coding";
    case 'both':
      return 'accepted both';
    case 'neither':
      return 'accepted neither';
    case 'edited':
      return 'kept an edited passage';
  }
}

export function assertResolvable(passage: DisagreementPassage | undefined): DisagreementPassage {
  if (!passage) throw new AppError('NOT_FOUND', 'That disagreement is no longer there: the coders may have changed their coding. Refresh the list.');
  return passage;
}
