import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { DocumentSpan } from '../workbench/types';
import type { Block } from './blocks';
import { blockIndexAt } from './blocks';
import { runEndingAt } from './domOffsets';

/** Matches the drag chip's max-width: the chip is kept within the text column. */
const CHIP_MAX_WIDTH = 300;

/**
 * Where the selection's drag chip sits: under the end of the selection. Measured when the
 * selection changes or its last block comes into the rendered range, not on every scroll step.
 */
export function useChipPosition(
  selection: DocumentSpan | null,
  blocks: readonly Block[],
  rendered: { first: number; last: number },
  columnRef: RefObject<HTMLElement | null>,
  pageRef: RefObject<HTMLElement | null>,
  /** The block offsets: the chip moves with the text when blocks above it are measured. */
  offsets: Float64Array,
): { top: number; left: number } | null {
  const [chip, setChip] = useState<{ top: number; left: number } | null>(null);
  const lastBlock = selection ? blockIndexAt(blocks, selection.end - 1) : -1;
  const shown = lastBlock >= rendered.first && lastBlock <= rendered.last;
  useLayoutEffect(() => {
    const column = columnRef.current;
    const page = pageRef.current;
    let next: { top: number; left: number } | null = null;
    if (selection && shown && column && page) {
      const run = runEndingAt(column, Math.min(selection.end, blocks[lastBlock]!.end));
      const rects = run?.getClientRects();
      const rect = rects?.[rects.length - 1];
      if (rect) {
        const pageRect = page.getBoundingClientRect();
        const columnRect = column.getBoundingClientRect();
        const maxLeft = columnRect.right - pageRect.left - CHIP_MAX_WIDTH;
        next = {
          top: Math.round(rect.bottom - pageRect.top + 6),
          left: Math.round(Math.max(columnRect.left - pageRect.left, Math.min(rect.right - pageRect.left - 40, maxLeft))),
        };
      }
    }
    setChip((prev) => (prev === next || (prev && next && prev.top === next.top && prev.left === next.left) ? prev : next));
  }, [selection, shown, blocks, lastBlock, columnRef, pageRef, offsets]);
  return chip;
}
