import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../../shared/text/blocks';
import { outlineBlocks, outlineOf } from '../../../shared/text/outline';
import { FIRST_PIECE_UNITS, TEXT_PIECE_UNITS, addPieces, firstPiece, missingIn, nextMissing, partialText, pieceBounds, sliceText } from '../../../shared/text/text-pieces';
import type { Turn } from '../../../shared/domain/schemas';

const transcript = 'Facilitator: Hello 😀 there.\n\nAmara: First line.\nSecond line.\n\nTom:   Short.  \n';
const turns: Turn[] = [
  { start: 13, end: 28, speaker: 'Facilitator', page: 1 },
  { start: 37, end: 62, speaker: 'Amara', page: 2 },
  { start: 69, end: 80, speaker: 'Tom' },
];

describe('text pieces (UTF-16 offsets, as every coding)', () => {
  it('never cuts a surrogate pair: an end inside one moves back, a start inside one moves back', () => {
    const emoji = transcript.indexOf('😀');
    expect(pieceBounds(transcript, 0, emoji + 1)).toEqual({ start: 0, end: emoji });
    expect(pieceBounds(transcript, emoji + 1, 40)).toEqual({ start: emoji, end: 40 });
    // A piece that would be only half a pair takes the whole pair.
    expect(pieceBounds(transcript, emoji, emoji + 1)).toEqual({ start: emoji, end: emoji + 2 });
    expect(transcript.slice(emoji, emoji + 2)).toBe('😀');
  });

  it('clamps to the text and to one reply', () => {
    expect(pieceBounds('abc', -5, 99)).toEqual({ start: 0, end: 3 });
    expect(pieceBounds('abc', 2, 1)).toEqual({ start: 2, end: 2 });
    expect(pieceBounds('x'.repeat(TEXT_PIECE_UNITS * 2), 10, TEXT_PIECE_UNITS * 2)).toEqual({ start: 10, end: 10 + TEXT_PIECE_UNITS });
  });

  it('puts pieces back at their offsets, whatever the order they arrive in (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(fc.tuple(fc.nat(400), fc.nat(60)), { maxLength: 12 }), (text, asks) => {
        let partial = partialText(text.length, firstPiece(text, 0));
        const pieces = asks.map(([at, len]) => {
          const span = pieceBounds(text, at, at + len, 40);
          return { start: span.start, text: text.slice(span.start, span.end) };
        });
        // Put in together (overlapping ones too), or one at a time.
        partial = addPieces(partial, pieces.slice(0, 6));
        for (const piece of pieces.slice(6)) partial = addPieces(partial, [piece]);
        for (const span of partial.loaded) expect(sliceText(partial, span.start, span.end)).toBe(text.slice(span.start, span.end));
        const whole = sliceText(partial, 0, text.length);
        expect(whole.length).toBe(text.length);
        // What has not arrived reads as spaces, so every offset after it holds.
        for (let i = 0; i < text.length; i++) if (whole[i] !== text[i]) expect(whole[i]).toBe(' ');
        // Asking for what is missing, piece by piece, loads it all.
        for (let gap = nextMissing(partial.loaded, text.length, 0, 7); gap; gap = nextMissing(partial.loaded, text.length, gap.end, 7)) {
          const span = pieceBounds(text, gap.start, gap.end, 7);
          partial = addPieces(partial, [{ start: span.start, text: text.slice(span.start, span.end) }]);
        }
        expect(sliceText(partial, 0, text.length)).toBe(text);
        expect(sliceText(partial, 3, 17)).toBe(text.slice(3, 17));
      }),
    );
  });

  it('finds what is missing in a range, first from where it is asked, then from the beginning', () => {
    const loaded = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    expect(missingIn(loaded, 0, 10)).toBeNull();
    expect(missingIn(loaded, 5, 25)).toEqual({ start: 10, end: 20 });
    expect(missingIn(loaded, 25, 50, 8)).toEqual({ start: 30, end: 38 });
    expect(nextMissing(loaded, 30, 25)).toEqual({ start: 10, end: 20 });
    expect(nextMissing([{ start: 0, end: 30 }], 30, 12)).toBeNull();
  });

  it('starts the first piece a little before the passage the reader goes to', () => {
    const text = 'x'.repeat(TEXT_PIECE_UNITS * 3);
    const first = firstPiece(text, TEXT_PIECE_UNITS * 2);
    expect(first.start).toBeLessThan(TEXT_PIECE_UNITS * 2);
    expect(first.start + first.text.length).toBeGreaterThan(TEXT_PIECE_UNITS * 2);
    expect(first.text.length).toBe(FIRST_PIECE_UNITS);
  });
});

describe('document outline', () => {
  it('gives back the blocks buildBlocks makes, at the same offsets, without the text', () => {
    const blocks = buildBlocks(transcript, turns);
    const outline = JSON.parse(JSON.stringify(outlineOf(transcript, turns))) as ReturnType<typeof outlineOf>;
    expect(outlineBlocks(outline).map(({ key: _key, ...b }) => b)).toEqual(blocks.map(({ key: _key, ...b }) => b));
    expect(outline).toMatchObject({ length: transcript.length, words: 11, inTurn: true });
    expect(outlineBlocks(outline).map((b) => transcript.slice(b.start, b.end))).toEqual(['Hello 😀 there.', 'First line.\nSecond line.', 'Short.']);
    expect(outlineBlocks(outline).map((b) => b.breaks)).toEqual([0, 1, 0]);
  });

  it('names each speaker once, however many turns they take', () => {
    const talk = 'A: one.\nB: two.\nA: three.\nB: four.\n';
    const talkTurns: Turn[] = [0, 8, 16, 26].map((start, i) => ({ start: start + 3, end: talk.indexOf('\n', start), speaker: i % 2 ? 'B' : 'A' }));
    const outline = outlineOf(talk, talkTurns);
    expect(outline.speakers).toEqual(['A', 'B']);
    expect(outlineBlocks(outline).map((b) => [b.speaker, talk.slice(b.start, b.end)])).toEqual([['A', 'one.'], ['B', 'two.'], ['A', 'three.'], ['B', 'four.']]);
  });

  it('keeps a long one-line document small: a few numbers per block', () => {
    const line = 'I waited months for a referral and nobody called me back about it. '.repeat(30_000);
    const outline = outlineOf(line, []);
    const blocks = outlineBlocks(outline);
    expect(blocks.length).toBeGreaterThan(1000);
    expect(blocks.every((b, i) => i === 0 || b.continued)).toBe(true);
    expect(blocks[blocks.length - 1]!.end).toBe(line.trimEnd().length);
    expect(JSON.stringify(outline).length / blocks.length).toBeLessThan(16);
  });
});
