import { useDndContext, useDroppable } from '@dnd-kit/core';
import type { Box } from '../reader/selectionBoxes';
import type { DragData, DropData } from './types';
import { cx } from '../../lib/cx';
import styles from './workbench.module.css';

const dropData: DropData = { kind: 'selection' };

const LINE_ID = 'drop-selection:';

function SelectionDropLine({ index, box, codeDragging, over }: { index: number; box: Box; codeDragging: boolean; over: boolean }) {
  const { setNodeRef } = useDroppable({ id: `${LINE_ID}${index}`, data: dropData });
  return (
    <div
      ref={setNodeRef}
      className={cx(styles.selectionDrop, codeDragging && styles.selectionDropTarget, over && styles.selectionDropOver)}
      style={{ top: box.top, left: box.left, width: box.width, height: box.height }}
      data-selection-drop={over ? 'over' : ''}
      aria-hidden="true"
    />
  );
}

/**
 * The live selection as a drop target, line by line: a code dropped anywhere on the selected
 * text codes it. The boxes take no pointer events, so the text under them stays selectable; over
 * any line, every line shows as the target (the whole passage is coded).
 */
export function SelectionDropZone({ boxes }: { boxes: readonly Box[] }) {
  const { active, over } = useDndContext();
  const codeDragging = (active?.data.current as DragData | undefined)?.kind === 'code';
  const overSelection = codeDragging && String(over?.id ?? '').startsWith(LINE_ID);
  return (
    <>
      {boxes.map((box, i) => (
        <SelectionDropLine key={i} index={i} box={box} codeDragging={codeDragging} over={overSelection} />
      ))}
    </>
  );
}
