import { describe, expect, it } from 'vitest';
import { allRows, extendTo, isSelected, selectedCount, singleRow, toggleRow } from '../../../renderer/src/features/documents/listSelection';

describe('the Documents list selection (row ranges)', () => {
  it('extends a run from its anchor either way, replacing what was selected', () => {
    const run = extendTo(singleRow(5), 9);
    expect(run).toEqual({ focus: 9, anchor: 5, ranges: [[5, 9]] });
    expect(extendTo(run, 2)).toEqual({ focus: 2, anchor: 5, ranges: [[2, 5]] });
    expect(selectedCount(extendTo(run, 2))).toBe(4);
    // With nothing selected (no document open), Shift+click selects just the row clicked.
    expect(extendTo({ focus: -1, anchor: -1, ranges: [] }, 3).ranges).toEqual([[3, 3]]);
  });

  it('takes one row out of the middle of a run and puts it back, joining the run again', () => {
    const split = toggleRow(extendTo(singleRow(0), 4), 2);
    expect(split.ranges).toEqual([[0, 1], [3, 4]]);
    expect(isSelected(split, 2)).toBe(false);
    expect(selectedCount(split)).toBe(4);
    expect(toggleRow(split, 2).ranges).toEqual([[0, 4]]);
    // The toggled row becomes the anchor: Shift extends from it.
    expect(extendTo(toggleRow(split, 9), 7).ranges).toEqual([[7, 9]]);
  });

  it('selects every row of a list far longer than what is on screen, without listing them', () => {
    const all = allRows(20_000, 12);
    expect(all.ranges).toEqual([[0, 19_999]]);
    expect(selectedCount(all)).toBe(20_000);
    expect(isSelected(all, 19_999)).toBe(true);
    expect(allRows(0, 0).ranges).toEqual([]);
  });
});
