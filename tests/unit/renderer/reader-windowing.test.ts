import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/text/blocks';
import {
  BLOCK_PAD_BOTTOM,
  BLOCK_PAD_TOP,
  LINE_HEIGHT,
  TURN_GAP,
  estimateBlockHeight,
  estimateLines,
  lineTop,
  mapScrollTop,
  rangeCovers,
} from '../../../renderer/src/features/reader/windowing';
import { indexAtY, pinRange, prefixOffsets, windowRange } from '../../../renderer/src/lib/windowMath';

const block = (start: number, end: number, continued = false, continues = false): Block => ({
  key: `${start}`,
  start,
  end,
  speaker: null,
  continued,
  continues,
  inTurn: true,
  breaks: 0,
});

describe('windowing maths', () => {
  it("estimates wrapped lines from a block's length and line breaks alone", () => {
    // 150 + 10 characters on lines of 70, with two line breaks (a blank line between).
    expect(estimateLines(162, 2, 70)).toBe(3 + 2);
    expect(estimateLines(0, 0, 70)).toBe(1);
    expect(estimateBlockHeight(block(0, 140), 70)).toBe(BLOCK_PAD_TOP + BLOCK_PAD_BOTTOM + TURN_GAP + 2 * LINE_HEIGHT);
    // A piece of a split turn: no padding where it joins the piece before or after.
    expect(estimateBlockHeight(block(0, 140, true), 70)).toBe(BLOCK_PAD_BOTTOM + 2 * LINE_HEIGHT);
    expect(estimateBlockHeight(block(0, 140, false, true), 70)).toBe(BLOCK_PAD_TOP + TURN_GAP + 2 * LINE_HEIGHT);
    expect(estimateBlockHeight(block(0, 140, true, true), 70)).toBe(2 * LINE_HEIGHT);
  });

  it('sums heights into offsets and finds the block at a height', () => {
    const offsets = prefixOffsets([100, 50, 200]);
    expect([...offsets]).toEqual([0, 100, 150, 350]);
    expect(indexAtY(offsets, -5)).toBe(0);
    expect(indexAtY(offsets, 0)).toBe(0);
    expect(indexAtY(offsets, 99.9)).toBe(0);
    expect(indexAtY(offsets, 100)).toBe(1);
    expect(indexAtY(offsets, 349)).toBe(2);
    expect(indexAtY(offsets, 9999)).toBe(2);
  });

  it('renders the blocks in view plus the overscan, and nothing for an empty document', () => {
    const offsets = prefixOffsets(Array.from({ length: 1000 }, () => 40));
    expect(windowRange(offsets, 4000, 800, 0)).toEqual({ first: 100, last: 120 });
    expect(windowRange(offsets, 4000, 800, 400)).toEqual({ first: 90, last: 130 });
    expect(windowRange(offsets, 0, 800, 400)).toEqual({ first: 0, last: 30 });
    expect(windowRange(offsets, 39_900, 800, 400)).toEqual({ first: 987, last: 999 });
    expect(windowRange(prefixOffsets([]), 0, 800, 400)).toEqual({ first: 0, last: -1 });
  });

  it('the window always holds every block that intersects the viewport', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }),
        fc.nat(100_000),
        fc.integer({ min: 1, max: 2000 }),
        (heights, rawTop, viewport) => {
          const offsets = prefixOffsets(heights);
          const total = offsets[heights.length]!;
          const top = rawTop % (total + 1);
          const { first, last } = windowRange(offsets, top, viewport, 0);
          heights.forEach((_, i) => {
            const visible = offsets[i + 1]! > top && offsets[i]! < top + viewport;
            if (visible) {
              expect(i).toBeGreaterThanOrEqual(first);
              expect(i).toBeLessThanOrEqual(last);
            }
          });
        },
      ),
    );
  });

  it('keeps pinned blocks (the selection) rendered, unless that would render too many', () => {
    expect(pinRange({ first: 100, last: 120 }, [90, -1, 125], 100)).toEqual({ first: 90, last: 125 });
    expect(pinRange({ first: 100, last: 120 }, [5000], 100)).toEqual({ first: 100, last: 120 });
    expect(rangeCovers({ first: 10, last: 20 }, { first: 12, last: 20 })).toBe(true);
    expect(rangeCovers({ first: 10, last: 20 }, { first: 9, last: 20 })).toBe(false);
  });

  it('places a character on its interpolated line inside its block', () => {
    const blocks = [block(0, 100), block(100, 400, true)];
    // Block 0: one line; block 1: four lines.
    const offsets = prefixOffsets([BLOCK_PAD_TOP + BLOCK_PAD_BOTTOM + TURN_GAP + LINE_HEIGHT, BLOCK_PAD_BOTTOM + 4 * LINE_HEIGHT]);
    expect(lineTop(blocks, offsets, 0, 50)).toBe(TURN_GAP + BLOCK_PAD_TOP);
    const second = offsets[1]!;
    expect(lineTop(blocks, offsets, 1, 100)).toBe(second);
    expect(lineTop(blocks, offsets, 1, 399)).toBe(second + 3 * LINE_HEIGHT);
    expect(lineTop(blocks, offsets, 1, 250)).toBe(second + 2 * LINE_HEIGHT);
  });

  it('maps a scroll position between estimated and measured offsets, keeping the block and the fraction of it', () => {
    const estimated = prefixOffsets([100, 100, 100, 100]);
    const measured = prefixOffsets([80, 200, 50, 100]);
    // 20 px of page padding above the column; 50% into the second block.
    expect(mapScrollTop(170, estimated, measured, 20)).toBe(20 + 80 + 100);
    expect(mapScrollTop(20 + 80 + 100, measured, estimated, 20)).toBe(170);
    expect(mapScrollTop(10, estimated, measured, 20)).toBe(10);
    expect(mapScrollTop(9999, estimated, measured, 20)).toBe(20 + 430);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 50 }), fc.nat(30_000), (pairs, raw) => {
        const a = prefixOffsets(pairs.map((p) => p[0]));
        const b = prefixOffsets(pairs.map((p) => p[1]));
        const top = raw % (a[pairs.length]! + 1);
        expect(mapScrollTop(mapScrollTop(top, a, b, 0), b, a, 0)).toBeCloseTo(top, 6);
      }),
    );
  });
});
