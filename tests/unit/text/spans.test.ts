import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complementSpans, coveredLength, intersectSpanLists, intersectSpans, layerSpans, spansOverlap, subtractSpanLists, trimSpan, unionSpans } from '../../../shared/text/spans';
import type { Span } from '../../../shared/text/spans';

const span = fc.tuple(fc.nat(200), fc.nat(60)).map(([start, len]): Span => ({ start, end: start + len + 1 }));
const covered = (spans: Span[]) => {
  const chars = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars.add(i);
  return chars;
};

describe('span maths', () => {
  it('counts a coder\'s overlapping codings once', () => {
    expect(unionSpans([{ start: 10, end: 20 }, { start: 15, end: 30 }, { start: 30, end: 35 }, { start: 50, end: 60 }])).toEqual([
      { start: 10, end: 35 },
      { start: 50, end: 60 },
    ]);
    expect(coveredLength([{ start: 0, end: 10 }, { start: 5, end: 10 }])).toBe(10);
  });

  it('treats touching spans as not overlapping', () => {
    expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(intersectSpans({ start: 0, end: 5 }, { start: 5, end: 9 })).toBeNull();
    expect(intersectSpans({ start: 0, end: 6 }, { start: 5, end: 9 })).toEqual({ start: 5, end: 6 });
  });

  it('trims white space from the ends of a selection', () => {
    expect(trimSpan('  hello world \n', { start: 0, end: 15 })).toEqual({ start: 2, end: 13 });
    expect(trimSpan('   ', { start: 0, end: 3 })).toBeNull();
  });

  it('union covers exactly the characters of its inputs, with disjoint sorted parts (property)', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 15 }), (spans) => {
        const union = unionSpans(spans);
        for (let i = 1; i < union.length; i++) if (union[i]!.start <= union[i - 1]!.end) return false;
        const a = covered(spans);
        const b = covered(union);
        return a.size === b.size && [...a].every((c) => b.has(c)) && coveredLength(spans) === a.size;
      }),
    );
  });

  it('union is order-independent and idempotent (property)', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 15 }), (spans) => {
        const once = unionSpans(spans);
        expect(unionSpans([...spans].reverse())).toEqual(once);
        expect(unionSpans(once)).toEqual(once);
      }),
    );
  });

  it('intersection is symmetric and lies inside both spans (property)', () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        const ab = intersectSpans(a, b);
        expect(ab).toEqual(intersectSpans(b, a));
        expect(ab !== null).toBe(spansOverlap(a, b));
        if (ab) expect(ab.start >= a.start && ab.end <= a.end && ab.start >= b.start && ab.end <= b.end).toBe(true);
      }),
    );
  });

  it('layers tile the range and each layer lists exactly the spans covering it (property)', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 10 }), (spans) => {
        const layers = layerSpans(spans, 0, 300);
        expect(layers[0]?.start).toBe(0);
        expect(layers.at(-1)?.end).toBe(300);
        for (let i = 1; i < layers.length; i++) expect(layers[i]!.start).toBe(layers[i - 1]!.end);
        for (const layer of layers) {
          const mid = layer.start;
          expect(layer.covering).toEqual(spans.filter((s) => s.start <= mid && mid < s.end));
        }
      }),
    );
  });

  it('intersects, subtracts and complements span lists character by character (property)', () => {
    const list = fc.array(span, { maxLength: 12 }).map(unionSpans);
    fc.assert(
      fc.property(list, list, (a, b) => {
        const ca = covered(a);
        const cb = covered(b);
        const both = intersectSpanLists(a, b);
        const onlyA = subtractSpanLists(a, b);
        const outside = complementSpans(a, 300);
        // Each result is in union form: it composes with the others.
        for (const result of [both, onlyA, outside]) expect(unionSpans(result)).toEqual(result);
        expect([...covered(both)].sort()).toEqual([...ca].filter((c) => cb.has(c)).sort());
        expect([...covered(onlyA)].sort()).toEqual([...ca].filter((c) => !cb.has(c)).sort());
        const rest = covered(outside);
        for (let c = 0; c < 300; c++) expect(rest.has(c)).toBe(!ca.has(c));
      }),
    );
    expect(complementSpans([], 0)).toEqual([]);
  });
});
