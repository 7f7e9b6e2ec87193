import { useCallback, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

/** How wide the code names beside the stripes may be (pixels): the default, and the range the user drags in. */
export const LABEL_WIDTH = { initial: 112, min: 56, max: 420, step: 16 } as const;
const STORE_KEY = 'marginalia.stripeLabelWidth';

/** A width the user asked for, kept in range. */
export function clampLabelWidth(width: number): number {
  return Math.round(Math.min(LABEL_WIDTH.max, Math.max(LABEL_WIDTH.min, width)));
}

function remembered(): number {
  const saved = Number(globalThis.localStorage?.getItem(STORE_KEY));
  return Number.isFinite(saved) && saved > 0 ? clampLabelWidth(saved) : LABEL_WIDTH.initial;
}

/**
 * The width of the names beside the stripes, which the user sets by dragging the margin's left
 * edge (or with the arrow keys on it), remembered on this computer for every project.
 */
export function useLabelWidth() {
  const [width, setWidth] = useState(remembered);
  const set = useCallback((next: number) => {
    const w = clampLabelWidth(next);
    setWidth(w);
    globalThis.localStorage?.setItem(STORE_KEY, String(w));
  }, []);

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      event.preventDefault();
      const handle = event.currentTarget;
      const startX = event.clientX;
      const startWidth = width;
      handle.setPointerCapture(event.pointerId);
      // Dragging left widens: the margin grows towards the text.
      const move = (e: globalThis.PointerEvent) => set(startWidth + startX - e.clientX);
      const up = () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      handle.addEventListener('pointercancel', up);
    },
    [width, set],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const delta = event.key === 'ArrowLeft' ? LABEL_WIDTH.step : event.key === 'ArrowRight' ? -LABEL_WIDTH.step : 0;
      if (delta === 0) return;
      event.preventDefault();
      set(width + delta);
    },
    [width, set],
  );

  return { width, handleProps: { onPointerDown, onKeyDown } };
}
