import { useCallback } from 'react';
import type { Passage } from '../../../../shared/text/passages';
import { WindowedItems } from '../../ui/WindowedItems';
import { useWindowedList } from '../../ui/useWindowedList';
import { SegmentCard } from './SegmentCard';
import segmentCard from '../../ui/segmentCard.module.css';
import styles from './retrieval.module.css';
import { useDocumentActions, useViewActions } from '../workbench/state/contexts';

const CARD_ESTIMATE = 96;

/**
 * Passages a query or a word search found, each with its document, speaker and context, as a
 * list that scrolls itself and is windowed when long. A click opens the passage in the reader.
 */
export function PassageList({ passages, label }: { passages: readonly Passage[]; label: string }) {
  const { openDocument } = useDocumentActions();
  const { setCentre } = useViewActions();
  const keyOf = useCallback((i: number) => `${passages[i]!.documentId}:${passages[i]!.start}:${passages[i]!.end}`, [passages]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: passages.length, keyOf, estimate: CARD_ESTIMATE });
  return (
    <WindowedItems
      list={list}
      count={passages.length}
      keyOf={keyOf}
      gap="var(--sp-2)"
      className={`${segmentCard.list} ${styles.passageList}`}
      label={label}
      scroller={{ setScroller, onScroll, onKeyDown }}
      renderItem={(i) => {
        const p = passages[i]!;
        return (
          <SegmentCard
            segment={p}
            documentName={p.document}
            coder={undefined}
            code={undefined}
            showWho={false}
            onOpen={() => {
              openDocument(p.documentId, { start: p.start, end: p.end });
              setCentre({ kind: 'reader' });
            }}
          />
        );
      }}
    />
  );
}
