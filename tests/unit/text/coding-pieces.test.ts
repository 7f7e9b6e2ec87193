import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedCodings, heldCodings, refreshRanges, uncoveredIn, withCodings } from '../../../shared/text/coding-pieces';
import type { HeldCodings } from '../../../shared/text/coding-pieces';

const coding = (id: string, start: number, end: number, codeId = 'c1') => ({ id, start, end, codeId });

describe('codings held a stretch at a time', () => {
  it('holds a coding that arrived with two stretches once, the later copy winning', () => {
    let held = heldCodings(3, ['me'], { start: 0, end: 100 }, [coding('a', 10, 20), coding('across', 90, 130)]);
    held = withCodings(held, { start: 100, end: 200 }, [coding('across', 90, 130, 'c2'), coding('b', 150, 160)]);
    expect(held.list).toEqual([coding('a', 10, 20), coding('across', 90, 130, 'c2'), coding('b', 150, 160)]);
    expect(held.covered).toEqual([{ start: 0, end: 200 }]);
    expect(held).toMatchObject({ revision: 3, coderIds: ['me'] });
  });

  it('asks next for the text that has arrived without its codings, a piece at most', () => {
    const covered = [{ start: 0, end: 100 }];
    expect(uncoveredIn(covered, [{ start: 0, end: 100 }])).toBeNull();
    expect(uncoveredIn(covered, [{ start: 0, end: 1000 }], 300)).toEqual({ start: 100, end: 400 });
    // Text loaded further on (a passage opened from elsewhere) is covered in its turn.
    expect(uncoveredIn(covered, [{ start: 0, end: 100 }, { start: 500, end: 600 }])).toEqual({ start: 500, end: 600 });
  });

  it('refreshes what it holds in ranges of at most a piece', () => {
    expect(refreshRanges([{ start: 0, end: 250 }, { start: 400, end: 450 }], 100)).toEqual([
      { start: 0, end: 100 },
      { start: 100, end: 200 },
      { start: 200, end: 250 },
      { start: 400, end: 450 },
    ]);
    expect(refreshRanges([])).toEqual([]);
  });

  it('a densely coded text comes in replies of at most `max` codings, every coding held once in the end', () => {
    // Starts often shared (and on a piece's start), where a cut is hardest.
    const codingArb = fc.tuple(fc.oneof(fc.nat(999), fc.constantFrom(0, 9, 50, 100, 400)), fc.integer({ min: 1, max: 120 })).map(([start, length]) => ({ start, end: Math.min(1000, start + length) }));
    fc.assert(
      fc.property(fc.array(codingArb, { maxLength: 150 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 50, max: 400 }), (spans, max, piece) => {
        const codings = spans.map((s, i) => ({ ...s, id: `c${i}` }));
        let held: HeldCodings<(typeof codings)[number]> = { revision: 0, coderIds: [], covered: [], list: [] };
        const loaded = [{ start: 0, end: 1000 }];
        for (let range = uncoveredIn(held.covered, loaded, piece), n = 0; range; range = uncoveredIn(held.covered, loaded, piece), n++) {
          expect(n).toBeLessThan(2000);
          const overlapping = codings.filter((c) => c.start < range!.end && c.end > range!.start);
          const reply = boundedCodings(overlapping, range, max);
          // Past `max` only by codings it cannot tell apart: starting with its last one, or at or before the range's start.
          const last = Math.max(...reply.map((c) => c.start));
          expect(reply.filter((c) => c.start > range!.start && c.start < last).length).toBeLessThan(Math.max(max, 1));
          held = withCodings(held, range, reply, max);
        }
        expect(held.list.map((c) => c.id).sort()).toEqual(codings.map((c) => c.id).sort());
      }),
      { numRuns: 500 },
    );
  });
});
