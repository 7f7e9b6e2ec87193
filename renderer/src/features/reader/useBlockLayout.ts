import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Block } from '../../../../shared/text/blocks';
import { pinRange, prefixOffsets, windowRange } from '../../lib/windowMath';
import type { WindowRange } from '../../lib/windowMath';
import { estimateBlockHeight } from './windowing';

/** The viewport's position is only acted on when it moved this far: fewer renders while scrolling. */
const SCROLL_QUANTUM = 160;
/** Pixels rendered beyond the viewport either side (more than the quantum, so no gap shows). */
const OVERSCAN = SCROLL_QUANTUM + 700;
/** A pinned block (the selection, where a drag began) widens the window up to this many blocks. */
const MAX_PINNED_SPAN = 600;

/** Where runs of a rendered block begin and end: run start offset → top, run end offset → bottom (pixels from the block's top). */
export interface BlockMarks {
  starts: ReadonlyMap<number, number>;
  ends: ReadonlyMap<number, number>;
}

export interface BlockLayout {
  /** offsets[i]: top of block i within the text column; offsets[n]: its full height. */
  offsets: Float64Array;
  /** Run positions inside each block measured so far, by block key (same line width and font). */
  marks: ReadonlyMap<string, BlockMarks>;
  /** The same from estimates alone (no measurements): where the scroll position is saved. */
  estimatedOffsets: Float64Array;
  /** True once the line width has been measured in the reading font (estimates before then are rough). */
  ready: boolean;
  /** The blocks to render. */
  range: WindowRange;
  /** Ref callback for each rendered block (its data-key names it): measures its height. */
  observe: (el: HTMLElement | null) => (() => void) | undefined;
  /** Ref callback for the measuring probe (a block-shaped element with a sample of text). */
  probe: (el: HTMLElement | null) => (() => void) | undefined;
  /** Call from the scroll container's scroll event. */
  onScroll: () => void;
}

interface Measured {
  /** The line width and font (as its average character width) the heights were measured with: another makes them stale. */
  key: string;
  heights: ReadonlyMap<string, number>;
  marks: ReadonlyMap<string, BlockMarks>;
}

const NO_MARKS: ReadonlyMap<string, BlockMarks> = new Map();

/**
 * The runs' positions in a block, read when the ResizeObserver reports it (after layout, before
 * paint: reading geometry there forces nothing). Each block is measured when it first renders
 * and when its size changes, never on a scroll step.
 */
function measureMarks(el: HTMLElement): BlockMarks {
  const top = el.getBoundingClientRect().top;
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  for (const run of el.querySelectorAll<HTMLElement>('[data-start]')) {
    const rects = run.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) continue;
    starts.set(Number(run.dataset.start), first.top - top);
    ends.set(Number(run.dataset.end), last.bottom - top);
  }
  return { starts, ends };
}

function metricsKey(m: { width: number; charWidth: number } | null): string {
  return m ? `${m.width}:${m.charWidth.toFixed(3)}` : '';
}

function probeMetrics(el: HTMLElement | null): { width: number; charWidth: number } | null {
  if (!el) return null;
  const cell = el.querySelector<HTMLElement>('[data-probe-text]');
  const sample = el.querySelector<HTMLElement>('[data-probe-sample]');
  if (!cell || !sample) return null;
  const width = cell.getBoundingClientRect().width;
  const chars = sample.textContent?.length ?? 0;
  const charWidth = chars > 0 ? sample.getBoundingClientRect().width / chars : 0;
  return { width: Math.round(width), charWidth: charWidth > 2 ? charWidth : 8 };
}

/**
 * Windowing for the reader: blocks are rendered only near the viewport. Heights are estimated
 * from each block's length and the measured width of a line, and replaced by real ones as blocks render.
 * Scroll anchoring keeps the view still while estimates turn into measurements.
 */
export function useBlockLayout(
  blocks: readonly Block[],
  scrollRef: RefObject<HTMLElement | null>,
  /** The text column's top inside the scroll content (its padding). */
  columnTop: number,
  pinned: readonly number[],
): BlockLayout {
  const [metrics, setMetrics] = useState({ width: 0, charWidth: 8 });
  const [measured, setMeasured] = useState<Measured>({ key: '', heights: new Map(), marks: NO_MARKS });
  const [view, setView] = useState({ top: 0, height: 0 });
  // Until the reading font has loaded, a line's width (and so every estimate) is the fallback's.
  const [fontsReady, setFontsReady] = useState(() => typeof document === 'undefined' || !document.fonts);

  const charsPerLine = metrics.width > 0 ? metrics.width / metrics.charWidth : 64;
  const estimates = useMemo(
    () => Float64Array.from(blocks, (b) => estimateBlockHeight(b, charsPerLine)),
    [blocks, charsPerLine],
  );
  const heights = useMemo(() => {
    if (measured.key !== metricsKey(metrics) || measured.heights.size === 0) return estimates;
    const h = Float64Array.from(estimates);
    blocks.forEach((b, i) => {
      const m = measured.heights.get(b.key);
      if (m !== undefined) h[i] = m;
    });
    return h;
  }, [blocks, estimates, measured, metrics]);
  const offsets = useMemo(() => prefixOffsets(heights), [heights]);
  const estimatedOffsets = useMemo(() => prefixOffsets(estimates), [estimates]);

  const probeEl = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const mounted = useRef(new Set<HTMLElement>());
  const lastView = useRef(view);

  useEffect(() => {
    const ro = new ResizeObserver((entries) => {
      const now = probeMetrics(probeEl.current);
      if (now) setMetrics((m) => (metricsKey(m) === metricsKey(now) ? m : now));
      const key = metricsKey(now);
      const scroller = scrollRef.current;
      if (scroller) {
        const height = scroller.clientHeight;
        if (height !== lastView.current.height) {
          lastView.current = { top: scroller.scrollTop, height };
          setView(lastView.current);
        }
      }
      const sizes: [string, number, BlockMarks][] = [];
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        const key = el.dataset.key;
        if (!key || !el.isConnected) continue;
        sizes.push([key, entry.borderBoxSize?.[0]?.blockSize ?? el.getBoundingClientRect().height, measureMarks(el)]);
      }
      if (sizes.length === 0) return;
      setMeasured((prev) => {
        const same = prev.key === key;
        const heights = new Map(same ? prev.heights : []);
        const marks = new Map(same ? prev.marks : []);
        for (const [block, h, m] of sizes) {
          heights.set(block, h);
          marks.set(block, m);
        }
        return { key, heights, marks };
      });
    });
    observer.current = ro;
    let live = true;
    // Load the reading font now (fonts load lazily, when text first uses them), then measure again.
    const cell = probeEl.current?.querySelector<HTMLElement>('[data-probe-text]');
    const font = cell ? getComputedStyle(cell).font : '';
    const fonts = document.fonts;
    if (fonts) {
      (font ? fonts.load(font) : Promise.resolve([]))
        .catch(() => [])
        .then(() => fonts.ready)
        .then(() => {
          if (!live) return;
          const now = probeMetrics(probeEl.current);
          if (now) setMetrics(now);
          setFontsReady(true);
        });
    }
    if (probeEl.current) {
      ro.observe(probeEl.current);
      const sample = probeEl.current.querySelector('[data-probe-sample]');
      if (sample) ro.observe(sample);
    }
    if (scrollRef.current) ro.observe(scrollRef.current);
    for (const el of mounted.current) ro.observe(el);
    return () => {
      live = false;
      ro.disconnect();
      observer.current = null;
    };
  }, [scrollRef]);

  const observe = useCallback((el: HTMLElement | null) => {
    if (!el) return undefined;
    mounted.current.add(el);
    observer.current?.observe(el);
    return () => {
      mounted.current.delete(el);
      observer.current?.unobserve(el);
    };
  }, []);

  const probe = useCallback((el: HTMLElement | null) => {
    probeEl.current = el;
    if (!el) return undefined;
    // The sample's own width changes when a font arrives; the probe's may not.
    const sample = el.querySelector<HTMLElement>('[data-probe-sample]');
    observer.current?.observe(el);
    if (sample) observer.current?.observe(sample);
    return () => {
      observer.current?.unobserve(el);
      if (sample) observer.current?.unobserve(sample);
      if (probeEl.current === el) probeEl.current = null;
    };
  }, []);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const next = { top: el.scrollTop, height: el.clientHeight };
    const prev = lastView.current;
    if (Math.abs(next.top - prev.top) < SCROLL_QUANTUM && next.height === prev.height) return;
    lastView.current = next;
    setView(next);
  }, [scrollRef]);

  const range = useMemo(() => {
    const viewport = Math.max(view.height, 600);
    return pinRange(windowRange(offsets, view.top - columnTop, viewport, OVERSCAN), pinned, MAX_PINNED_SPAN);
  }, [offsets, view, columnTop, pinned]);

  const marks = measured.key === metricsKey(metrics) ? measured.marks : NO_MARKS;
  return { offsets, marks, estimatedOffsets, ready: metrics.width > 0 && fontsReady, range, observe, probe, onScroll };
}
