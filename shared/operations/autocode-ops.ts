import { AppError } from '../api/errors';
import type { AutocodeCount } from '../api/views';
import type { Patch } from '../domain/patch';
import type { Turn } from '../domain/schemas';
import { plural } from '../text/plural';
import type { Span } from '../text/spans';
import { passagesForMatches } from '../text/units';
import type { ContextUnit } from '../text/units';
import { applyCodings, where } from './coding-ops';
import type { DocumentSpan } from './coding-ops';
import { codingsIn, findCode } from './context';
import type { OperationContext } from './context';

/** One document's search matches, with what its context units are made from. */
export interface DocumentMatches {
  documentId: string;
  text: string;
  turns: readonly Turn[];
  matches: Span[];
}

/** Each unit's name, one and many. */
export const unitNouns: Record<ContextUnit, [string, string]> = {
  match: ['match', 'matches'],
  sentence: ['sentence', 'sentences'],
  paragraph: ['paragraph', 'paragraphs'],
  turn: ['speaker turn', 'speaker turns'],
};

/** "3 sentences", "1 speaker turn". */
export function unitCount(n: number, unit: ContextUnit): string {
  return plural(n, ...unitNouns[unit]);
}

/** The passages "code all results as `unit`" codes: each document's matches widened to their units, each passage once. */
export function autocodePassages(documents: readonly DocumentMatches[], unit: ContextUnit): DocumentSpan[] {
  return documents.flatMap((d) => passagesForMatches(d.text, d.turns, d.matches, unit).map((s) => ({ documentId: d.documentId, ...s })));
}

/**
 * What autocoding would do, before it is done: how many matches, the passages they widen to, in
 * how many documents, and how many of those passages the coder has already coded at the code
 * (they change nothing; passages overlapping a coding there widen it instead of adding one).
 */
export function countAutocode(
  ctx: OperationContext,
  coderId: string | null,
  codeId: string | null,
  documents: readonly DocumentMatches[],
  unit: ContextUnit,
): AutocodeCount {
  const passages = autocodePassages(documents, unit);
  const inside = (p: DocumentSpan) =>
    coderId !== null && codeId !== null && codingsIn(ctx, coderId, p.documentId).some((c) => c.codeId === codeId && c.start <= p.start && c.end >= p.end);
  return {
    matches: documents.reduce((n, d) => n + d.matches.length, 0),
    passages: passages.length,
    documents: new Set(passages.map((p) => p.documentId)).size,
    alreadyCoded: passages.filter(inside).length,
  };
}

/** Codes every match as `unit` at one code, in one step, merged with the coder's codings there. */
export function autocode(ctx: OperationContext, coderId: string, codeId: string, documents: readonly DocumentMatches[], unit: ContextUnit, query: string): Patch {
  const passages = autocodePassages(documents, unit);
  if (passages.length === 0) throw new AppError('INVALID_INPUT', `Nothing matches “${query}” in the documents searched: there is nothing to code.`);
  const patch = applyCodings(ctx, coderId, codeId, passages);
  if (!patch.coders) return patch;
  return { ...patch, label: `Code ${unitCount(passages.length, unit)} with “${query}” at “${findCode(ctx, codeId).name}” ${where(ctx, passages)}` };
}
