import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
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
  /** Items that must stay rendered (the active descendant of a listbox, the focused or dragged row of a tree); -1 for none. */
  pinned?: readonly number[];
}

/** Ref callback for each rendered item (it carries data-index): measures it. */
export type MeasureRef = (el: HTMLElement | null) => (() => void) | undefined;

export interface WindowedList {
  /** False for short lists: every item is rendered and nothing below applies. */
  windowed: boolean;
  first: number;
  last: number;
  /** Space above the first rendered item and below the last: spacer elements or margins, never the scroller's own padding (WindowSpacer says why). */
  padTop: number;
  padBottom: number;
  /** Ref callback for the scrolling element, and its scroll handler. */
  setScroller: (el: HTMLElement | null) => void;
  onScroll: () => void;
  measure: MeasureRef;
  /** Brings an item into view (rendering it first if it is far away). */
  scrollToIndex: (index: number) => void;
  /**
   * Home and End for a list of cards (not a listbox or tree, which move their own focus): to the
   * first or last item at once. The browser's own smooth scroll would be cut short as the items
   * it passes are measured and the scroll is re-anchored.
   */
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * Windowing for a long list with items of varying height (a listbox of 20,000 documents): only
 * the items near the viewport are in the DOM; heights are estimated, then measured by a
 * ResizeObserver as items render. ARIA stays whole through aria-setsize / aria-posinset on the
 * items, which the caller sets.
 */
export function useWindowedList({ count, keyOf, estimate, pinned = [] }: WindowedListOptions): WindowedList {
  const windowed = count > WINDOW_THRESHOLD;
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ top: 0, height: 800 });
  const scroller = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const keyRef = useRef({ keyOf, estimate });
  useEffect(() => {
    keyRef.current = { keyOf, estimate };
  });
  /** Every height measured so far, as the observer reports them; `heights` is its last copy rendered. */
  const measured = useRef(new Map<string, number>());
  const overscan = useOverscan(windowed);

  const offsets = useMemo(() => {
    if (!windowed) return new Float64Array(0);
    const h = new Float64Array(count);
    for (let i = 0; i < count; i++) h[i] = heights.get(keyOf(i)) ?? estimate;
    return prefixOffsets(h);
  }, [windowed, count, heights, keyOf, estimate]);

  // Keeps the scroll anchored when measurements replace estimates, or items come and go above the
  // viewport (a branch of the code tree opened, drop gaps shown while a code is dragged): the item
  // at the top of the viewport stays where it was, so rows do not slide under the pointer (a
  // click would land on another one); at the end of the list, the end stays in view. The
  // browser's own scroll anchoring is switched off on the scroller (setScroller) so the two do
  // not both correct.
  const shown = useRef({ offsets, keyOf });
  // Scrolled to the very end (End pressed, or scrolled down to the bottom): it stays at the end
  // while the rows there are measured, until the user scrolls again (wheel, touch, pointer or
  // key). Scroll events cannot say it: the browser clamps the scroll as measured rows shrink.
  const atEnd = useRef(false);
  /** The scroll position as the last scroll event found it (reading the element's would force a layout). */
  const lastTop = useRef(0);
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { offsets, keyOf };
    const el = scroller.current;
    if (!windowed || !el || before.offsets === offsets || before.offsets.length < 2) return;
    // At the top with the same items, the first stays first: nothing to correct, and no layout
    // forced to find it out (each was ~10 ms as a big project's lists were measured at load).
    if (lastTop.current === 0 && !atEnd.current && before.offsets.length === offsets.length) return;
    const top = el.scrollTop;
    if (atEnd.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    const anchor = indexAtY(before.offsets, top);
    const moved = before.offsets.length === offsets.length ? anchor : findKey(count, keyOf, before.keyOf(anchor));
    if (moved < 0) return;
    const shift = (offsets[moved] ?? 0) - (before.offsets[anchor] ?? 0);
    if (Math.abs(shift) >= 0.5) el.scrollTop = top + shift;
  }, [offsets, keyOf, count, windowed]);

  // Made on first use, from the ref callbacks (which run before effects), so the first items are measured too.
  const observe = useCallback((el: HTMLElement) => {
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        if (target === scroller.current) {
          lastTop.current = target.scrollTop;
          setView({ top: target.scrollTop, height: target.clientHeight });
          continue;
        }
        const index = Number(target.dataset.index);
        if (!Number.isInteger(index)) continue;
        const key = keyRef.current.keyOf(index);
        const height = entry.borderBoxSize?.[0]?.blockSize ?? target.offsetHeight;
        // An item measured at the height it is laid out with (its estimate, until measured)
        // changes nothing: the list is not rendered again for it.
        if (Math.abs((measured.current.get(key) ?? keyRef.current.estimate) - height) < 0.5) continue;
        measured.current.set(key, height);
        changed = true;
      }
      if (changed) setHeights(new Map(measured.current));
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
      if (el && el !== scroller.current) {
        el.style.overflowAnchor = 'none';
        observe(el);
        const leaveEnd = () => (atEnd.current = false);
        for (const type of ['wheel', 'touchstart', 'pointerdown']) el.addEventListener(type, leaveEnd, { passive: true });
        el.addEventListener('keydown', (event) => event.key !== 'End' && leaveEnd());
      }
      scroller.current = el;
    },
    [observe],
  );
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    lastTop.current = el.scrollTop;
    if (el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 2) atEnd.current = true;
    setView((v) => (Math.abs(v.top - el.scrollTop) < 40 && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);
  const measure = useCallback(
    (el: HTMLElement | null) => {
      if (!el || !windowed) return undefined;
      observe(el);
      return () => observer.current?.unobserve(el);
    },
    [observe, windowed],
  );

  // Two binary searches: cheap enough for every render, and the pinned indexes come as a new array each time.
  const range = windowed ? pinRange(windowRange(offsets, view.top, view.height, overscan), pinned, 400) : { first: 0, last: count - 1 };
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

  const onKeyDown = useCallback((event: KeyboardEvent) => {
    const el = scroller.current;
    const target = event.target as HTMLElement;
    if (!el || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if ((event.key !== 'Home' && event.key !== 'End') || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    el.scrollTop = event.key === 'Home' ? 0 : el.scrollHeight;
    atEnd.current = event.key === 'End';
  }, []);

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
    onKeyDown,
  };
}

/**
 * How far beyond its viewport a list renders: nothing at first, so that the first frame (the
 * app's load, a view opened) has only what is seen to build; the rest once that frame is painted.
 */
function useOverscan(windowed: boolean): number {
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (!windowed || overscan > 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task after the next frame: the frame is painted by then.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setOverscan(OVERSCAN), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [windowed, overscan]);
  return overscan;
}

/** The index of the item with this key, or -1 (a linear search, for the rare change of list length). */
function findKey(count: number, keyOf: (index: number) => string, key: string): number {
  for (let i = 0; i < count; i++) if (keyOf(i) === key) return i;
  return -1;
}
