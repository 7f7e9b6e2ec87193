import { useDndContext, useDraggable, useDroppable } from '@dnd-kit/core';
import { useCallback } from 'react';
import type { DocumentSpan, DragData, DropData } from './types';
import { GripIcon } from './WorkbenchDnd';
import { cx } from '../../lib/cx';
import styles from './workbench.module.css';

export interface SelectionChipProps {
  span: DocumentSpan;
  /** The passage's opening words. */
  excerpt: string;
  /** Position within the reader's page. */
  top: number;
  left: number;
}

const dragData = (span: DocumentSpan): DragData => ({ kind: 'selection', span });
const dropData: DropData = { kind: 'selection' };

/**
 * The selected passage as a handle: drag it onto a code to code it there. It is also where a
 * code dragged from the codebook can be dropped to code the selection.
 */
export function SelectionChip({ span, excerpt, top, left }: SelectionChipProps) {
  const draggable = useDraggable({ id: 'selection', data: dragData(span) });
  const { active } = useDndContext();
  const codeDragging = (active?.data.current as DragData | undefined)?.kind === 'code';
  // Shown on the chip, so part of its name too (WCAG 2.5.3 Label in Name).
  const hint = codeDragging ? 'Drop the code here' : 'Drag onto a code';
  const droppable = useDroppable({ id: 'drop-selection', data: dropData });
  const { setNodeRef: setDragRef } = draggable;
  const { setNodeRef: setDropRef } = droppable;
  const ref = useCallback(
    (el: HTMLElement | null) => {
      setDragRef(el);
      setDropRef(el);
    },
    [setDragRef, setDropRef],
  );

  return (
    <button
      ref={ref}
      type="button"
      className={cx(styles.dragChip, draggable.isDragging && styles.dragChipDragging, codeDragging && styles.dragChipTarget, droppable.isOver && styles.dragChipOver)}
      style={{ top, left }}
      data-selection-excerpt={excerpt}
      {...draggable.attributes}
      {...draggable.listeners}
      aria-label={`Selected passage: “${excerpt}” ${hint}`}
      onMouseDown={(event) => event.preventDefault()}
    >
      <GripIcon />
      <span className={styles.dragChipText}>“{excerpt}”</span>
      <span className={styles.dragChipHint} aria-hidden="true">
        {hint}
      </span>
    </button>
  );
}
