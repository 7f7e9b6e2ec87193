import type { Turn } from '../domain/schemas';
import type { Block } from './blocks';
import { buildBlocks } from './blocks';
import { countWords } from './segments';

/**
 * A document's outline: its blocks (shared/text/blocks.ts) without their text, so the reader can
 * lay out and window the whole document before more than a first stretch of text has arrived.
 * It travels as small numbers only, per turn or paragraph: the outline of a 1 MB transcript of
 * 4,500 turns is 0.07 MB of JSON (0.2 MB with a speaker's name and field names per turn: the
 * page waited on parsing it before the text showed, issue 16), and a 100 MB one-line document's
 * stays well under 1 MB.
 */

/**
 * One turn or paragraph: [speaker, page, then gap, length, line breaks per block]. speaker: the
 * index of its name in `speakers`, −1 for a paragraph; page: the PDF page that begins with this
 * turn, 0 for none; gap: from the previous block's end.
 */
export type OutlineSegment = number[];

export interface TextOutline {
  /** The text's length in UTF-16 code units (the unit of every offset). */
  length: number;
  words: number;
  /** True when the document has speaker turns (the reader's turn layout). */
  inTurn: boolean;
  /** Each speaker's name once, in order of first turn. */
  speakers: string[];
  segments: OutlineSegment[];
}

/** Where a segment's blocks begin: after its speaker and page. */
const HEAD = 2;

export function outlineOf(text: string, turns: readonly Turn[]): TextOutline {
  const speakers = new Map<string, number>();
  const segments: OutlineSegment[] = [];
  let end = 0;
  for (const block of buildBlocks(text, turns)) {
    if (!block.continued) {
      let speaker = -1;
      if (block.speaker !== null) {
        speaker = speakers.get(block.speaker) ?? speakers.size;
        speakers.set(block.speaker, speaker);
      }
      segments.push([speaker, block.page ?? 0]);
    }
    segments[segments.length - 1]!.push(block.start - end, block.end - block.start, block.breaks);
    end = block.end;
  }
  return { length: text.length, words: countWords(text), inTurn: turns.length > 0, speakers: [...speakers.keys()], segments };
}

/** The blocks an outline describes, at the same offsets buildBlocks gave them. */
export function outlineBlocks(outline: Pick<TextOutline, 'inTurn' | 'speakers' | 'segments'>): Block[] {
  const out: Block[] = [];
  let end = 0;
  outline.segments.forEach((segment, s) => {
    const speaker = segment[0]! >= 0 ? outline.speakers[segment[0]!]! : null;
    const page = segment[1]!;
    const n = Math.floor((segment.length - HEAD) / 3);
    for (let p = 0; p < n; p++) {
      const at = HEAD + 3 * p;
      const start = end + segment[at]!;
      end = start + segment[at + 1]!;
      out.push({
        key: `${s}.${p}`,
        start,
        end,
        speaker: p === 0 ? speaker : null,
        continued: p > 0,
        continues: p < n - 1,
        inTurn: outline.inTurn,
        breaks: segment[at + 2]!,
        ...(p === 0 && page > 0 && { page }),
      });
    }
  });
  return out;
}
