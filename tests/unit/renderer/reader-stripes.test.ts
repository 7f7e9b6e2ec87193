import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaintCoding } from '../../../renderer/src/features/reader/paint';
import {
  BAR_GAP,
  BAR_WIDTH,
  COLUMN_GAP,
  LABEL_HEIGHT,
  MIN_STRIPE_HEIGHT,
  NO_STRIPE_FILTER,
  buildStripes,
  filterStripes,
  placeLabels,
  placeStripe,
  stripeColumns,
} from '../../../renderer/src/features/reader/stripes';
import type { StripeFilter } from '../../../renderer/src/features/reader/stripes';

const coding = (id: string, codeId: string, start: number, end: number, coderId = 'me'): PaintCoding => ({ id, codeId, coderId, start, end });

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

  it('gives each code a column, in codebook order, with a bar slot per coder shown', () => {
    const stripes = buildStripes([coding('1', 'b', 0, 10), coding('2', 'a', 5, 20, 'you'), coding('3', 'a', 0, 8)], true);
    const cols = stripeColumns(stripes, ['a', 'b', 'c'], ['me', 'you']);
    expect(cols.codeIds).toEqual(['a', 'b']);
    expect(cols.slots).toEqual(['me', 'you']);
    expect(cols.columnWidth).toBe(2 * (BAR_WIDTH + BAR_GAP) - BAR_GAP + COLUMN_GAP);
    expect(cols.width).toBe(2 * cols.columnWidth);
    const boxes = stripes.map((s) => placeStripe(cols, s, { top: s.start, bottom: s.end })!);
    const at = (codeId: string, coderId: string) => boxes.find((b) => b.codeId === codeId && b.coderId === coderId)!;
    // Two coders at one code stand side by side in its column, told apart by pattern.
    expect(at('a', 'me').left).toBe(0);
    expect(at('a', 'you').left).toBe(BAR_WIDTH + BAR_GAP);
    expect([at('a', 'me').pattern, at('a', 'you').pattern]).toEqual([0, 1]);
    expect(at('b', 'me').left).toBe(cols.columnWidth);
    // Coders merged: one slot, one solid bar per code.
    const merged = stripeColumns(buildStripes([coding('1', 'a', 0, 10)], false), ['a'], []);
    expect(merged.slots).toEqual([null]);
    expect(placeStripe(merged, buildStripes([coding('1', 'a', 0, 10)], false)[0]!, { top: 0, bottom: 5 })).toMatchObject({ left: 0, pattern: 0, height: MIN_STRIPE_HEIGHT });
  });

  it('filters stripes by coder and by code; nothing chosen shows all', () => {
    const stripes = buildStripes([coding('1', 'a', 0, 10), coding('2', 'a', 0, 10, 'you'), coding('3', 'b', 20, 30, 'you')], true);
    const keys = (f: StripeFilter) => filterStripes(stripes, f).map((s) => `${s.codeId}/${s.coderId}`);
    expect(keys(NO_STRIPE_FILTER)).toEqual(['a/me', 'a/you', 'b/you']);
    expect(keys({ coderIds: ['you'], codeIds: [] })).toEqual(['a/you', 'b/you']);
    expect(keys({ coderIds: [], codeIds: ['b'] })).toEqual(['b/you']);
    expect(keys({ coderIds: ['me'], codeIds: ['b'] })).toEqual([]);
  });

  it('places one code name per run of its bars, pushed below the name above, never overlapping', () => {
    const stripes = buildStripes([coding('1', 'a', 0, 100), coding('2', 'a', 10, 50, 'you'), coding('3', 'b', 5, 200), coding('4', 'c', 8, 12), coding('6', 'd', 9, 12), coding('5', 'a', 300, 320)], true);
    const cols = stripeColumns(stripes, ['a', 'b', 'c', 'd'], ['me', 'you']);
    const boxes = stripes.map((s) => placeStripe(cols, s, { top: s.start, bottom: s.end })!);
    const labels = placeLabels(boxes);
    expect(labels.map((l) => [l.codeId, l.top])).toEqual([
      ['a', 0],
      ['b', LABEL_HEIGHT],
      ['c', 2 * LABEL_HEIGHT],
      // d's passage is short and its name would stand three lines below it: its bar alone names it.
      ['a', 300],
    ]);
    expect(labels[0]!.codingIds.sort()).toEqual(['1', '2']);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2000), fc.integer({ min: 1, max: 300 }), fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('me', 'you')), { maxLength: 60 }), (raw) => {
        const codings = raw.map(([start, len, code, coder], i) => coding(String(i), code, start, start + len, coder));
        const st = buildStripes(codings, true);
        const c = stripeColumns(st, ['a', 'b', 'c', 'd'], ['me', 'you']);
        const placed = placeLabels(st.map((s) => placeStripe(c, s, { top: s.start, bottom: s.end })!));
        for (let i = 1; i < placed.length; i++) expect(placed[i]!.top).toBeGreaterThanOrEqual(placed[i - 1]!.top + LABEL_HEIGHT);
        for (const l of placed) expect(l.top).toBeGreaterThanOrEqual(l.start);
      }),
    );
  });
});
