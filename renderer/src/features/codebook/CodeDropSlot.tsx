import { useDroppable } from '@dnd-kit/core';
import type { DropData } from '../workbench/types';
import { cx } from '../../lib/cx';
import type { MeasureRef } from '../../ui/useWindowedList';
import styles from './CodeDropSlot.module.css';

export interface CodeDropSlotProps {
  parentId: string | null;
  /** The index `code.move` takes: among the new siblings, the dragged code left out. */
  index: number;
  level: number;
  /** Its place among the tree's rows (the windowed list measures it by this). */
  row: number;
  measure: MeasureRef;
}

/** A thin gap between rows, shown while a code is dragged: dropping it here puts it at this place. */
export function CodeDropSlot({ parentId, index, level, row, measure }: CodeDropSlotProps) {
  const data: DropData = { kind: 'code-slot', parentId, index };
  const { setNodeRef, isOver } = useDroppable({ id: `drop-slot:${parentId ?? 'root'}:${index}`, data });
  return (
    <li
      ref={(el) => {
        setNodeRef(el);
        const unmeasure = measure(el);
        return () => {
          setNodeRef(null);
          unmeasure?.();
        };
      }}
      data-index={row}
      role="none"
      aria-hidden="true"
      className={cx(styles.codeSlot, isOver && styles.codeSlotOver)}
      data-over={isOver ? '' : undefined}
      style={{ paddingLeft: `calc(${level - 1} * var(--tree-indent) + var(--sp-2))` }}
      data-slot={`${parentId ?? 'root'}:${index}`}
    >
      <span className={styles.codeSlotLine} />
    </li>
  );
}
