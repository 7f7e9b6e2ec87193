import type { ReactNode } from 'react';
import type { WindowedList } from './useWindowedList';

export interface WindowedItemsProps {
  /** The window useWindowedList computed (its scroller is the element around the list, or `scroller`). */
  list: Pick<WindowedList, 'windowed' | 'first' | 'last' | 'padTop' | 'padBottom' | 'measure'>;
  count: number;
  keyOf: (index: number) => string;
  renderItem: (index: number) => ReactNode;
  /** The space between items (a CSS length): kept inside each item, so that measuring it counts it. */
  gap: string;
  /** When the list is its own scroller (overflow: auto): useWindowedList's ref callback and handlers for it. */
  scroller?: Pick<WindowedList, 'setScroller' | 'onScroll' | 'onKeyDown'>;
  className?: string;
  label: string;
}

/**
 * An ordered list of cards (memos, coded passages) that may be long: windowed by
 * useWindowedList, only the items near the viewport are in the DOM, each saying where it stands
 * (aria-posinset of aria-setsize). The space the others take is a margin above the first item
 * and below the last, so the list keeps its own padding.
 */
export function WindowedItems({ list, count, keyOf, renderItem, gap, scroller, className, label }: WindowedItemsProps) {
  const { windowed, first, last, padTop, padBottom, measure } = list;
  const items = [];
  for (let i = first; i <= last; i++) {
    const edges = windowed ? { marginTop: i === first ? padTop : 0, marginBottom: i === last ? padBottom : 0 } : {};
    items.push(
      <li key={keyOf(i)} ref={measure} data-index={i} aria-setsize={count} aria-posinset={i + 1} style={{ paddingBottom: gap, ...edges }}>
        {renderItem(i)}
      </li>,
    );
  }
  return (
    <ol
      className={className}
      aria-label={label}
      style={{ gap: 0 }}
      ref={scroller?.setScroller}
      onScroll={scroller?.onScroll}
      onKeyDown={scroller?.onKeyDown}
    >
      {items}
    </ol>
  );
}
