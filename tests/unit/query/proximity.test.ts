import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterWindow, followedBySpans, nearSpans, unitWindow } from '../../../shared/query/proximity';
import type { Span } from '../../../shared/text/spans';
import { unionSpans } from '../../../shared/text/spans';

const list = fc.array(fc.tuple(fc.nat(300), fc.integer({ min: 1, max: 30 })).map(([start, len]): Span => ({ start, end: start + len })), { maxLength: 10 }).map(unionSpans);
const gap = (a: Span, b: Span) => Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));

describe('NEAR and FOLLOWED BY against every pair (property)', () => {
  it('NEAR(n) covers exactly the pairs within n characters, from first start to last end', () => {
    fc.assert(
      fc.property(list, list, fc.nat(40), (a, b, n) => {
        const pairs = a.flatMap((x) => b.filter((y) => gap(x, y) <= n).map((y) => ({ start: Math.min(x.start, y.start), end: Math.max(x.end, y.end) })));
        expect(nearSpans(a, b, characterWindow(n))).toEqual(unionSpans(pairs));
      }),
    );
  });

  it('NEAR(unit) covers exactly the pairs overlapping one unit', () => {
    const units: Span[] = [{ start: 0, end: 40 }, { start: 45, end: 120 }, { start: 121, end: 200 }, { start: 230, end: 330 }];
    const share = (x: Span, y: Span) => units.some((u) => x.start < u.end && u.start < x.end && y.start < u.end && u.start < y.end);
    fc.assert(
      fc.property(list, list, (a, b) => {
        const pairs = a.flatMap((x) => b.filter((y) => share(x, y)).map((y) => ({ start: Math.min(x.start, y.start), end: Math.max(x.end, y.end) })));
        expect(nearSpans(a, b, unitWindow(units))).toEqual(unionSpans(pairs));
      }),
    );
  });

  it('FOLLOWED BY pairs each passage with the next one starting at or after its end', () => {
    fc.assert(
      fc.property(list, list, fc.option(fc.nat(40)), (a, b, n) => {
        const pairs = a.flatMap((x) => {
          const next = b.find((y) => y.start >= x.end);
          return next && (n === null || next.start - x.end <= n) ? [{ start: x.start, end: next.end }] : [];
        });
        expect(followedBySpans(a, b, n === null ? null : characterWindow(n))).toEqual(unionSpans(pairs));
      }),
    );
  });
});
