/**
 * The Documents list's selection as ranges of row positions, not ids: the list is windowed and
 * paged, so Shift+click or Ctrl+A may cover thousands of rows that were never sent. The ids are
 * asked for only when an action needs them (selectedDocuments.ts). Pure.
 */

/** Rows first…last, both included. */
export type RowRange = readonly [first: number, last: number];

export interface ListSelection {
  /** The row the keyboard is on (the listbox's active descendant). */
  focus: number;
  /** Where Shift+click and Shift+arrows extend from. */
  anchor: number;
  /** Sorted, apart and not touching. */
  ranges: RowRange[];
}

export function singleRow(index: number): ListSelection {
  return { focus: index, anchor: index, ranges: [[index, index]] };
}

/** Shift+click, Shift+arrows: the rows from the anchor to `index`, and nothing else. */
export function extendTo(selection: ListSelection, index: number): ListSelection {
  // Nothing selected yet: the run starts where it ends.
  const anchor = selection.anchor < 0 ? index : selection.anchor;
  return { focus: index, anchor, ranges: [[Math.min(anchor, index), Math.max(anchor, index)]] };
}

/** Ctrl+click: the row in or out, the rest kept; it becomes the anchor. */
export function toggleRow(selection: ListSelection, index: number): ListSelection {
  const ranges: RowRange[] = [];
  for (const [first, last] of selection.ranges) {
    if (index < first || index > last) ranges.push([first, last]);
    else {
      if (first < index) ranges.push([first, index - 1]);
      if (index < last) ranges.push([index + 1, last]);
    }
  }
  if (!isSelected(selection, index)) ranges.push([index, index]);
  return { focus: index, anchor: index, ranges: mergeRanges(ranges) };
}

/** Ctrl+A. */
export function allRows(total: number, focus: number): ListSelection {
  return { focus, anchor: focus, ranges: total > 0 ? [[0, total - 1]] : [] };
}

export function isSelected(selection: ListSelection, index: number): boolean {
  return selection.ranges.some(([first, last]) => index >= first && index <= last);
}

export function selectedCount(selection: ListSelection): number {
  return selection.ranges.reduce((n, [first, last]) => n + last - first + 1, 0);
}

function mergeRanges(ranges: RowRange[]): RowRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = out[out.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else out.push([first, last]);
  }
  return out;
}
