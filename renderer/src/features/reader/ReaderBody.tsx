import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { CoderCoding, DocumentContent } from '../../../../shared/api/contract';
import type { Coder } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { SelectionChip } from '../workbench/SelectionChip';
import { useDocument, useDocumentActions, useProject } from '../workbench/state/contexts';
import { BlockView } from './BlockView';
import { CodingPopover } from './CodingPopover';
import { LANE_WIDTH, StripeMargin } from './StripeMargin';
import { blockIndexAt, buildBlocks, itemsPerBlock } from './blocks';
import type { PaintCoding } from './paint';
import { initials } from './stripes';
import type { StripeBox } from './stripes';
import { useBlockLayout } from './useBlockLayout';
import { useChipPosition } from './useChipPosition';
import { useReaderPointer } from './useReaderPointer';
import { useReaderScroll } from './useReaderScroll';
import { useStripes } from './useStripes';
import { mapScrollTop } from './windowing';
import styles from './ReaderBody.module.css';
import readerStyles from './reader.module.css';

/** The text column's top padding inside the scrolling page. */
const COLUMN_TOP = 20;
const EMPTY_IDS: ReadonlySet<string> = new Set();
const NO_CODERS: ReadonlyMap<string, Coder> = new Map();
/** A representative line of speech, to measure the reading font's average character width. */
const PROBE_SAMPLE = 'Honestly, the waiting list was months long and nobody told us where else we could go for help.';

export interface ReaderBodyProps {
  content: DocumentContent;
  /** Every coder's codings in the document (the view picks whose to show). */
  codings: readonly CoderCoding[];
}

function excerptOf(text: string, start: number, end: number, max = 40): string {
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
 * margin, the selection as a draggable chip, and a popover for the codings at a passage. Nothing
 * here reads layout while the reader scrolls: blocks are measured by a ResizeObserver when they
 * first render, and stripes are placed from those measurements.
 */
export function ReaderBody({ content, codings }: ReaderBodyProps) {
  const { project } = useProject();
  const { focusRequest, selection, visibleCoderIds } = useDocument();
  const { rememberScroll, setSelection, takeInitialScroll } = useDocumentActions();
  const { text, id: documentId } = content;
  const blocks = useMemo(() => buildBlocks(text, content.turns), [text, content.turns]);
  const blockIndexByKey = useMemo(() => new Map(blocks.map((b, i) => [b.key, i])), [blocks]);
  const blockIndexOf = useCallback((key: string) => blockIndexByKey.get(key) ?? -1, [blockIndexByKey]);
  const withSpeakers = content.turns.length > 0;

  const codes = useMemo(() => new Map(project.codebook.map((c) => [c.id, c])), [project.codebook]);
  const coders = useMemo(() => new Map(project.coders.map((c) => [c.id, c])), [project.coders]);
  const colorOf = useCallback((codeId: string) => codes.get(codeId)?.color ?? 'var(--c-unknown)', [codes]);
  const nameOf = useCallback((codeId: string) => codes.get(codeId)?.name ?? 'Deleted code', [codes]);
  const labelOf = useCallback(
    (codeId: string, coderId: string | null) => {
      const coder = coderId ? coders.get(coderId) : null;
      return coder ? `${nameOf(codeId)} · ${initials(coder.name)}` : nameOf(codeId);
    },
    [coders, nameOf],
  );

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
  const docSelection = selection && selection.documentId === documentId ? selection : null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const pointer = useReaderPointer({ documentId, text, columnRef, blockIndexOf, setSelection });
  const { popover, setPopover } = pointer;

  // Blocks that must stay rendered: where a selection drag began, the selection's ends, the flash.
  const [flashPin, setFlashPin] = useState(-1);
  const pinned = useMemo(() => {
    const p = [pointer.pointerBlock, flashPin];
    if (docSelection) p.push(blockIndexAt(blocks, docSelection.start), blockIndexAt(blocks, docSelection.end - 1));
    return p;
  }, [pointer.pointerBlock, flashPin, docSelection, blocks]);
  const { offsets, marks, estimatedOffsets, ready, range, observe, probe, onScroll: onLayoutScroll } = useBlockLayout(blocks, text, scrollRef, COLUMN_TOP, pinned);

  const { flash } = useReaderScroll({ documentId, blocks, offsets, estimatedOffsets, ready, columnTop: COLUMN_TOP, scrollRef, columnRef, focusRequest, takeInitialScroll });
  const flashBlock = flash ? blockIndexAt(blocks, flash.start) : -1;
  if (flashBlock !== flashPin) setFlashPin(flashBlock);

  const stripes = useStripes({ shown, perCoder, blocks, estimatedOffsets, offsets, marks, range, labelOf });
  const first = range.first;
  const last = Math.min(range.last, blocks.length - 1);
  const chip = useChipPosition(docSelection, blocks, { first, last }, columnRef, pageRef, offsets);

  const [hot, setHot] = useState<StripeBox | null>(null);
  const hotIds = useMemo(() => (hot ? new Set(hot.codingIds) : EMPTY_IDS), [hot]);
  const openStripe = useCallback((box: StripeBox, anchor: { x: number; y: number }) => setPopover({ codingIds: box.codingIds, anchor }), [setPopover]);
  const popoverCodings = useMemo(
    () => (popover ? popover.codingIds.map((id) => codings.find((c) => c.id === id)).filter((c): c is CoderCoding => Boolean(c)) : []),
    [popover, codings],
  );

  function onScroll() {
    onLayoutScroll();
    const el = scrollRef.current;
    if (el && ready) rememberScroll(documentId, mapScrollTop(el.scrollTop, offsets, estimatedOffsets, COLUMN_TOP));
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
    // Focusable so keyboard users can scroll the text with the arrow and page keys (WCAG 2.1.1).
    <div ref={scrollRef} className={readerStyles.readerScroll} data-scroll-root="" tabIndex={0} onScroll={onScroll}>
      <div ref={pageRef} className={styles.rpage} style={{ paddingTop: COLUMN_TOP }}>
        <div
          ref={columnRef}
          className={withSpeakers ? readerStyles.rcolumn : `${readerStyles.rcolumn} ${styles.rcolumnParagraphs}`}
          onMouseDown={pointer.onMouseDown}
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
        <div className={styles.rmargin} style={{ width: stripes.lanes * LANE_WIDTH }}>
          <StripeMargin
            boxes={stripes.boxes}
            lanes={stripes.lanes}
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
        {docSelection && chip ? <SelectionChip span={docSelection} excerpt={excerptOf(text, docSelection.start, docSelection.end)} top={chip.top} left={chip.left} /> : null}
      </div>
      {popover && popoverCodings.length > 0 ? <CodingPopover codings={popoverCodings} text={text} anchor={popover.anchor} onClose={() => setPopover(null)} /> : null}
    </div>
  );
}
