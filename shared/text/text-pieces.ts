import type { Span } from './spans';
import { unionSpans } from './spans';

/**
 * A long text that arrives in pieces (the reader's document text, issue 16): which stretches
 * have arrived, where the next one to ask for is, and how a piece is cut so that it is never
 * too big for one reply and never splits a character. Offsets are UTF-16 code units, as
 * everywhere in the project.
 */

/** A stretch of a document's text: [start, start + text.length). */
export interface TextPiece {
  start: number;
  text: string;
}

/**
 * The most text one reply carries: at three bytes of UTF-8 per unit at worst, under 1 MB of
 * JSON (the bench reports every reply over 1 MB).
 */
export const TEXT_PIECE_UNITS = 256 * 1024;
/** How far before the offset asked for the first piece begins (the reader shows some text above a passage it goes to). */
const LEAD_UNITS = 16 * 1024;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
function insidePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/**
 * [start, end) clamped to the text and to at most `max` units, with both ends moved off the
 * middle of a surrogate pair (the start back, the end back, or on when that would leave it empty).
 */
export function pieceBounds(text: string, start: number, end: number, max = TEXT_PIECE_UNITS): Span {
  let s = Math.max(0, Math.min(Math.floor(start), text.length));
  let e = Math.max(s, Math.min(Math.floor(end), s + max, text.length));
  if (insidePair(text, s)) s--;
  if (insidePair(text, e)) e = e - 1 > s ? e - 1 : e + 1;
  return { start: s, end: e };
}

/** The piece a reader asks for first: from a little before `from` (0: the beginning). */
export function firstPiece(text: string, from: number): TextPiece {
  const start = Math.max(0, from - LEAD_UNITS);
  const span = pieceBounds(text, start, start + TEXT_PIECE_UNITS);
  return { start: span.start, text: text.slice(span.start, span.end) };
}

/** A text of `length` units of which only the stretches in `loaded` are known. */
export interface PartialText {
  /** The text at full length: each stretch not yet arrived is spaces, so every offset holds. */
  text: string;
  loaded: Span[];
}

export function partialText(length: number, first: TextPiece): PartialText {
  return addPieces({ text: ' '.repeat(length), loaded: [] }, [first]);
}

/**
 * The text with these pieces put in place, built as one flat string: a piece spliced in with
 * `+` leaves a rope that the first slice copies whole (20 MB for each piece of a 20 MB line),
 * so pieces are put in together and copied once.
 */
export function addPieces(partial: PartialText, pieces: readonly TextPiece[]): PartialText {
  const length = partial.text.length;
  const parts: string[] = [];
  const spans: Span[] = [...partial.loaded];
  let at = 0;
  for (const piece of [...pieces].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(piece.start, length));
    const end = Math.min(length, piece.start + piece.text.length);
    if (end <= start) continue;
    parts.push(partial.text.slice(at, start), piece.text.slice(start - piece.start, end - piece.start));
    spans.push({ start, end });
    at = end;
  }
  if (parts.length === 0) return partial;
  parts.push(partial.text.slice(at));
  return { text: parts.join(''), loaded: unionSpans(spans) };
}

/** The first stretch of [start, end) not yet loaded, at most `max` long; null when all of it is. */
export function missingIn(loaded: readonly Span[], start: number, end: number, max = TEXT_PIECE_UNITS): Span | null {
  let at = start;
  for (const span of loaded) {
    if (span.end <= at) continue;
    if (span.start > at) break;
    at = span.end;
  }
  if (at >= end) return null;
  const next = loaded.find((s) => s.start > at);
  return { start: at, end: Math.min(end, at + max, next ? next.start : end) };
}

/** The next stretch to load in the background: the first missing at or after `from`, else from the beginning. */
export function nextMissing(loaded: readonly Span[], length: number, from: number, max = TEXT_PIECE_UNITS): Span | null {
  return missingIn(loaded, Math.min(from, length), length, max) ?? missingIn(loaded, 0, length, max);
}
