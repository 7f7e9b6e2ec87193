import { useCallback } from 'react';
import type { Passage } from '../../../../shared/text/passages';
import { WindowedItems } from '../../ui/WindowedItems';
import { useWindowedList } from '../../ui/useWindowedList';
import { SegmentCard } from './SegmentCard';
import segmentCard from '../../ui/segmentCard.module.css';

const CARD_ESTIMATE = 96;

/**
 * Passages a query or a word search found, each with its document, speaker and context, as a
 * list that scrolls itself and is windowed when long. A click opens the passage in the reader.
 */
export function PassageList({ passages, label, onOpen, className }: { passages: readonly Passage[]; label: string; onOpen: (p: Passage) => void; className?: string }) {
  const keyOf = useCallback((i: number) => `${passages[i]!.documentId}:${passages[i]!.start}:${passages[i]!.end}`, [passages]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: passages.length, keyOf, estimate: CARD_ESTIMATE });
  return (
    <WindowedItems
      list={list}
      count={passages.length}
      keyOf={keyOf}
      gap="var(--sp-2)"
      className={`${segmentCard.list}${className ? ` ${className}` : ''}`}
      label={label}
      scroller={{ setScroller, onScroll, onKeyDown }}
      renderItem={(i) => {
        const p = passages[i]!;
        return <SegmentCard segment={p} documentName={p.document} coder={undefined} code={undefined} showWho={false} onOpen={() => onOpen(p)} />;
      }}
    />
  );
}
