import { useCallback, useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Input } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { WindowedItems } from '../../ui/WindowedItems';
import { useWindowedList } from '../../ui/useWindowedList';
import { SegmentCard } from '../retrieval/SegmentCard';
import { documentCount } from '../retrieval/retrievalText';
import { documentIdsOf, usePassageNames } from '../retrieval/usePassageNames';
import { overlappingPairs } from './analysisModel';
import type { OverlapPair } from './analysisModel';
import { useApiQuery } from './useApiQuery';
import styles from './CellSegments.module.css';
import analysisStyles from './analysis.module.css';
import segmentCard from '../../ui/segmentCard.module.css';
import { useDocumentActions, useViewActions } from '../workbench/state/contexts';

/** A passage card's height before it is measured: its source line and two lines of text. */
const CARD_ESTIMATE = 110;
const NONE: never[] = [];


/** Opens a passage in the reader. */
function useOpen() {
  const { openDocument } = useDocumentActions();
  const { setCentre } = useViewActions();
  return (documentId: string, start: number, end: number) => {
    openDocument(documentId, { start, end });
    setCentre({ kind: 'reader' });
  };
}

/** Under a table: what was clicked, what it holds, and a way to put it away. */
function CellPanel({ title, summary, onClose, children }: { title: string; summary: string; onClose: () => void; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={analysisStyles.cellPanel} aria-labelledby={headingId}>
      <header className={styles.cellPanelHeader}>
        <h3 className={styles.cellPanelTitle} id={headingId}>
          {title}
        </h3>
        <p className={styles.cellPanelSummary} role="status">
          {summary}
        </p>
        <Button size="sm" variant="ghost" className={styles.cellPanelClose} onClick={onClose}>
          Close
        </Button>
      </header>
      {children}
    </section>
  );
}

export interface CellSegmentsProps {
  /** "Zero suicide × Young people". */
  title: string;
  /** The cell's figure in words, when it is not a count of segments ("2 documents"). */
  figure?: string;
  query: Input<'segments.query'>;
  onClose: () => void;
}

/** The passages behind a clicked cell or bar; a click opens one in the reader. */
export function CellSegments({ title, figure, query, onClose }: CellSegmentsProps) {
  const open = useOpen();
  const result = useApiQuery('segments.query', query);
  const segments = result.value && !result.stale ? result.value : null;
  const shown = segments ?? NONE;
  const names = usePassageNames(useMemo(() => documentIdsOf(shown), [shown]));
  const keyOf = useCallback((i: number) => shown[i]!.codingId, [shown]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: shown.length, keyOf, estimate: CARD_ESTIMATE });
  const summary = segments
    ? `${figure ? `${figure} · ` : ''}${plural(segments.length, 'segment')} in ${plural(documentCount(segments), 'document')}`
    : '\u00a0';

  return (
    <CellPanel title={title} summary={summary} onClose={onClose}>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      {!segments && !result.error ? <QuietLoading label="Finding the coded passages…" /> : null}
      {segments && segments.length === 0 ? <p className={styles.cellPanelEmpty}>No coded passages here.</p> : null}
      {segments && segments.length > 0 ? (
        <WindowedItems
          list={list}
          count={segments.length}
          keyOf={keyOf}
          gap="var(--sp-2)"
          scroller={{ setScroller, onScroll, onKeyDown }}
          className={`${segmentCard.list} ${styles.cellPanelList}`}
          label={`Segments: ${title}`}
          renderItem={(i) => {
            const s = segments[i]!;
            return (
              <SegmentCard
                segment={s}
                documentName={names.docs.get(s.documentId)}
                coder={names.coders.get(s.coderId)}
                code={names.codes.get(s.codeId)}
                contextLength={160}
                onOpen={() => open(s.documentId, s.start, s.end)}
              />
            );
          }}
        />
      ) : null}
    </CellPanel>
  );
}

export interface OverlapSegmentsProps {
  title: string;
  codeA: string;
  codeB: string;
  query: Input<'segments.query'>;
  onClose: () => void;
}

/** The pairs of overlapping passages behind a co-occurrence count. */
export function OverlapSegments({ title, codeA, codeB, query, onClose }: OverlapSegmentsProps) {
  const open = useOpen();
  const result = useApiQuery('segments.query', query);
  const pairs = useMemo(() => (result.value && !result.stale ? overlappingPairs(result.value, codeA, codeB) : null), [result.value, result.stale, codeA, codeB]);
  const shown = pairs ?? NONE;
  const names = usePassageNames(useMemo(() => documentIdsOf(shown), [shown]));
  const keyOf = useCallback((i: number) => `${shown[i]!.first.codingId}:${shown[i]!.second.codingId}`, [shown]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: shown.length, keyOf, estimate: CARD_ESTIMATE * 2 });
  const summary = pairs ? `${plural(pairs.length, 'overlapping pair')} in ${plural(documentCount(pairs), 'document')}` : '\u00a0';

  return (
    <CellPanel title={title} summary={summary} onClose={onClose}>
      {result.error ? <ErrorAlert error={result.error} /> : null}
      {!pairs && !result.error ? <QuietLoading label="Finding the overlapping passages…" /> : null}
      {pairs && pairs.length === 0 ? <p className={styles.cellPanelEmpty}>These codes never overlap here.</p> : null}
      {pairs && pairs.length > 0 ? (
        <WindowedItems
          list={list}
          count={pairs.length}
          keyOf={keyOf}
          gap="var(--sp-2)"
          scroller={{ setScroller, onScroll, onKeyDown }}
          className={`${segmentCard.list} ${styles.cellPanelList}`}
          label={`Overlapping passages: ${title}`}
          renderItem={(i) => {
            const pair = pairs[i]!;
            return <PairCard pair={pair} names={names} onOpen={() => open(pair.documentId, pair.start, pair.end)} />;
          }}
        />
      ) : null}
    </CellPanel>
  );
}

function PairCard({ pair, names, onOpen }: { pair: OverlapPair; names: ReturnType<typeof usePassageNames>; onOpen: () => void }) {
  return (
    <button type="button" className={segmentCard.card} onClick={onOpen}>
      <span className={segmentCard.meta}>
        <span className={segmentCard.doc} data-segment="doc">{names.docs.get(pair.documentId) ?? 'Unknown document'}</span>
        {pair.first.speaker ? (
          <>
            <span className={segmentCard.sep} aria-hidden="true">
              ·
            </span>
            <span className={segmentCard.speaker}>{pair.first.speaker}</span>
          </>
        ) : null}
      </span>
      {[pair.first, pair.second].map((s) => {
        const code = names.codes.get(s.codeId);
        const coder = names.coders.get(s.coderId);
        return (
          <span key={s.codingId} className={styles.pairPassage}>
            <span className={segmentCard.who}>
              <span className={segmentCard.code}>
                <span className={segmentCard.swatch} style={{ backgroundColor: code?.color }} aria-hidden="true" />
                {code?.name ?? 'Unknown code'}
              </span>
              <span className={segmentCard.coder} data-segment="coder">
                <span className={segmentCard.dot} style={{ backgroundColor: coder?.color ?? 'var(--c-text-subtle)' }} aria-hidden="true" />
                {coder?.name ?? 'Unknown coder'}
              </span>
            </span>
            <span className={segmentCard.text}>
              <span className={segmentCard.passage} data-segment="passage" style={{ borderColor: code?.color }}>
                {s.text}
              </span>
            </span>
          </span>
        );
      })}
    </button>
  );
}
