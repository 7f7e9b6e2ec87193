import type { Turn } from '../domain/schemas';
import type { Block } from './blocks';
import { buildBlocks } from './blocks';
import { countWords } from './segments';

/**
 * A document's outline: its blocks (shared/text/blocks.ts) without their text, so the reader can
 * lay out and window the whole document before more than a first stretch of text has arrived.
 * Blocks travel per turn or paragraph as [gap, length, breaks] triples (gap: from the previous
 * block's end), small numbers that keep a 100 MB one-line document's outline well under 1 MB.
 */
export interface OutlineSegment {
  /** The speaker of a turn; null for a paragraph. */
  speaker: string | null;
  /** The PDF page that begins with this turn. */
  page?: number;
  /** [gap, length, line breaks] per block of the turn or paragraph. */
  blocks: number[];
}

export interface TextOutline {
  /** The text's length in UTF-16 code units (the unit of every offset). */
  length: number;
  words: number;
  /** True when the document has speaker turns (the reader's turn layout). */
  inTurn: boolean;
  segments: OutlineSegment[];
}

export function outlineOf(text: string, turns: readonly Turn[]): TextOutline {
  const segments: OutlineSegment[] = [];
  let end = 0;
  for (const block of buildBlocks(text, turns)) {
    if (!block.continued) segments.push({ speaker: block.speaker, ...(block.page !== undefined && { page: block.page }), blocks: [] });
    segments[segments.length - 1]!.blocks.push(block.start - end, block.end - block.start, block.breaks);
    end = block.end;
  }
  return { length: text.length, words: countWords(text), inTurn: turns.length > 0, segments };
}

/** The blocks an outline describes, at the same offsets buildBlocks gave them. */
export function outlineBlocks(outline: Pick<TextOutline, 'inTurn' | 'segments'>): Block[] {
  const out: Block[] = [];
  let end = 0;
  outline.segments.forEach((segment, s) => {
    const n = Math.floor(segment.blocks.length / 3);
    for (let p = 0; p < n; p++) {
      const start = end + segment.blocks[3 * p]!;
      end = start + segment.blocks[3 * p + 1]!;
      out.push({
        key: `${s}.${p}`,
        start,
        end,
        speaker: p === 0 ? segment.speaker : null,
        continued: p > 0,
        continues: p < n - 1,
        inTurn: outline.inTurn,
        breaks: segment.blocks[3 * p + 2]!,
        ...(p === 0 && segment.page !== undefined && { page: segment.page }),
      });
    }
  });
  return out;
}
