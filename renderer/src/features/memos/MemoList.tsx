import { useMemo } from 'react';
import type { MemoView } from '../../../../shared/api/contract';
import { WindowedItems } from '../../ui/WindowedItems';
import type { WindowedItemsProps } from '../../ui/WindowedItems';
import { MemoCard } from './MemoCard';
import type { MemoCardProps } from './MemoCard';
import { useMemoActions } from './useMemoActions';
import { useProject } from '../workbench/state/contexts';

export interface MemoListProps extends Pick<WindowedItemsProps, 'list' | 'keyOf' | 'gap' | 'className'> {
  memos: readonly MemoView[];
  /** What each memo is about, shown above it; none where the list is about one subject (the memo panel). */
  subjectOf?: (memo: MemoView) => MemoCardProps['subject'];
}

/**
 * Memos as cards, windowed (useWindowedList: a journal kept for years has hundreds), each in its
 * author's colour; the user's own can be edited and deleted.
 */
export function MemoList({ memos, list, keyOf, gap, className, subjectOf }: MemoListProps) {
  const { project } = useProject();
  const actions = useMemoActions();
  const colorOf = useMemo(() => new Map(project.coders.map((c) => [c.id, c.color])), [project.coders]);
  return (
    <WindowedItems
      list={list}
      count={memos.length}
      keyOf={keyOf}
      gap={gap}
      className={className}
      label="Memos"
      renderItem={(i) => {
        const memo = memos[i]!;
        const subject = subjectOf?.(memo);
        return (
          <MemoCard
            memo={memo}
            authorColor={colorOf.get(memo.coderId) ?? null}
            own={memo.coderId === project.currentCoderId}
            {...(subject ? { subject } : {})}
            onSave={(text) => actions.update(memo.id, text)}
            onDelete={() => actions.remove(memo.id)}
          />
        );
      }}
    />
  );
}
