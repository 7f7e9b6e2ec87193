import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Block } from '../../../../shared/text/blocks';
import { blockIndexAt } from '../../../../shared/text/blocks';
import type { FocusRequest } from '../workbench/state/contexts';
import { lineTop, mapScrollTop } from './windowing';

const FLASH_MS = 2200;
/** How long a restored position is kept in place while the blocks around it are measured. */
const RESTORE_HOLD_MS = 3000;

/**
 * Where the reader is scrolled: saved as the user scrolls and restored where they left off in
 * this document (in estimated offsets, which do not depend on what had been measured, so it
 * lands on the same passage), and moved to a passage opened from elsewhere, which then flashes.
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
  rememberScroll,
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
  rememberScroll: (documentId: string, scrollTop: number) => void;
}): { flash: FocusRequest | null; remember: () => void } {
  const focus = focusRequest?.documentId === documentId ? focusRequest : null;
  const [flashDone, setFlashDone] = useState(0);
  const flash = focus && focus.seq !== flashDone ? focus : null;

  // The saved position, held until the user scrolls or the blocks around it are measured: each
  // measurement above it moves the text, so the position is re-applied to the new offsets.
  const restoring = useRef<{ saved: number; until: number } | null>(null);
  useLayoutEffect(() => {
    if (!ready) return;
    const saved = takeInitialScroll(documentId);
    restoring.current = saved ? { saved, until: performance.now() + RESTORE_HOLD_MS } : null;
  }, [ready, takeInitialScroll, documentId]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const hold = restoring.current;
    if (!hold || !el) return;
    if (performance.now() > hold.until) {
      restoring.current = null;
      return;
    }
    el.scrollTop = mapScrollTop(hold.saved, estimatedOffsets, offsets, columnTop);
  }, [offsets, estimatedOffsets, columnTop, scrollRef, ready]);
  // Saved in estimated offsets on each scroll, and again when measurements move the text under a
  // still viewport (the position saved at the scroll would no longer name the passage in view).
  const scrolled = useRef(false);
  const remember = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !ready) return;
    scrolled.current = true;
    rememberScroll(documentId, mapScrollTop(el.scrollTop, offsets, estimatedOffsets, columnTop));
  }, [scrollRef, ready, rememberScroll, documentId, offsets, estimatedOffsets, columnTop]);
  useEffect(() => {
    scrolled.current = false;
  }, [documentId]);
  useEffect(() => {
    if (scrolled.current) remember();
  }, [remember]);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const release = () => {
      restoring.current = null;
    };
    const events = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) el.addEventListener(e, release, { passive: true });
    return () => {
      for (const e of events) el.removeEventListener(e, release);
    };
  }, [scrollRef]);

  // Go to the passage: roughly at once, then exactly once it is rendered.
  const handledSeq = useRef(0);
  const centredSeq = useRef(0);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!focus || !el) return;
    if (focus.seq !== handledSeq.current) {
      handledSeq.current = focus.seq;
      restoring.current = null;
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
  return { flash, remember };
}
