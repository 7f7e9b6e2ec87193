import type { Turn } from '../domain/schemas';
import { cutPoint, isSpace } from './cut-point';
import { buildSegments } from './segments';
import { firstWhere } from './spans';

/**
 * The unit the reader renders and windows: a speaker turn, a paragraph, or a piece of a long
 * one. `start`/`end` are UTF-16 offsets into the document text, trimmed of white space, so
 * the text shown is exactly `text.slice(start, end)` and codings can be placed on it.
 */
export interface Block {
  key: string;
  start: number;
  end: number;
  /** The speaker, on the first block of a turn only. */
  speaker: string | null;
  /** True for the second and later pieces of a turn or paragraph that was split. */
  continued: boolean;
  /** True when the next block continues this one (it was split): no gap below it. */
  continues: boolean;
  /** Whether the document has speaker turns (the block sits in the turn layout). */
  inTurn: boolean;
  /** The PDF page that begins with this block, marked above it. */
  page?: number;
  /** Line breaks inside the block: with its length, all a height estimate needs (no text). */
  breaks: number;
}

/** Blocks longer than this (UTF-16 units) are split, so no single element is huge to lay out. */
export const MAX_BLOCK_CHARS = 1600;

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/**
 * Counts the line breaks in stretches of the text: they are found once, by indexOf over the whole
 * text (native: a loop over every character was a quarter of a 1 MB transcript's outline), and a
 * stretch's are counted by two binary searches, whatever its length.
 */
function lineBreakCounter(text: string): (start: number, end: number) => number {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks.push(at);
  const from = (offset: number) => firstWhere(breaks.length, (i) => breaks[i]! >= offset);
  return (start, end) => from(end) - from(start);
}

/** The document as blocks: its turns (or paragraphs), long ones split into pieces of at most `maxChars`. */
export function buildBlocks(text: string, turns: readonly Turn[], maxChars = MAX_BLOCK_CHARS): Block[] {
  const inTurn = turns.length > 0;
  const out: Block[] = [];
  const lineBreaks = lineBreakCounter(text);
  let page: number | undefined;
  for (const segment of buildSegments(text, turns)) {
    const newPage = segment.page !== undefined && segment.page !== page ? segment.page : undefined;
    page = segment.page ?? page;
    let from = segment.start;
    let piece = 0;
    while (from < segment.end || (piece === 0 && from === segment.end)) {
      const end = segment.end - from > maxChars ? cutPoint(text, from, from + maxChars) : segment.end;
      const [s, e] = trimmed(text, from, end);
      if (s < e || piece === 0) {
        out.push({
          key: `${segment.key}.${piece}`,
          start: s,
          end: e,
          speaker: piece === 0 ? segment.speaker : null,
          continued: piece > 0,
          continues: false,
          inTurn,
          breaks: lineBreaks(s, e),
          ...(piece === 0 && newPage !== undefined && { page: newPage }),
        });
        if (piece > 0) out[out.length - 2]!.continues = true;
        piece++;
      }
      if (end <= from) break;
      from = end;
    }
  }
  return out;
}

/** The index of the block holding `offset`, or of the first block after it (offset in white space between blocks). */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items overlapping each block, in the order given (an item spanning blocks is in each). */
export function itemsPerBlock<T extends { start: number; end: number }>(blocks: readonly Block[], items: readonly T[]): T[][] {
  const out: T[][] = blocks.map(() => []);
  for (const item of items) {
    for (let i = Math.max(0, blockIndexAt(blocks, item.start)); i < blocks.length && blocks[i]!.start < item.end; i++) {
      if (blocks[i]!.end > item.start) out[i]!.push(item);
    }
  }
  return out;
}
