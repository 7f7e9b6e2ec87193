import { useDroppable } from '@dnd-kit/core';
import type { DropData } from '../workbench/types';

export interface CodeDropSlotProps {
  parentId: string | null;
  /** The index `code.move` takes: among the new siblings, the dragged code left out. */
  index: number;
  level: number;
}

/** A thin gap between rows, shown while a code is dragged: dropping it here puts it at this place. */
export function CodeDropSlot({ parentId, index, level }: CodeDropSlotProps) {
  const data: DropData = { kind: 'code-slot', parentId, index };
  const { setNodeRef, isOver } = useDroppable({ id: `drop-slot:${parentId ?? 'root'}:${index}`, data });
  return (
    <li
      ref={setNodeRef}
      role="none"
      aria-hidden="true"
      className={['code-slot', isOver ? 'code-slot--over' : ''].filter(Boolean).join(' ')}
      style={{ paddingLeft: `calc(${level - 1} * var(--tree-indent) + var(--sp-2))` }}
      data-slot={`${parentId ?? 'root'}:${index}`}
    >
      <span className="code-slot__line" />
    </li>
  );
}
