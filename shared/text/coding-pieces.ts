import type { Span } from './spans';
import { unionSpans } from './spans';
import { TEXT_PIECE_UNITS, missingIn } from './text-pieces';

/**
 * The codings a reader holds of a long document (issue 16): they arrive a stretch at a time, as
 * the text does, so no reply carries every coding of the document. A coding spanning two
 * stretches arrives with both and is held once, by id.
 *
 * A reply is bounded by count as well, for densely coded text: when a range holds more than its
 * reply may carry, the reply carries every coding starting before some offset, and the reader
 * takes its coverage to end just after the last coding starting in it (coveredBy).
 */

/** The most codings a document.codings reply carries: about 230 bytes of JSON each, 0.9 MB. */
export const CODINGS_PER_REPLY = 4000;
/** The most codings document.get carries beside its first piece (up to 0.12 MB of JSON): more than a few screens hold. */
export const CODINGS_WITH_TEXT = 500;
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

/**
 * The codings overlapping `range`, cut when there are more than `max`: then the first `max` by
 * start and every other starting no later (codings starting together are never split, nor those
 * starting at or before the range's start), so that a cut reply holds at least `max` and all
 * the codings starting up to its last start: what coveredBy takes it to cover.
 */
export function boundedCodings<T extends Span>(overlapping: T[], range: Span, max = CODINGS_PER_REPLY): T[] {
  if (overlapping.length <= max) return overlapping;
  const starts = overlapping.map((c) => c.start).sort((a, b) => a - b);
  const last = Math.max(starts[max - 1]!, range.start);
  return overlapping.filter((c) => c.start <= last);
}

/** What a reply of `codings` for `range` covers: all of it, or, when it may have been cut, up to just past the last coding starting in it. */
export function coveredBy(range: Span, codings: readonly Span[], max = CODINGS_PER_REPLY): Span {
  if (codings.length < max) return range;
  const last = codings.reduce((m, c) => Math.max(m, c.start), range.start);
  return { start: range.start, end: Math.min(range.end, last + 1) };
}

export function heldCodings<T extends Span & { id: string }>(revision: number, coderIds: readonly string[], span: Span, codings: readonly T[], max = CODINGS_WITH_TEXT): HeldCodings<T> {
  return withCodings({ revision, coderIds, covered: [], list: [] }, span, codings, max);
}

/** The held codings with a reply for `range` added (a coding already held is replaced by the one that arrived). */
export function withCodings<T extends Span & { id: string }>(held: HeldCodings<T>, range: Span, codings: readonly T[], max = CODINGS_PER_REPLY): HeldCodings<T> {
  const byId = new Map(held.list.map((c) => [c.id, c]));
  for (const c of codings) byId.set(c.id, c);
  const span = coveredBy(range, codings, max);
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
