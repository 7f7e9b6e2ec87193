import { useDndContext, useDraggable } from '@dnd-kit/core';
import type { DocumentSpan, DragData } from './types';
import { GripIcon } from './WorkbenchDnd';
import { cx } from '../../lib/cx';
import styles from './workbench.module.css';

export interface SelectionChipProps {
  span: DocumentSpan;
  /** The passage's opening words. */
  excerpt: string;
  /** Position within the reader's page: beside the selection's last line, right of the text. */
  top: number;
  left: number;
}

const dragData = (span: DocumentSpan): DragData => ({ kind: 'selection', span });

/**
 * The selected passage as a handle in the gutter beside its last line (it covers no text):
 * drag it onto a code to code it there. A code is dropped on the selected text itself.
 */
export function SelectionChip({ span, excerpt, top, left }: SelectionChipProps) {
  const { setNodeRef, attributes, listeners, isDragging } = useDraggable({ id: 'selection', data: dragData(span) });
  const { active } = useDndContext();
  const codeDragging = (active?.data.current as DragData | undefined)?.kind === 'code';
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={cx(styles.dragChip, isDragging && styles.dragChipDragging, codeDragging && styles.dragChipIdle)}
      style={{ top, left }}
      data-selection-excerpt={excerpt}
      {...attributes}
      {...listeners}
      aria-label={`Selected passage: ${excerpt}`}
      title="Drag onto a code to code the selection, or drop a code on the selected text"
      onMouseDown={(event) => event.preventDefault()}
    >
      <GripIcon />
    </button>
  );
}
