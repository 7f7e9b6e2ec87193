import { useDeferredValue, useMemo } from 'react';
import type { Block } from '../../../../shared/text/blocks';
import { blockIndexAt } from '../../../../shared/text/blocks';
import type { PaintCoding } from './paint';
import { buildStripes, filterStripes, placeLabels, placeStripe, stripeColumns } from './stripes';
import type { StripeBox, StripeFilter } from './stripes';
import type { BlockMarks } from './useBlockLayout';
import type { WindowRange } from '../../lib/windowMath';
import { LINE_HEIGHT, lineTop } from './windowing';

export interface StripeInputs {
  shown: readonly PaintCoding[];
  /** The coders shown, in order (their patterns); with more than one, each has a bar per code. */
  coderIds: readonly string[];
  /** Code ids in codebook order: the columns' order. */
  codeOrder: readonly string[];
  filter: StripeFilter;
  /** Codings that have a memo. */
  memoCodingIds: ReadonlySet<string>;
  blocks: readonly Block[];
  /** Block offsets with the measured heights. */
  offsets: Float64Array;
  marks: ReadonlyMap<string, BlockMarks>;
  range: WindowRange;
}

/**
 * Where a passage's stripe runs: from the top of the line it starts on to the bottom of the
 * line it ends on, measured once per block when it rendered (BlockMarks), interpolated by
 * character position in blocks not rendered yet. Reads no layout.
 */
function extent(blocks: readonly Block[], offsets: Float64Array, marks: ReadonlyMap<string, BlockMarks>, s: { start: number; end: number }) {
  const first = blockIndexAt(blocks, s.start);
  const last = blockIndexAt(blocks, s.end - 1);
  const a = blocks[first];
  const b = blocks[last];
  const from = a ? Math.max(s.start, a.start) : s.start;
  const to = b ? Math.min(s.end, b.end) : s.end;
  const measuredTop = a ? marks.get(a.key)?.starts.get(from) : undefined;
  const measuredBottom = b ? marks.get(b.key)?.ends.get(to) : undefined;
  return {
    top: measuredTop !== undefined ? offsets[first]! + measuredTop : lineTop(blocks, offsets, first, from),
    bottom: measuredBottom !== undefined ? offsets[last]! + measuredBottom : lineTop(blocks, offsets, last, to - 1) + LINE_HEIGHT,
  };
}

export interface MemoMark {
  codingId: string;
  top: number;
}

/**
 * The coding stripes to draw beside the rendered blocks, the columns they stand in, the code
 * names beside them, and a memo mark at the top of each shown coding that has a memo. Built
 * from a deferred copy of the codings, so the text of a newly opened document paints first.
 */
export function useStripes({ shown, coderIds, codeOrder, filter, memoCodingIds, blocks, offsets, marks, range }: StripeInputs) {
  const deferred = useDeferredValue(shown);
  const perCoder = coderIds.length > 1;
  const stripes = useMemo(() => filterStripes(buildStripes(deferred, perCoder), filter), [deferred, perCoder, filter]);
  const slotCoders = useMemo(
    () => (perCoder ? coderIds.filter((id) => filter.coderIds.length === 0 || filter.coderIds.includes(id)) : []),
    [perCoder, coderIds, filter],
  );
  const columns = useMemo(() => stripeColumns(stripes, codeOrder, slotCoders), [stripes, codeOrder, slotCoders]);
  const from = blocks[range.first]?.start ?? 0;
  const to = blocks[Math.min(range.last, blocks.length - 1)]?.end ?? 0;
  const boxes = useMemo(
    () =>
      stripes
        .filter((s) => s.start < to && s.end > from)
        .map((s) => placeStripe(columns, s, extent(blocks, offsets, marks, s)))
        .filter((b): b is StripeBox => b !== null),
    [stripes, columns, blocks, offsets, marks, from, to],
  );
  const labels = useMemo(() => placeLabels(boxes), [boxes]);
  const memoMarks = useMemo<MemoMark[]>(
    () =>
      deferred
        .filter((c) => memoCodingIds.has(c.id) && c.start < to && c.end > from)
        .map((c) => ({ codingId: c.id, top: extent(blocks, offsets, marks, c).top })),
    [deferred, memoCodingIds, blocks, offsets, marks, from, to],
  );
  return { columns, boxes, labels, memoMarks };
}
