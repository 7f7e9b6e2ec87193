import { useCallback, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent, RefObject } from 'react';
import { trimSpan } from '../../../../shared/text/spans';
import { snapToWords } from '../../../../shared/text/wordSnap';
import type { DocumentSpan } from '../workbench/types';
import { rangeSpan } from './domOffsets';

export type Popover = { codingIds: string[]; anchor: { x: number; y: number } };

/**
 * The pointer in the reader: a drag selects text (the selection becomes a span of the
 * document, trimmed of white space and, when `snapWords` is on and Alt is not held, widened to
 * whole words), a click on coded text opens its codings. While a drag is
 * under way the block it began in stays rendered (`pointerBlock`).
 */
export function useReaderPointer({
  documentId,
  source,
  columnRef,
  blockIndexOf,
  setSelection,
  snapWords,
}: {
  documentId: string;
  /** The document's text (an object whose identity changes when text arrives: comparing two 20 MB strings in hook dependencies took seconds). */
  source: { readonly text: string };
  columnRef: RefObject<HTMLElement | null>;
  blockIndexOf: (key: string) => number;
  setSelection: (span: DocumentSpan | null) => void;
  snapWords: boolean;
}) {
  const [popover, setPopover] = useState<Popover | null>(null);
  const [pointerBlock, setPointerBlock] = useState(-1);
  const down = useRef<{ x: number; y: number } | null>(null);

  const finish = useCallback(
    (event: MouseEvent) => {
      setPointerBlock(-1);
      const column = columnRef.current;
      const start = down.current;
      down.current = null;
      if (!column) return;
      const sel = window.getSelection();
      if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
        const range = sel.getRangeAt(0);
        if (!range.intersectsNode(column)) return;
        const raw = rangeSpan(column, range);
        const span = raw ? (snapWords && !event.altKey ? snapToWords(source.text, raw) : trimSpan(source.text, raw)) : null;
        if (span) {
          setSelection({ documentId, start: span.start, end: span.end });
          setPopover(null);
        }
        return;
      }
      const moved = start ? Math.hypot(event.clientX - start.x, event.clientY - start.y) > 4 : false;
      if (moved) return;
      setSelection(null);
      const run = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-codings]') : null;
      if (run && column.contains(run)) {
        setPopover({ codingIds: (run.dataset.codings ?? '').split(' ').filter(Boolean), anchor: { x: event.clientX, y: event.clientY } });
      } else {
        setPopover(null);
      }
    },
    [columnRef, documentId, setSelection, snapWords, source],
  );

  const onMouseDown = useCallback(
    (event: ReactMouseEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      const blockEl = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-key]') : null;
      setPointerBlock(blockEl ? blockIndexOf(blockEl.dataset.key ?? '') : -1);
      down.current = { x: event.clientX, y: event.clientY };
      const onUp = (up: MouseEvent) => {
        document.removeEventListener('mouseup', onUp, true);
        // After the browser has settled the selection for this click.
        setTimeout(() => finish(up), 0);
      };
      document.addEventListener('mouseup', onUp, true);
    },
    [blockIndexOf, finish],
  );

  return { popover, setPopover, pointerBlock, onMouseDown };
}
