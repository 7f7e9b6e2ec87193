import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { DocumentSpan } from '../workbench/types';
import { lineBoxes } from './selectionBoxes';
import type { Box } from './selectionBoxes';

const NONE: Box[] = [];

function sameBoxes(a: readonly Box[], b: readonly Box[]): boolean {
  return a.length === b.length && a.every((x, i) => x.top === b[i]!.top && x.left === b[i]!.left && x.width === b[i]!.width && x.height === b[i]!.height);
}

/**
 * The rendered selection's lines, in the page's coordinates: where a code can be dropped on it
 * and where its chip sits. Measured when the selection, the rendered range or the block offsets
 * change, not on every scroll step (the boxes scroll with the page).
 */
export function useSelectionBoxes(
  selection: DocumentSpan | null,
  columnRef: RefObject<HTMLElement | null>,
  pageRef: RefObject<HTMLElement | null>,
  /** Anything that moves the rendered text: the rendered range, the block offsets. */
  layoutKey: unknown,
): { boxes: Box[]; columnRight: number } {
  const [measured, setMeasured] = useState<{ boxes: Box[]; columnRight: number }>({ boxes: NONE, columnRight: 0 });
  useLayoutEffect(() => {
    const column = columnRef.current;
    const page = pageRef.current;
    if (!selection || !column || !page) {
      setMeasured((prev) => (prev.boxes.length === 0 ? prev : { boxes: NONE, columnRight: 0 }));
      return;
    }
    const origin = page.getBoundingClientRect();
    const rects: Box[] = [];
    for (const run of column.querySelectorAll<HTMLElement>('[data-selected]')) {
      for (const r of run.getClientRects()) rects.push({ top: r.top - origin.top, left: r.left - origin.left, width: r.width, height: r.height });
    }
    const boxes = lineBoxes(rects);
    const columnRight = Math.round(column.getBoundingClientRect().right - origin.left);
    setMeasured((prev) => (prev.columnRight === columnRight && sameBoxes(prev.boxes, boxes) ? prev : { boxes, columnRight }));
  }, [selection, columnRef, pageRef, layoutKey]);
  return measured;
}
