import type { Span } from './spans';
import { unionSpans } from './spans';
import { TEXT_PIECE_UNITS, missingIn } from './text-pieces';

/**
 * The codings a reader holds of a long document (issue 16): they arrive a stretch at a time, as
 * the text does, so no reply carries every coding of the document. A coding spanning two
 * stretches arrives with both and is held once, by id.
 */
export interface HeldCodings<T extends Span & { id: string }> {
  /** The document's coding revision they were asked at (bumped by every change to its codings). */
  revision: number;
  /** Whose codings they are. */
  coderIds: readonly string[];
  /** The stretches whose codings have arrived. */
  covered: Span[];
  /** Every coding overlapping `covered`, once each, in order of arrival. */
  list: readonly T[];
}

export function heldCodings<T extends Span & { id: string }>(revision: number, coderIds: readonly string[], span: Span, codings: readonly T[]): HeldCodings<T> {
  return withCodings({ revision, coderIds, covered: [], list: [] }, span, codings);
}

/** The held codings with those overlapping `span` added (a coding already held is replaced by the one that arrived). */
export function withCodings<T extends Span & { id: string }>(held: HeldCodings<T>, span: Span, codings: readonly T[]): HeldCodings<T> {
  const byId = new Map(held.list.map((c) => [c.id, c]));
  for (const c of codings) byId.set(c.id, c);
  const covered = span.end > span.start ? unionSpans([...held.covered, span]) : held.covered;
  return { ...held, covered, list: [...byId.values()] };
}

/** The first stretch of text that has arrived (`loaded`) whose codings have not, at most one text piece long; null when none. */
export function uncoveredIn(covered: readonly Span[], loaded: readonly Span[], max = TEXT_PIECE_UNITS): Span | null {
  for (const span of loaded) {
    const gap = missingIn(covered, span.start, span.end, max);
    if (gap) return gap;
  }
  return null;
}

/** The covered stretches cut into ranges of at most one text piece: what a refresh asks for, one reply each. */
export function refreshRanges(covered: readonly Span[], max = TEXT_PIECE_UNITS): Span[] {
  const ranges: Span[] = [];
  for (const span of covered) for (let at = span.start; at < span.end; at += max) ranges.push({ start: at, end: Math.min(span.end, at + max) });
  return ranges;
}
