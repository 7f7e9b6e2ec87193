import { useDeferredValue, useMemo } from 'react';
import type { Block } from './blocks';
import { blockIndexAt } from './blocks';
import type { PaintCoding } from './paint';
import { MIN_STRIPE_HEIGHT, buildStripes, labelLength, layoutStripes } from './stripes';
import type { Stripe, StripeBox } from './stripes';
import type { BlockMarks } from './useBlockLayout';
import type { WindowRange } from '../../lib/windowMath';
import { LINE_HEIGHT, lineTop } from './windowing';

/** The stripe margin never narrows below this many lanes, and stops growing at the max. */
const MIN_LANES = 4;
const MAX_LANES = 14;

export interface StripeInputs {
  shown: readonly PaintCoding[];
  /** One stripe per code and coder (several coders shown), else per code. */
  perCoder: boolean;
  blocks: readonly Block[];
  /** Block offsets from estimates alone: lanes are packed in these, so they hold still while blocks are measured. */
  estimatedOffsets: Float64Array;
  /** Block offsets with the measured heights: stripes are drawn in these. */
  offsets: Float64Array;
  marks: ReadonlyMap<string, BlockMarks>;
  range: WindowRange;
  labelOf: (codeId: string, coderId: string | null) => string;
}

/**
 * Where a passage's stripe runs: from the top of the line it starts on to the bottom of the
 * line it ends on, measured once per block when it rendered (BlockMarks), interpolated by
 * character position in blocks not rendered yet. Reads no layout.
 */
function extent(blocks: readonly Block[], offsets: Float64Array, marks: ReadonlyMap<string, BlockMarks> | null, s: Stripe) {
  const first = blockIndexAt(blocks, s.start);
  const last = blockIndexAt(blocks, s.end - 1);
  const a = blocks[first];
  const b = blocks[last];
  const from = a ? Math.max(s.start, a.start) : s.start;
  const to = b ? Math.min(s.end, b.end) : s.end;
  const measuredTop = a ? marks?.get(a.key)?.starts.get(from) : undefined;
  const measuredBottom = b ? marks?.get(b.key)?.ends.get(to) : undefined;
  return {
    top: measuredTop !== undefined ? offsets[first]! + measuredTop : lineTop(blocks, offsets, first, from),
    bottom: measuredBottom !== undefined ? offsets[last]! + measuredBottom : lineTop(blocks, offsets, last, to - 1) + LINE_HEIGHT,
  };
}

/**
 * The coding stripes to draw beside the rendered blocks, and how many lanes the margin needs.
 * Built from a deferred copy of the codings, so the text of a newly opened document paints first.
 */
export function useStripes({ shown, perCoder, blocks, estimatedOffsets, offsets, marks, range, labelOf }: StripeInputs): { boxes: StripeBox[]; lanes: number } {
  const deferred = useDeferredValue(shown);
  const stripes = useMemo(() => buildStripes(deferred, perCoder), [deferred, perCoder]);
  const layout = useMemo(
    () =>
      layoutStripes(stripes, {
        extent: (s) => extent(blocks, estimatedOffsets, null, s),
        labelLength: (s) => labelLength(labelOf(s.codeId, s.coderId).length),
      }),
    [stripes, blocks, estimatedOffsets, labelOf],
  );
  const from = blocks[range.first]?.start ?? 0;
  const to = blocks[Math.min(range.last, blocks.length - 1)]?.end ?? 0;
  const boxes = useMemo(
    () =>
      layout.boxes
        .filter((b) => b.start < to && b.end > from)
        .map((b) => {
          const e = extent(blocks, offsets, marks, b);
          return { ...b, top: e.top, height: Math.max(MIN_STRIPE_HEIGHT, e.bottom - e.top) };
        }),
    [layout, blocks, offsets, marks, from, to],
  );
  return { boxes, lanes: Math.min(MAX_LANES, Math.max(MIN_LANES, layout.lanes)) };
}
