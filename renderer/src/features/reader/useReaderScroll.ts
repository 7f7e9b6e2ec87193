import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Block } from './blocks';
import { blockIndexAt } from './blocks';
import type { FocusRequest } from '../workbench/state/contexts';
import { lineTop, mapScrollTop } from './windowing';

const FLASH_MS = 2200;

/**
 * Where the reader scrolls by itself: back to where the user left off in this document (saved
 * in estimated offsets, which do not depend on what had been measured, so it lands on the same
 * passage), and to a passage opened from elsewhere, which then flashes for a moment.
 */
export function useReaderScroll({
  documentId,
  blocks,
  offsets,
  estimatedOffsets,
  ready,
  columnTop,
  scrollRef,
  columnRef,
  focusRequest,
  takeInitialScroll,
}: {
  documentId: string;
  blocks: readonly Block[];
  offsets: Float64Array;
  estimatedOffsets: Float64Array;
  ready: boolean;
  columnTop: number;
  scrollRef: RefObject<HTMLElement | null>;
  columnRef: RefObject<HTMLElement | null>;
  focusRequest: FocusRequest | null;
  takeInitialScroll: (documentId: string) => number | null;
}): { flash: FocusRequest | null } {
  const focus = focusRequest?.documentId === documentId ? focusRequest : null;
  const [flashDone, setFlashDone] = useState(0);
  const flash = focus && focus.seq !== flashDone ? focus : null;

  const latest = useRef({ offsets, estimatedOffsets });
  useLayoutEffect(() => {
    latest.current = { offsets, estimatedOffsets };
  });
  useLayoutEffect(() => {
    if (!ready) return;
    const saved = takeInitialScroll(documentId);
    const { offsets: real, estimatedOffsets: estimated } = latest.current;
    if (saved && scrollRef.current) scrollRef.current.scrollTop = mapScrollTop(saved, estimated, real, columnTop);
  }, [ready, takeInitialScroll, documentId, scrollRef, columnTop]);

  // Go to the passage: roughly at once, then exactly once it is rendered.
  const handledSeq = useRef(0);
  const centredSeq = useRef(0);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!focus || !el) return;
    if (focus.seq !== handledSeq.current) {
      handledSeq.current = focus.seq;
      const i = blockIndexAt(blocks, focus.start);
      el.scrollTop = Math.max(0, columnTop + lineTop(blocks, offsets, i, focus.start) - el.clientHeight / 3);
      if (flashTimer.current) clearTimeout(flashTimer.current);
      const seq = focus.seq;
      flashTimer.current = setTimeout(() => setFlashDone(seq), FLASH_MS);
    } else if (centredSeq.current !== focus.seq) {
      const run = columnRef.current?.querySelector<HTMLElement>('[data-flash]');
      if (run) {
        centredSeq.current = focus.seq;
        run.scrollIntoView({ block: 'center' });
      }
    }
  });
  useEffect(
    () => () => {
      if (flashTimer.current) clearTimeout(flashTimer.current);
    },
    [],
  );
  return { flash };
}
