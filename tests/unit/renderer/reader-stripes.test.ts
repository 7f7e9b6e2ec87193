import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaintCoding } from '../../../renderer/src/features/reader/paint';
import { MIN_STRIPE_HEIGHT, STRIPE_GAP, buildStripes, initials, labelLength, layoutStripes } from '../../../renderer/src/features/reader/stripes';
import type { Stripe } from '../../../renderer/src/features/reader/stripes';

const coding = (id: string, codeId: string, start: number, end: number, coderId = 'me'): PaintCoding => ({ id, codeId, coderId, start, end });
/** One pixel per character: extents are the offsets themselves. */
const linear = { extent: (s: Stripe) => ({ top: s.start, bottom: s.end }), labelLength: () => 0 };

describe('coding stripes', () => {
  it('merges overlapping or touching codings at one code into one stripe, per coder when asked', () => {
    const codings = [coding('1', 'a', 0, 10), coding('2', 'a', 5, 20), coding('3', 'a', 20, 25), coding('4', 'a', 40, 50), coding('5', 'a', 2, 8, 'you'), coding('6', 'b', 0, 5)];
    const merged = buildStripes(codings, false);
    expect(merged.map((s) => [s.codeId, s.start, s.end, s.codingIds])).toEqual([
      ['a', 0, 25, ['1', '5', '2', '3']],
      ['b', 0, 5, ['6']],
      ['a', 40, 50, ['4']],
    ]);
    const perCoder = buildStripes(codings, true);
    expect(perCoder.map((s) => [s.codeId, s.coderId, s.start, s.end])).toEqual([
      ['a', 'me', 0, 25],
      ['b', 'me', 0, 5],
      ['a', 'you', 2, 8],
      ['a', 'me', 40, 50],
    ]);
    expect(new Set(perCoder.map((s) => s.key)).size).toBe(perCoder.length);
  });

  it('packs stripes into lanes: overlapping ones side by side, later ones reuse a free lane', () => {
    const stripes = buildStripes([coding('1', 'a', 0, 100), coding('2', 'b', 50, 150), coding('3', 'c', 120, 200), coding('4', 'd', 300, 320)], false);
    const { boxes, lanes } = layoutStripes(stripes, linear);
    const lane = Object.fromEntries(boxes.map((b) => [b.codeId, b.lane]));
    expect(lanes).toBe(2);
    expect(lane).toEqual({ a: 0, b: 1, c: 0, d: 0 });
  });

  it('holds a lane for the whole label, so a short passage’s label never runs into the next stripe', () => {
    const stripes = buildStripes([coding('1', 'a', 0, 10), coding('2', 'b', 40, 60)], false);
    const { boxes } = layoutStripes(stripes, { ...linear, labelLength: () => 80 });
    expect(boxes.map((b) => b.lane)).toEqual([0, 1]);
    expect(boxes[0]!.height).toBe(MIN_STRIPE_HEIGHT);
  });

  it('never puts two stripes (with their labels and a gap) in one lane where they would touch', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2000), fc.integer({ min: 1, max: 300 }), fc.constantFrom('a', 'b', 'c', 'd')), { maxLength: 60 }), (raw) => {
        const codings = raw.map(([start, len, code], i) => coding(String(i), code, start, start + len));
        const label = (s: Stripe) => labelLength(s.codeId.length * 7);
        const { boxes, lanes } = layoutStripes(buildStripes(codings, false), { ...linear, labelLength: label });
        for (const x of boxes) {
          expect(x.lane).toBeLessThan(lanes);
          for (const y of boxes) {
            if (x === y || x.lane !== y.lane || y.top < x.top) continue;
            expect(y.top).toBeGreaterThanOrEqual(x.top + Math.max(x.height, label(x)) + STRIPE_GAP);
          }
        }
      }),
    );
  });

  it('labels coders by their initials', () => {
    expect(initials('Amara Okafor')).toBe('AO');
    expect(initials('  tom   de la reilly ')).toBe('TR');
    expect(initials('Cher')).toBe('CH');
    expect(initials('')).toBe('?');
  });
});
