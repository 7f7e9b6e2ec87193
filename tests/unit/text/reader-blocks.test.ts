import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockIndexAt, buildBlocks, itemsPerBlock } from '../../../shared/text/blocks';
import { cutPoint } from '../../../shared/text/cut-point';
import type { Turn } from '../../../shared/domain/schemas';

const transcript = 'Facilitator: Hello there.\n\nAmara: First line.\nSecond line of the same turn.\n\nTom:   Short.  \n';
const turns: Turn[] = [
  { start: 13, end: 25, speaker: 'Facilitator' },
  { start: 34, end: 76, speaker: 'Amara' },
  { start: 83, end: 94, speaker: 'Tom' },
];

describe('reader blocks', () => {
  it('shows each turn trimmed, at exact offsets into the text', () => {
    const blocks = buildBlocks(transcript, turns);
    expect(blocks.map((b) => [transcript.slice(b.start, b.end), b.speaker, b.continued])).toEqual([
      ['Hello there.', 'Facilitator', false],
      ['First line.\nSecond line of the same turn.', 'Amara', false],
      ['Short.', 'Tom', false],
    ]);
    expect(blocks.every((b) => b.inTurn)).toBe(true);
  });

  it("marks where each page of a PDF begins, on the first block of that page's turns", () => {
    const paged = turns.map((t, i) => ({ ...t, page: i === 0 ? 1 : 2 }));
    expect(buildBlocks(transcript, paged).map((b) => b.page)).toEqual([1, 2, undefined]);
    expect(buildBlocks(transcript, turns).some((b) => 'page' in b)).toBe(false);
  });

  it('splits a long turn at line breaks or sentence ends, each piece exact and the speaker only on the first', () => {
    const sentence = 'This is one sentence of a long answer. ';
    const text = `P1: ${sentence.repeat(200)}`;
    const blocks = buildBlocks(text, [{ start: 4, end: text.length, speaker: 'P1' }], 500);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks[0]!.speaker).toBe('P1');
    expect(blocks.slice(1).every((b) => b.speaker === null && b.continued)).toBe(true);
    expect(blocks.map((b) => b.continues)).toEqual(blocks.map((_, i) => i < blocks.length - 1));
    for (const b of blocks) {
      expect(b.end - b.start).toBeLessThanOrEqual(500);
      expect(text.slice(b.start, b.end)).toMatch(/^This is one sentence.*answer\.$/s);
    }
    // Nothing but white space is left out between pieces.
    for (let i = 1; i < blocks.length; i++) expect(text.slice(blocks[i - 1]!.end, blocks[i]!.start).trim()).toBe('');
  });

  it('never cuts a surrogate pair, even without spaces', () => {
    const text = '😀'.repeat(400);
    const cut = cutPoint(text, 0, 301);
    expect(cut % 2).toBe(0);
    const blocks = buildBlocks(text, [], 301);
    expect(blocks.map((b) => text.slice(b.start, b.end)).join('')).toBe(text);
  });

  it('covers every non-space character exactly once, whatever the text and block size', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', '😀'), maxLength: 600 }), fc.integer({ min: 20, max: 200 }), (text, max) => {
        const blocks = buildBlocks(text, [], max);
        let last = 0;
        let shown = '';
        for (const b of blocks) {
          expect(b.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(last, b.start).trim()).toBe('');
          shown += text.slice(b.start, b.end);
          last = b.end;
        }
        expect(text.slice(last).trim()).toBe('');
        expect(shown.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('finds the block of an offset, or the next one from white space between blocks', () => {
    const blocks = buildBlocks(transcript, turns);
    expect(blockIndexAt(blocks, 13)).toBe(0);
    expect(blockIndexAt(blocks, 24)).toBe(0);
    expect(blockIndexAt(blocks, 25)).toBe(1);
    expect(blockIndexAt(blocks, 30)).toBe(1);
    expect(blockIndexAt(blocks, 90)).toBe(2);
    expect(blockIndexAt(blocks, 500)).toBe(2);
    expect(blockIndexAt([], 3)).toBe(-1);
  });

  it('hands each block the codings overlapping it, a coding across turns to each', () => {
    const blocks = buildBlocks(transcript, turns);
    const a = { start: 20, end: 40 };
    const b = { start: 83, end: 89 };
    const c = { start: 26, end: 30 };
    expect(itemsPerBlock(blocks, [a, b, c])).toEqual([[a], [a], [b]]);
  });
});
