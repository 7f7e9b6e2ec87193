import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Announcements, CollisionDetection, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Code } from '../../../../shared/domain/schemas';
import { dropAction } from './dropAction';
import type { DragData } from './types';
import styles from './workbench.module.css';
import { useProject, useChanges, useDocumentActions } from './state/contexts';

/** The pointer must travel this far before a press becomes a drag, so clicks stay clicks. */
const ACTIVATION_DISTANCE = 6;

/**
 * Under the pointer when there is one (rows and the slots between them are thin); by overlap
 * for keyboard drags, which have no pointer.
 */
const collisionDetection: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

function codeName(codes: readonly Code[], id: unknown): string {
  const codeId = String(id).replace(/^(drop-)?code:/, '');
  return codes.find((c) => c.id === codeId)?.name ?? 'a code';
}

/** What is being dragged, for the overlay: the passage's opening words or the code. */
type Dragging = { kind: 'selection'; excerpt: string } | { kind: 'code'; code: Code | null };

/**
 * The workbench's one drag-and-drop context. A selection dropped on a code codes it; a code
 * dropped on the selection codes it; a code dropped on a code or a slot moves it in the tree.
 * Anything else cancels.
 */
export function WorkbenchDnd({ children }: { children: ReactNode }) {
  const { project } = useProject();
  const { change } = useChanges();
  const { codeSelection } = useDocumentActions();
  const [dragging, setDragging] = useState<Dragging | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: ACTIVATION_DISTANCE } }),
    useSensor(KeyboardSensor),
  );

  function onDragStart(event: DragStartEvent) {
    const data = event.active.data.current as DragData | undefined;
    if (data?.kind === 'selection') {
      const excerpt = document.querySelector<HTMLElement>('[data-selection-excerpt]')?.dataset.selectionExcerpt ?? 'Selected passage';
      setDragging({ kind: 'selection', excerpt });
    } else if (data?.kind === 'code') {
      setDragging({ kind: 'code', code: project.codebook.find((c) => c.id === data.codeId) ?? null });
    }
  }

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const action = dropAction(event.active.data.current, event.over?.data.current);
    if (!action) return;
    if (action.type === 'code' || action.type === 'codeSelection') {
      void codeSelection(action.codeId);
      return;
    }
    let index = action.index;
    if (index === 'end') {
      index = project.codebook.filter((c) => c.parentId === action.parentId && c.id !== action.codeId).length;
    }
    void change('code.move', { codeId: action.codeId, parentId: action.parentId, index });
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      (active.data.current as DragData | undefined)?.kind === 'selection'
        ? 'Picked up the selected passage. Move it onto a code and drop it to code it there.'
        : `Picked up code ${codeName(project.codebook, active.id)}.`,
    onDragOver: ({ over }) => (over ? `Over ${over.id.toString().startsWith('drop-code:') ? `code ${codeName(project.codebook, over.id)}` : 'a drop place'}.` : 'Not over a drop place.'),
    onDragEnd: ({ over }) => (over ? 'Dropped.' : 'Dropped outside any target: nothing changed.'),
    onDragCancel: () => 'Drag cancelled: nothing changed.',
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragging?.kind === 'selection' ? (
          <div className={`${styles.dragChip} ${styles.dragChipOverlay}`}>
            <GripIcon />
            <span className={styles.dragChipText}>“{dragging.excerpt}”</span>
          </div>
        ) : dragging?.kind === 'code' ? (
          <div className={styles.dragCode}>
            <span className={styles.dragCodeSwatch} style={{ backgroundColor: dragging.code?.color ?? 'var(--c-unknown)' }} aria-hidden="true" />
            {dragging.code?.name ?? 'Code'}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

export function GripIcon() {
  return (
    <svg className={styles.grip} viewBox="0 0 10 16" width="8" height="13" aria-hidden="true">
      {[3, 8, 13].flatMap((y) => [2.5, 7.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" fill="currentColor" />))}
    </svg>
  );
}
