import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { CoderCoding } from '../../../../shared/api/contract';
import type { Coder } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { SelectionChip } from '../workbench/SelectionChip';
import { SelectionDropZone } from '../workbench/SelectionDropZone';
import { useDocument, useDocumentActions, useProject, useView, useViewActions } from '../workbench/state/contexts';
import { BlockView } from './BlockView';
import { CodingPopover } from './CodingPopover';
import { SelectionMenu } from './SelectionMenu';
import { MEMO_GUTTER, StripeMargin } from './StripeMargin';
import type { StripeHot } from './StripeMargin';
import marginStyles from './StripeMargin.module.css';
import { blockIndexAt, itemsPerBlock } from '../../../../shared/text/blocks';
import { missingIn } from '../../../../shared/text/text-pieces';
import type { PaintCoding } from './paint';
import type { StripeFilter } from './stripes';
import { useBlockLayout } from './useBlockLayout';
import { blockChrome } from './windowing';
import type { LoadedDocument } from './useDocumentContent';
import type { DocumentText, NeedText } from './useDocumentText';
import { LABEL_WIDTH, useLabelWidth } from './useLabelWidth';
import { useReaderCaret } from './useReaderCaret';
import { useReaderPointer } from './useReaderPointer';
import { useReaderScroll } from './useReaderScroll';
import { useSelectionBoxes } from './useSelectionBoxes';
import { useStripes } from './useStripes';
import styles from './ReaderBody.module.css';
import readerStyles from './reader.module.css';

/** The text column's top padding inside the scrolling page. */
const COLUMN_TOP = 20;
/** The selection's chip: its height, and its distance from the text column in the gutter beside it. */
const CHIP_HEIGHT = 26;
const CHIP_GAP = 6;
const EMPTY_IDS: ReadonlySet<string> = new Set();
const NO_CODERS: ReadonlyMap<string, Coder> = new Map();
/** A representative line of speech, to measure the reading font's average character width. */
const PROBE_SAMPLE = 'Honestly, the waiting list was months long and nobody told us where else we could go for help.';

export interface ReaderBodyProps {
  content: LoadedDocument;
  /** Its text as it arrives. */
  text: DocumentText;
  needText: NeedText;
  /** The codings held so far (of the stretches whose text arrived; the view picks whose to show). */
  codings: readonly CoderCoding[];
  /** Which stripes the margin shows. */
  stripeFilter: StripeFilter;
}

function excerptOf(text: DocumentText, start: number, end: number, max = 40): string {
  const slice = text.slice(start, Math.min(end, start + max * 2)).replace(/\s+/g, ' ').trim();
  return end - start > max || slice.length > max ? `${slice.slice(0, max).trimEnd()}…` : slice;
}

/** A key that changes when a block's codings do, so the block is drawn (and measured) afresh. */
function paintKey(items: readonly PaintCoding[]): string {
  let key = '';
  for (const c of items) key += `${c.id},`;
  return key;
}

/**
 * The open document's text, windowed by block, with its codings painted, coding stripes in the
 * margin, the selection as a drop target with a draggable chip beside it, and a popover for the codings at a passage. Nothing
 * here reads layout while the reader scrolls: blocks are measured by a ResizeObserver when they
 * first render, and stripes are placed from those measurements.
 */
export function ReaderBody({ content, text: partial, needText: need, codings, stripeFilter }: ReaderBodyProps) {
  const { project } = useProject();
  const { focusRequest, selection, visibleCoderIds } = useDocument();
  const { documentShown, rememberScroll, setSelection, takeInitialScroll } = useDocumentActions();
  const { snapWords } = useView();
  const { id: documentId, blocks } = content;
  const { loaded } = partial;
  const blockIndexByKey = useMemo(() => new Map(blocks.map((b, i) => [b.key, i])), [blocks]);
  const blockIndexOf = useCallback((key: string) => blockIndexByKey.get(key) ?? -1, [blockIndexByKey]);
  const withSpeakers = content.inTurn;

  const codes = useMemo(() => new Map(project.codebook.map((c) => [c.id, c])), [project.codebook]);
  const coders = useMemo(() => new Map(project.coders.map((c) => [c.id, c])), [project.coders]);
  const colorOf = useCallback((codeId: string) => codes.get(codeId)?.color ?? 'var(--c-unknown)', [codes]);
  const nameOf = useCallback((codeId: string) => codes.get(codeId)?.name ?? 'Deleted code', [codes]);
  const codeOrder = useMemo(() => project.codebook.map((c) => c.id), [project.codebook]);
  const coderOrder = useMemo(() => project.coders.filter((c) => visibleCoderIds.includes(c.id)).map((c) => c.id), [project.coders, visibleCoderIds]);
  const memoCodingIds = useMemo(
    () => new Set(project.memos.flatMap((m) => (m.target.type === 'coding' ? [m.target.id] : []))),
    [project.memos],
  );
  const { openMemos } = useViewActions();
  const openMemo = useCallback((codingId: string) => openMemos({ type: 'coding', id: codingId }), [openMemos]);
  const labelWidth = useLabelWidth();

  const shown = useMemo<PaintCoding[]>(
    () =>
      codings
        .filter((c) => visibleCoderIds.includes(c.coderId) && codes.has(c.codeId))
        .map((c) => ({ id: c.id, codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end }))
        .sort((a, b) => a.start - b.start || a.end - b.end),
    [codings, visibleCoderIds, codes],
  );
  const perBlock = useMemo(() => itemsPerBlock(blocks, shown), [blocks, shown]);
  const perCoder = coderOrder.length > 1;
  const docSelection = selection && selection.documentId === documentId ? selection : null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const pointer = useReaderPointer({ documentId, source: partial, columnRef, blockIndexOf, setSelection, snapWords });
  const { popover, setPopover } = pointer;
  const caret = useReaderCaret({ documentId, source: partial, scrollRef, selection: docSelection, setSelection });
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);

  // Blocks that must stay rendered: where a selection drag began, the selection's ends, the flash.
  const [flashPin, setFlashPin] = useState(-1);
  const pinned = useMemo(() => {
    const p = [pointer.pointerBlock, flashPin];
    if (docSelection) p.push(blockIndexAt(blocks, docSelection.start), blockIndexAt(blocks, docSelection.end - 1));
    return p;
  }, [pointer.pointerBlock, flashPin, docSelection, blocks]);
  const { offsets, marks, estimatedOffsets, ready, range, observe, probe, onScroll: onLayoutScroll } = useBlockLayout(blocks, scrollRef, COLUMN_TOP, pinned);

  const { flash, remember } = useReaderScroll({ documentId, blocks, offsets, estimatedOffsets, ready, columnTop: COLUMN_TOP, scrollRef, columnRef, focusRequest, takeInitialScroll, rememberScroll });
  useEffect(() => {
    if (ready) documentShown(documentId);
  }, [ready, documentId, documentShown]);
  const flashBlock = flash ? blockIndexAt(blocks, flash.start) : -1;
  if (flashBlock !== flashPin) setFlashPin(flashBlock);

  const stripes = useStripes({ shown, coderIds: coderOrder, codeOrder, filter: stripeFilter, memoCodingIds, blocks, offsets, marks, range });
  const first = range.first;
  const last = Math.min(range.last, blocks.length - 1);
  // The text of the blocks about to show is asked for first (scrolling, a passage opened, the saved position).
  const shownStart = blocks[first]?.start ?? 0;
  const shownEnd = blocks[last]?.end ?? 0;
  useEffect(() => need(shownStart, shownEnd), [need, shownStart, shownEnd]);
  const selectionLayout = useMemo(() => ({ first, last, offsets }), [first, last, offsets]);
  const { boxes: selectionBoxes, columnRight } = useSelectionBoxes(docSelection, columnRef, pageRef, selectionLayout);
  const lastLine = selectionBoxes[selectionBoxes.length - 1];

  const [hot, setHot] = useState<StripeHot | null>(null);
  const hotIds = useMemo(() => (hot ? new Set(hot.codingIds) : EMPTY_IDS), [hot]);
  const openStripe = useCallback((codingIds: readonly string[], anchor: { x: number; y: number }) => setPopover({ codingIds: [...codingIds], anchor }), [setPopover]);
  const popoverCodings = useMemo(
    () => (popover ? popover.codingIds.map((id) => codings.find((c) => c.id === id)).filter((c): c is CoderCoding => Boolean(c)) : []),
    [popover, codings],
  );

  function onScroll() {
    onLayoutScroll();
    remember();
    if (popover) setPopover(null);
  }

  if (blocks.length === 0) {
    return (
      <div className={readerStyles.readerScroll}>
        <EmptyState title="This document has no text" />
      </div>
    );
  }

  const total = offsets[blocks.length]!;
  const rendered: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const block = blocks[i]!;
    const sel = docSelection && docSelection.start < block.end && docSelection.end > block.start ? docSelection : null;
    const fl = flash && flash.start < block.end && flash.end > block.start ? flash : null;
    const blockHot = hot && hot.start < block.end && hot.end > block.start ? hotIds : EMPTY_IDS;
    rendered.push(
      <BlockView
        key={`${block.key}:${paintKey(perBlock[i]!)}`}
        block={block}
        text={partial.slice(block.start, block.end)}
        pendingHeight={missingIn(loaded, block.start, block.end) === null ? -1 : Math.max(0, offsets[i + 1]! - offsets[i]! - blockChrome(block))}
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
    // Focusable so keyboard users can scroll the text with the arrow and page keys (WCAG 2.1.1).
    <div
      ref={scrollRef}
      className={readerStyles.readerScroll}
      data-scroll-root=""
      onScroll={onScroll}
      tabIndex={0}
      aria-label="Text: Enter or F7 puts a caret on a word; arrows move it, Shift+arrows select"
      onKeyDown={caret.onKeyDown}
    >
      <div ref={pageRef} className={styles.rpage} style={{ paddingTop: COLUMN_TOP }}>
        <div
          ref={columnRef}
          className={withSpeakers ? readerStyles.rcolumn : `${readerStyles.rcolumn} ${styles.rcolumnParagraphs}`}
          onMouseDown={pointer.onMouseDown}
          onContextMenu={(event) => {
            if (!docSelection) return;
            event.preventDefault();
            setMenuAt({ x: event.clientX, y: event.clientY });
          }}
          onDragStart={(event) => event.preventDefault()}
        >
          <div ref={probe} className={withSpeakers ? `${readerStyles.blockTurn} ${styles.rprobe}` : styles.rprobe} aria-hidden="true">
            {withSpeakers ? <p className={readerStyles.blockSpeaker} /> : null}
            <p className={readerStyles.blockText} data-probe-text="">
              <span data-probe-sample="">{PROBE_SAMPLE}</span>
            </p>
          </div>
          <div style={{ height: offsets[first] }} aria-hidden="true" />
          {rendered}
          <div style={{ height: Math.max(0, total - offsets[last + 1]!) }} aria-hidden="true" />
        </div>
        <div className={styles.rmargin} style={{ width: MEMO_GUTTER + stripes.columns.width + labelWidth.width }}>
          <StripeMargin
            columns={stripes.columns}
            boxes={stripes.boxes}
            labels={stripes.labels}
            memoMarks={stripes.memoMarks}
            top={offsets[first]!}
            bottom={offsets[last + 1]!}
            colorOf={colorOf}
            nameOf={nameOf}
            coders={perCoder ? coders : NO_CODERS}
            hotKey={hot?.key ?? null}
            onHover={setHot}
            onOpen={openStripe}
            onOpenMemo={openMemo}
          />
          <div
            className={marginStyles.resize}
            role="separator"
            tabIndex={0}
            aria-orientation="vertical"
            aria-label="Width of the code names beside the stripes"
            aria-valuemin={LABEL_WIDTH.min}
            aria-valuemax={LABEL_WIDTH.max}
            aria-valuenow={labelWidth.width}
            title="Drag to widen the margin"
            {...labelWidth.handleProps}
          />
        </div>
        <SelectionDropZone boxes={selectionBoxes} />
        {docSelection && lastLine ? (
          <SelectionChip
            span={docSelection}
            excerpt={excerptOf(partial, docSelection.start, docSelection.end)}
            top={Math.round(lastLine.top + (lastLine.height - CHIP_HEIGHT) / 2)}
            left={columnRight + CHIP_GAP}
          />
        ) : null}
      </div>
      {menuAt && docSelection ? <SelectionMenu x={menuAt.x} y={menuAt.y} onClose={() => setMenuAt(null)} /> : null}
      {popover && popoverCodings.length > 0 ? <CodingPopover codings={popoverCodings} text={partial} anchor={popover.anchor} onClose={() => setPopover(null)} /> : null}
    </div>
  );
}
