import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent, ReactNode } from 'react';
import type { CoderCoding, DocumentContent } from '../../../../shared/api/contract';
import type { Coder } from '../../../../shared/domain/schemas';
import { trimSpan } from '../../../../shared/text/spans';
import { EmptyState } from '../../ui/EmptyState';
import { BlockView } from './BlockView';
import { CodingPopover } from './CodingPopover';
import { SelectionChip } from '../workbench/SelectionChip';
import { LANE_WIDTH, StripeMargin } from './StripeMargin';
import { blockIndexAt, buildBlocks, itemsPerBlock } from './blocks';
import { rangeSpan, runEndingAt, runStartingAt } from './domOffsets';
import type { PaintCoding } from './paint';
import { MIN_STRIPE_HEIGHT, buildStripes, initials, labelLength, layoutStripes } from './stripes';
import type { Stripe, StripeBox, StripeGeometry } from './stripes';
import { useBlockLayout } from './useBlockLayout';
import { LINE_HEIGHT, lineTop, mapScrollTop } from './windowing';
import styles from './reader.module.css';
import { useProject, useDocument, useDocumentActions } from '../workbench/state/contexts';

/** The text column's top padding inside the scrolling page. */
const COLUMN_TOP = 20;
/** The stripe margin never narrows below this many lanes, and stops growing at the max. */
const MIN_LANES = 4;
const MAX_LANES = 14;
const FLASH_MS = 2200;
/** Matches .drag-chip's max-width: the chip is kept within the text column. */
const CHIP_MAX_WIDTH = 300;
const EMPTY_IDS: ReadonlySet<string> = new Set();
const NO_CODERS: ReadonlyMap<string, Coder> = new Map();
/** A representative line of speech, to measure the reading font's average character width. */
const PROBE_SAMPLE =
  'Honestly, the waiting list was months long and nobody told us where else we could go for help.';

export interface ReaderBodyProps {
  content: DocumentContent;
  /** Every coder's codings in the document (the view picks whose to show). */
  codings: readonly CoderCoding[];
}

type Popover = { codingIds: string[]; anchor: { x: number; y: number } };
type Extent = { top: number; bottom: number };

function sameExtents(a: ReadonlyMap<string, Extent>, b: ReadonlyMap<string, Extent>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, v] of a) {
    const w = b.get(key);
    if (!w || Math.abs(w.top - v.top) > 0.5 || Math.abs(w.bottom - v.bottom) > 0.5) return false;
  }
  return true;
}

function excerptOf(text: string, start: number, end: number, max = 40): string {
  const slice = text.slice(start, Math.min(end, start + max * 2)).replace(/\s+/g, ' ').trim();
  return end - start > max || slice.length > max ? `${slice.slice(0, max).trimEnd()}…` : slice;
}

/**
 * The open document's text, windowed by block, with its codings painted, coding stripes in the
 * margin, the selection as a draggable chip, and a popover for the codings at a passage.
 */
export function ReaderBody({ content, codings }: ReaderBodyProps) {
  const { project } = useProject();
  const { focusRequest, selection, visibleCoderIds } = useDocument();
  const { rememberScroll, setSelection, takeInitialScroll } = useDocumentActions();
  const { text, id: documentId } = content;
  const blocks = useMemo(() => buildBlocks(text, content.turns), [text, content.turns]);
  const blockIndexByKey = useMemo(() => new Map(blocks.map((b, i) => [b.key, i])), [blocks]);
  const withSpeakers = content.turns.length > 0;

  const codes = useMemo(() => new Map(project.codebook.map((c) => [c.id, c])), [project.codebook]);
  const coders = useMemo(() => new Map(project.coders.map((c) => [c.id, c])), [project.coders]);
  const colorOf = useCallback((codeId: string) => codes.get(codeId)?.color ?? 'var(--c-unknown)', [codes]);
  const nameOf = useCallback((codeId: string) => codes.get(codeId)?.name ?? 'Deleted code', [codes]);

  const shown = useMemo<PaintCoding[]>(
    () =>
      codings
        .filter((c) => visibleCoderIds.includes(c.coderId) && codes.has(c.codeId))
        .map((c) => ({ id: c.id, codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end }))
        .sort((a, b) => a.start - b.start || a.end - b.end),
    [codings, visibleCoderIds, codes],
  );
  const perBlock = useMemo(() => itemsPerBlock(blocks, shown), [blocks, shown]);
  const perCoder = visibleCoderIds.length > 1;
  const stripes = useMemo(() => buildStripes(shown, perCoder), [shown, perCoder]);

  const docSelection = selection && selection.documentId === documentId ? selection : null;

  // A passage opened from elsewhere (a search hit, a segment) flashes for a moment.
  const focus = focusRequest?.documentId === documentId ? focusRequest : null;
  const [flashDone, setFlashDone] = useState(0);
  const flash = focus && focus.seq !== flashDone ? focus : null;

  // Blocks that must stay rendered: where a selection drag began, the selection's ends, the flash.
  const [pointerBlock, setPointerBlock] = useState(-1);
  const pinned = useMemo(() => {
    const p = [pointerBlock];
    if (docSelection) p.push(blockIndexAt(blocks, docSelection.start), blockIndexAt(blocks, docSelection.end - 1));
    if (flash) p.push(blockIndexAt(blocks, flash.start));
    return p;
  }, [pointerBlock, docSelection, flash, blocks]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const { offsets, estimatedOffsets, ready, range, observe, probe, onScroll: onLayoutScroll } = useBlockLayout(blocks, text, scrollRef, COLUMN_TOP, pinned);

  // Exact stripe ends for passages on screen, measured from the rendered runs.
  const [exact, setExact] = useState<ReadonlyMap<string, Extent>>(() => new Map());
  const [chip, setChip] = useState<{ top: number; left: number } | null>(null);
  const laneKey = visibleCoderIds.join(',');
  const [marginLanes, setMarginLanes] = useState({ key: laneKey, lanes: MIN_LANES });

  const labelOf = useCallback(
    (codeId: string, coderId: string | null) => {
      const coder = coderId ? coders.get(coderId) : null;
      return coder ? `${nameOf(codeId)} · ${initials(coder.name)}` : nameOf(codeId);
    },
    [coders, nameOf],
  );

  // Lanes are packed in estimated positions, which depend only on the text, the width and the
  // codings: stable while the reader scrolls and measures. Stripes are then drawn where their
  // passages really are (exactly, once rendered).
  const stripeLayout = useMemo(() => {
    const extentIn = (offs: Float64Array) => (s: Stripe) => ({
      top: lineTop(blocks, offs, blockIndexAt(blocks, s.start), s.start),
      bottom: lineTop(blocks, offs, blockIndexAt(blocks, s.end - 1), s.end - 1) + LINE_HEIGHT,
    });
    const geometry: StripeGeometry = {
      extent: extentIn(estimatedOffsets),
      labelLength: (s) => labelLength(labelOf(s.codeId, s.coderId).length),
    };
    return layoutStripes(stripes, geometry);
  }, [stripes, blocks, estimatedOffsets, labelOf]);

  const renderedFrom = blocks[range.first]?.start ?? 0;
  const renderedTo = blocks[Math.min(range.last, blocks.length - 1)]?.end ?? 0;
  const shownBoxes = useMemo(
    () =>
      stripeLayout.boxes
        .filter((b) => b.start < renderedTo && b.end > renderedFrom)
        .map((b) => {
          const e = exact.get(b.key) ?? {
            top: lineTop(blocks, offsets, blockIndexAt(blocks, b.start), b.start),
            bottom: lineTop(blocks, offsets, blockIndexAt(blocks, b.end - 1), b.end - 1) + LINE_HEIGHT,
          };
          return { ...b, top: e.top, height: Math.max(MIN_STRIPE_HEIGHT, e.bottom - e.top) };
        }),
    [stripeLayout, exact, blocks, offsets, renderedFrom, renderedTo],
  );

  const lanes = Math.min(MAX_LANES, Math.max(MIN_LANES, marginLanes.key === laneKey ? marginLanes.lanes : MIN_LANES));

  useLayoutEffect(() => {
    const column = columnRef.current;
    const page = pageRef.current;
    if (!column || !page) return;
    const columnTop = column.getBoundingClientRect().top;
    const next = new Map<string, Extent>();
    for (const s of stripes) {
      if (s.start >= renderedTo || s.end <= renderedFrom) continue;
      const first = blockIndexAt(blocks, s.start);
      const last = blockIndexAt(blocks, s.end - 1);
      if (first < range.first || last > range.last) continue;
      const startRun = runStartingAt(column, Math.max(s.start, blocks[first]!.start));
      const endRun = runEndingAt(column, Math.min(s.end, blocks[last]!.end));
      const a = startRun?.getClientRects()[0];
      const endRects = endRun?.getClientRects();
      const b = endRects?.[endRects.length - 1];
      if (a && b) next.set(s.key, { top: a.top - columnTop, bottom: b.bottom - columnTop });
    }
    setExact((prev) => (sameExtents(prev, next) ? prev : next));
    // The margin only grows while a view is shown, so the text never reflows back and forth.
    setMarginLanes((prev) =>
      prev.key !== laneKey ? { key: laneKey, lanes: stripeLayout.lanes } : stripeLayout.lanes > prev.lanes ? { key: laneKey, lanes: stripeLayout.lanes } : prev,
    );
    // The chip sits under the end of the selection.
    let nextChip: { top: number; left: number } | null = null;
    if (docSelection) {
      const last = blockIndexAt(blocks, docSelection.end - 1);
      const run = last >= range.first && last <= range.last ? runEndingAt(column, Math.min(docSelection.end, blocks[last]!.end)) : null;
      const rects = run?.getClientRects();
      const rect = rects?.[rects.length - 1];
      if (rect) {
        const pageRect = page.getBoundingClientRect();
        const columnRect = column.getBoundingClientRect();
        const maxLeft = columnRect.right - pageRect.left - CHIP_MAX_WIDTH;
        nextChip = {
          top: Math.round(rect.bottom - pageRect.top + 6),
          left: Math.round(Math.max(columnRect.left - pageRect.left, Math.min(rect.right - pageRect.left - 40, maxLeft))),
        };
      }
    }
    setChip((prev) => (prev === nextChip || (prev && nextChip && prev.top === nextChip.top && prev.left === nextChip.left) ? prev : nextChip));
  }, [docSelection, stripes, blocks, range, offsets, laneKey, stripeLayout.lanes, renderedFrom, renderedTo]);

  // Restore where the user left off in this document. Positions are saved in estimated
  // offsets, which do not depend on what had been measured, so they land on the same passage.
  const latestOffsets = useRef({ offsets, estimatedOffsets });
  useLayoutEffect(() => {
    latestOffsets.current = { offsets, estimatedOffsets };
  });
  useLayoutEffect(() => {
    if (!ready) return;
    const saved = takeInitialScroll(documentId);
    const { offsets: real, estimatedOffsets: estimated } = latestOffsets.current;
    if (saved && scrollRef.current) scrollRef.current.scrollTop = mapScrollTop(saved, estimated, real, COLUMN_TOP);
  }, [ready, takeInitialScroll, documentId]);

  // Go to a passage opened from elsewhere: roughly at once, then exactly once it is rendered.
  const handledSeq = useRef(0);
  const centredSeq = useRef(0);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!focus || !el) return;
    if (focus.seq !== handledSeq.current) {
      handledSeq.current = focus.seq;
      const i = blockIndexAt(blocks, focus.start);
      el.scrollTop = Math.max(0, COLUMN_TOP + lineTop(blocks, offsets, i, focus.start) - el.clientHeight / 3);
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

  // ---------- Pointer: selecting text, clicking a coded passage ----------

  const [popover, setPopover] = useState<Popover | null>(null);
  const down = useRef<{ x: number; y: number } | null>(null);

  const finishPointer = useCallback(
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
        const span = raw ? trimSpan(text, raw) : null;
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
    [documentId, setSelection, text],
  );

  function onMouseDown(event: ReactMouseEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    const blockEl = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-key]') : null;
    const index = blockEl ? (blockIndexByKey.get(blockEl.dataset.key ?? '') ?? -1) : -1;
    setPointerBlock(index);
    down.current = { x: event.clientX, y: event.clientY };
    const onUp = (up: MouseEvent) => {
      document.removeEventListener('mouseup', onUp, true);
      // After the browser has settled the selection for this click.
      setTimeout(() => finishPointer(up), 0);
    };
    document.addEventListener('mouseup', onUp, true);
  }

  function onScroll() {
    onLayoutScroll();
    const el = scrollRef.current;
    if (el && ready) rememberScroll(documentId, mapScrollTop(el.scrollTop, offsets, estimatedOffsets, COLUMN_TOP));
    if (popover) setPopover(null);
  }

  // ---------- Stripes ----------

  const [hot, setHot] = useState<StripeBox | null>(null);
  const hotIds = useMemo(() => (hot ? new Set(hot.codingIds) : EMPTY_IDS), [hot]);
  const openStripe = useCallback((box: StripeBox, anchor: { x: number; y: number }) => {
    setPopover({ codingIds: box.codingIds, anchor });
  }, []);

  const popoverCodings = useMemo(
    () => (popover ? popover.codingIds.map((id) => codings.find((c) => c.id === id)).filter((c): c is CoderCoding => Boolean(c)) : []),
    [popover, codings],
  );

  if (blocks.length === 0) {
    return (
      <div className={styles.readerScroll}>
        <EmptyState title="This document has no text" />
      </div>
    );
  }

  const first = range.first;
  const last = Math.min(range.last, blocks.length - 1);
  const total = offsets[blocks.length]!;
  const rendered: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const block = blocks[i]!;
    const sel = docSelection && docSelection.start < block.end && docSelection.end > block.start ? docSelection : null;
    const fl = flash && flash.start < block.end && flash.end > block.start ? flash : null;
    const blockHot = hot && hot.start < block.end && hot.end > block.start ? hotIds : EMPTY_IDS;
    rendered.push(
      <BlockView
        key={block.key}
        block={block}
        text={text}
        codings={perBlock[i]!}
        selStart={sel ? sel.start : -1}
        selEnd={sel ? sel.end : -1}
        flashStart={fl ? fl.start : -1}
        flashEnd={fl ? fl.end : -1}
        hotIds={blockHot}
        colorOf={colorOf}
        nameOf={nameOf}
        observe={observe}
      />,
    );
  }

  return (
    <div ref={scrollRef} className={styles.readerScroll} data-scroll-root="" onScroll={onScroll}>
      <div ref={pageRef} className={styles.rpage} style={{ paddingTop: COLUMN_TOP }}>
        <div
          ref={columnRef}
          className={withSpeakers ? styles.rcolumn : `${styles.rcolumn} ${styles.rcolumnParagraphs}`}
          onMouseDown={onMouseDown}
          onDragStart={(event) => event.preventDefault()}
        >
          <div ref={probe} className={` ${withSpeakers ? styles.blockTurn : ''} ${styles.rprobe}`} aria-hidden="true">
            {withSpeakers ? <p className={styles.blockSpeaker} /> : null}
            <p className={styles.blockText} data-probe-text="">
              <span data-probe-sample="">{PROBE_SAMPLE}</span>
            </p>
          </div>
          <div style={{ height: offsets[first] }} aria-hidden="true" />
          {rendered}
          <div style={{ height: Math.max(0, total - offsets[last + 1]!) }} aria-hidden="true" />
        </div>
        <div className={styles.rmargin} style={{ width: lanes * LANE_WIDTH }}>
          <StripeMargin
            boxes={shownBoxes}
            lanes={lanes}
            top={offsets[first]!}
            bottom={offsets[last + 1]!}
            columnTop={0}
            colorOf={colorOf}
            nameOf={nameOf}
            coders={perCoder ? coders : NO_CODERS}
            hotKey={hot?.key ?? null}
            onHover={setHot}
            onOpen={openStripe}
          />
        </div>
        {docSelection && chip ? (
          <SelectionChip
            span={docSelection}
            excerpt={excerptOf(text, docSelection.start, docSelection.end)}
            top={chip.top}
            left={chip.left}
          />
        ) : null}
      </div>
      {popover && popoverCodings.length > 0 ? (
        <CodingPopover codings={popoverCodings} text={text} anchor={popover.anchor} onClose={() => setPopover(null)} />
      ) : null}
    </div>
  );
}
