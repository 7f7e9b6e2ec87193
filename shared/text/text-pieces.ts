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
/**
 * The first piece's length: a few screens, not a whole piece. What comes with the outline is
 * waited for before anything shows (1 MB transcript visible ≤ 150 ms, issue 16); the rest follows
 * a piece at a time while the reader is already on screen.
 */
export const FIRST_PIECE_UNITS = 32 * 1024;

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
  const span = pieceBounds(text, start, start + FIRST_PIECE_UNITS);
  return { start: span.start, text: text.slice(span.start, span.end) };
}

/**
 * A text of `length` units of which only the stretches in `loaded` are known, kept as the pieces
 * that arrived: never joined into one string as they come (a 20 MB line would be copied whole
 * for each piece, hundreds of milliseconds each on a busy machine).
 */
export interface PartialText {
  length: number;
  /** The pieces, in order, not overlapping. */
  pieces: readonly TextPiece[];
  loaded: Span[];
}

export function partialText(length: number, first: TextPiece): PartialText {
  return addPieces({ length, pieces: [], loaded: [] }, [first]);
}

/** The text with these pieces put in place (what is loaded already stays as it is). */
export function addPieces(partial: PartialText, pieces: readonly TextPiece[]): PartialText {
  const added: TextPiece[] = [];
  let loaded = partial.loaded;
  for (const piece of pieces) {
    const end = Math.min(partial.length, piece.start + piece.text.length);
    for (let gap = missingIn(loaded, piece.start, end, Infinity); gap; gap = missingIn(loaded, gap.end, end, Infinity)) {
      added.push({ start: gap.start, text: piece.text.slice(gap.start - piece.start, gap.end - piece.start) });
      loaded = unionSpans([...loaded, gap]);
    }
  }
  if (added.length === 0) return partial;
  return { length: partial.length, pieces: [...partial.pieces, ...added].sort((a, b) => a.start - b.start), loaded };
}

/** [start, end) of the text, spaces where it has not arrived (so every offset holds). */
export function sliceText(partial: PartialText, start: number, end: number): string {
  const s = Math.max(0, start);
  const e = Math.min(partial.length, end);
  if (e <= s) return '';
  const { pieces } = partial;
  // The last piece beginning at or before s.
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid]!.start <= s) lo = mid + 1;
    else hi = mid;
  }
  const parts: string[] = [];
  let at = s;
  for (let i = Math.max(0, lo - 1); i < pieces.length && at < e; i++) {
    const piece = pieces[i]!;
    const pieceEnd = piece.start + piece.text.length;
    if (pieceEnd <= at) continue;
    if (piece.start >= e) break;
    if (piece.start > at) parts.push(' '.repeat(piece.start - at));
    const from = Math.max(at, piece.start);
    const to = Math.min(e, pieceEnd);
    parts.push(piece.text.slice(from - piece.start, to - piece.start));
    at = to;
  }
  if (at < e) parts.push(' '.repeat(e - at));
  return parts.join('');
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
