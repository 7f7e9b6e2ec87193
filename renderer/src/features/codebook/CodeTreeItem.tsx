import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useRef } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { DragData, DropData } from '../workbench/types';
import { CodeGlyph } from './CodeGlyph';
import type { Code } from '../../../../shared/domain/schemas';
import type { VisibleItem } from './codeTree';
import { cx } from '../../lib/cx';
import type { MeasureRef } from '../../ui/useWindowedList';
import styles from './CodeTreeItem.module.css';

/** What the whole tree shares with every row. */
export interface CodeTreeContext {
  layout: ReadonlyMap<string, VisibleItem>;
  counts: Record<string, number>;
  /** Pinned codes and their keys 1–9. */
  quickKeys: ReadonlyMap<string, number>;
  focusId: string | null;
  activeId: string | null;
  renamingId: string | null;
  /** A text selection in the reader is waiting: double-click or Enter codes it. */
  canApply: boolean;
  /** What is being dragged right now, if anything. */
  drag: DragData | null;
  /** The dragged code and its descendants: neither a drop target nor a place for slots. */
  draggedIds: ReadonlySet<string>;
  itemId: (codeId: string) => string;
  onFocusItem: (codeId: string) => void;
  onToggle: (codeId: string, expanded: boolean) => void;
  onApply: (codeId: string) => void;
  onMenu: (codeId: string, x: number, y: number) => void;
  onRenameDone: (codeId: string, name: string | null) => void;
}

export interface CodeTreeItemProps {
  code: Code;
  /** Its place among the tree's rows (the windowed list measures it by this). */
  index: number;
  measure: MeasureRef;
  tree: CodeTreeContext;
}

/**
 * One code. The treeitem's accessible name is exactly the code's name (aria-label); the count,
 * the folder note and the quick-code key are its description. The row is draggable (to move
 * the code, or onto a selection to code it) and a drop target (a selection is coded here, a
 * code moves into it).
 */
export function CodeTreeItem({ code, index, measure, tree }: CodeTreeItemProps) {
  const item = tree.layout.get(code.id);
  const isFolder = !code.codable;
  const dragData: DragData = { kind: 'code', codeId: code.id };
  const dropData: DropData = { kind: 'code', codeId: code.id };
  const renaming = tree.renamingId === code.id;
  const dropDisabled =
    tree.drag === null ||
    (tree.drag.kind === 'selection' && isFolder) ||
    (tree.drag.kind === 'code' && tree.draggedIds.has(code.id));
  const draggable = useDraggable({ id: `code:${code.id}`, data: dragData, disabled: renaming });
  const droppable = useDroppable({ id: `drop-code:${code.id}`, data: dropData, disabled: dropDisabled });
  if (!item) return null;

  const id = tree.itemId(code.id);
  const descriptionId = `${id}-desc`;
  const count = tree.counts[code.id] ?? 0;
  const showCount = !isFolder || count > 0;
  const quickKey = tree.quickKeys.get(code.id);
  const active = tree.activeId === code.id;
  const isOver = droppable.isOver && !dropDisabled;
  const dropHint = isOver ? (tree.drag?.kind === 'selection' ? 'code here' : 'move into') : null;

  function onRowClick(event: MouseEvent) {
    event.stopPropagation();
    tree.onFocusItem(code.id);
  }

  function onRowDoubleClick(event: MouseEvent) {
    event.stopPropagation();
    if (tree.canApply && code.codable) tree.onApply(code.id);
    else if (item!.hasChildren) tree.onToggle(code.id, !item!.expanded);
  }

  function onTwistyClick(event: MouseEvent) {
    event.stopPropagation();
    tree.onFocusItem(code.id);
    tree.onToggle(code.id, !item!.expanded);
  }

  function onContextMenu(event: MouseEvent) {
    event.preventDefault();
    event.stopPropagation();
    tree.onFocusItem(code.id);
    tree.onMenu(code.id, event.clientX, event.clientY);
  }

  function onMoreClick(event: MouseEvent<HTMLButtonElement>) {
    event.stopPropagation();
    tree.onFocusItem(code.id);
    const rect = event.currentTarget.getBoundingClientRect();
    tree.onMenu(code.id, rect.left, rect.bottom + 2);
  }

  const rowClasses = cx(
    styles.codeRow,
    isFolder && styles.codeRowFolder,
    active && styles.codeRowActive,
    isOver && styles.codeRowDrop,
    draggable.isDragging && styles.codeRowDragging,
  );

  return (
    <li
      id={id}
      role="treeitem"
      aria-label={code.name}
      aria-level={item.level}
      aria-setsize={item.setSize}
      aria-posinset={item.posInSet}
      aria-expanded={item.hasChildren ? item.expanded : undefined}
      aria-selected={active}
      aria-describedby={descriptionId}
      tabIndex={tree.focusId === code.id ? 0 : -1}
      ref={measure}
      data-index={index}
      data-code-id={code.id}
      className={styles.codeItem}
    >
      <div
        ref={(el) => {
          draggable.setNodeRef(el);
          droppable.setNodeRef(el);
        }}
        className={rowClasses}
        data-code-row=""
        style={{ paddingLeft: `calc(${item.level - 1} * var(--tree-indent) + var(--sp-2))` }}
        onClick={onRowClick}
        onDoubleClick={onRowDoubleClick}
        onContextMenu={onContextMenu}
        title={code.description.definition || undefined}
        data-drop-hint={dropHint ?? undefined}
        {...(renaming ? {} : draggable.listeners)}
      >
        {/* The chevron and the three dots are drawn by their styles (masks), not SVGs: the tree's rows are its bulk. */}
        <span
          className={cx(styles.codeRowTwisty, item.hasChildren && styles.codeRowTwistyBranch, item.expanded && styles.codeRowTwistyOpen)}
          aria-hidden="true"
          onClick={item.hasChildren ? onTwistyClick : undefined}
        />
        <CodeGlyph color={code.color} folder={isFolder} />
        {renaming ? (
          <RenameBox name={code.name} onDone={(name) => tree.onRenameDone(code.id, name)} />
        ) : (
          <span className={styles.codeRowName} aria-hidden="true">
            {code.name}
          </span>
        )}
        {dropHint ? (
          <span className={styles.codeRowDropHint} aria-hidden="true">
            {dropHint}
          </span>
        ) : null}
        <span className={styles.codeRowCount} id={descriptionId}>
          {isFolder ? <span className={'sr-only'}>Folder. </span> : null}
          {quickKey !== undefined ? (
            <span className={styles.codeRowKey} data-quick-key="" title={`Quick code: press ${quickKey} to apply`}>
              <span aria-hidden="true">{quickKey}</span>
              <span className={'sr-only'}>Quick code {quickKey}. </span>
            </span>
          ) : null}
          {showCount ? (
            <>
              <span aria-hidden="true">{count}</span>
              <span className={'sr-only'}>{count === 1 ? '1 coding' : `${count} codings`}</span>
            </>
          ) : null}
        </span>
        <button
          type="button"
          className={styles.codeRowMore}
          tabIndex={-1}
          aria-label={`Actions for ${code.name}`}
          aria-haspopup="menu"
          onPointerDown={(event) => event.stopPropagation()}
          onClick={onMoreClick}
        />
      </div>
    </li>
  );
}

/** The inline name editor (F2): Enter or leaving the box saves, Escape cancels. */
function RenameBox({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const done = useRef(false);
  function finish(value: string | null) {
    if (done.current) return;
    done.current = true;
    onDone(value);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null);
    }
  }
  return (
    <input
      className={styles.codeRowRename}
      aria-label="Code name"
      defaultValue={name}
      maxLength={200}
      ref={(el) => {
        if (el && !done.current && document.activeElement !== el) {
          el.focus();
          el.select();
        }
      }}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget.value)}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}
