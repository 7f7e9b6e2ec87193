/**
 * The maths of windowing a long list (the reader's blocks, the document list): running offsets
 * of item heights, which item a position falls in, and which items a viewport needs. Pure.
 */

/** Running offsets: offsets[i] is the top of item i, offsets[n] the total height. */
export function prefixOffsets(heights: ArrayLike<number>): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The item at vertical position `y`: the last one whose top is at or above it (clamped). */
export function indexAtY(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface WindowRange {
  /** First and last item to render, inclusive; last < first when there are none. */
  first: number;
  last: number;
}

/** The items to render for a viewport at `scrollTop` of `height` pixels, with `overscan` pixels either side. */
export function windowRange(offsets: Float64Array, scrollTop: number, height: number, overscan: number): WindowRange {
  const n = offsets.length - 1;
  if (n <= 0) return { first: 0, last: -1 };
  const first = indexAtY(offsets, Math.max(0, scrollTop - overscan));
  const last = indexAtY(offsets, scrollTop + height + overscan);
  return { first, last: Math.max(first, last) };
}

/** The smallest range holding `range` and the pinned items, unless that would exceed `maxSpan` items. */
export function pinRange(range: WindowRange, pinned: readonly number[], maxSpan: number): WindowRange {
  let { first, last } = range;
  for (const p of pinned) {
    if (p < 0) continue;
    const f = Math.min(first, p);
    const l = Math.max(last, p);
    if (l - f + 1 <= maxSpan) {
      first = f;
      last = l;
    }
  }
  return { first, last };
}
