import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { indexAtY, pinRange, prefixOffsets, windowRange } from '../lib/windowMath';

/** Lists this long or shorter are rendered whole: windowing pays off only for long ones. */
export const WINDOW_THRESHOLD = 150;
const OVERSCAN = 800;

export interface WindowedListOptions {
  count: number;
  /** A stable key per item (its measured height is kept under it). */
  keyOf: (index: number) => string;
  /** Height of an item before it has been rendered and measured. */
  estimate: number;
  /** An item that must stay rendered (the active descendant of a listbox or tree). */
  pinned?: number;
}

export interface WindowedList {
  /** False for short lists: every item is rendered and nothing below applies. */
  windowed: boolean;
  first: number;
  last: number;
  /** Space above the first rendered item and below the last, as padding of the list. */
  padTop: number;
  padBottom: number;
  /** Ref callback for the scrolling element, and its scroll handler. */
  setScroller: (el: HTMLElement | null) => void;
  onScroll: () => void;
  /** Ref callback for each rendered item (it carries data-index): measures it. */
  measure: (el: HTMLElement | null) => (() => void) | undefined;
  /** Brings an item into view (rendering it first if it is far away). */
  scrollToIndex: (index: number) => void;
}

/**
 * Windowing for a long list with items of varying height (a listbox of 20,000 documents): only
 * the items near the viewport are in the DOM; heights are estimated, then measured by a
 * ResizeObserver as items render. ARIA stays whole through aria-setsize / aria-posinset on the
 * items, which the caller sets.
 */
export function useWindowedList({ count, keyOf, estimate, pinned = -1 }: WindowedListOptions): WindowedList {
  const windowed = count > WINDOW_THRESHOLD;
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ top: 0, height: 800 });
  const scroller = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const keyRef = useRef(keyOf);
  useEffect(() => {
    keyRef.current = keyOf;
  });

  const offsets = useMemo(() => {
    if (!windowed) return new Float64Array(0);
    const h = new Float64Array(count);
    for (let i = 0; i < count; i++) h[i] = heights.get(keyOf(i)) ?? estimate;
    return prefixOffsets(h);
  }, [windowed, count, heights, keyOf, estimate]);

  // Keeps the scroll anchored when measurements replace estimates: the item at the top of the
  // viewport stays where it was, so options do not slide under the pointer after a long jump
  // (a click would land on another one). The browser's own scroll anchoring is switched off on
  // the scroller (setScroller) so the two do not both correct.
  const shownOffsets = useRef(offsets);
  useLayoutEffect(() => {
    const before = shownOffsets.current;
    shownOffsets.current = offsets;
    const el = scroller.current;
    if (!windowed || !el || before === offsets || before.length !== offsets.length) return;
    const top = el.scrollTop;
    const anchor = indexAtY(before, top);
    const shift = (offsets[anchor] ?? 0) - (before[anchor] ?? 0);
    if (Math.abs(shift) >= 0.5) el.scrollTop = top + shift;
  }, [offsets, windowed]);

  // Made on first use, from the ref callbacks (which run before effects), so the first items are measured too.
  const observe = useCallback((el: HTMLElement) => {
    observer.current ??= new ResizeObserver((entries) => {
      const sizes: [string, number][] = [];
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target === scroller.current) {
          setView({ top: target.scrollTop, height: target.clientHeight });
          continue;
        }
        const index = Number(target.dataset.index);
        if (!Number.isInteger(index)) continue;
        sizes.push([keyRef.current(index), entry.borderBoxSize?.[0]?.blockSize ?? target.offsetHeight]);
      }
      if (sizes.length === 0) return;
      setHeights((prev) => {
        if (sizes.every(([k, h]) => Math.abs((prev.get(k) ?? -1) - h) < 0.5)) return prev;
        const next = new Map(prev);
        for (const [k, h] of sizes) next.set(k, h);
        return next;
      });
    });
    observer.current.observe(el);
  }, []);
  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    [],
  );

  const setScroller = useCallback(
    (el: HTMLElement | null) => {
      scroller.current = el;
      if (el) {
        el.style.overflowAnchor = 'none';
        observe(el);
      }
    },
    [observe],
  );
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setView((v) => (Math.abs(v.top - el.scrollTop) < 40 && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);
  const measure = useCallback(
    (el: HTMLElement | null) => {
      if (!el || !windowed) return undefined;
      observe(el);
      return () => observer.current?.unobserve(el);
    },
    [observe, windowed],
  );

  const range = useMemo(
    () => (windowed ? pinRange(windowRange(offsets, view.top, view.height, OVERSCAN), [pinned], 400) : { first: 0, last: count - 1 }),
    [windowed, offsets, view, pinned, count],
  );
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const item = el.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (item) item.scrollIntoView({ block: 'nearest' });
      else if (windowed) el.scrollTop = Math.max(0, (offsets[index] ?? 0) - el.clientHeight / 3);
    },
    [offsets, windowed],
  );

  const last = Math.min(range.last, count - 1);
  return {
    windowed,
    first: range.first,
    last,
    padTop: windowed ? (offsets[range.first] ?? 0) : 0,
    padBottom: windowed ? Math.max(0, (offsets[count] ?? 0) - (offsets[last + 1] ?? 0)) : 0,
    setScroller,
    onScroll,
    measure,
    scrollToIndex,
  };
}
