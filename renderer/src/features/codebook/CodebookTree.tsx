import { useDndContext } from '@dnd-kit/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import { subtreeIds } from '../../../../shared/domain/codebook';
import type { Code } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { useWindowedList } from '../../ui/useWindowedList';
import { WindowSpacer } from '../../ui/WindowSpacer';
import type { DragData } from '../workbench/types';
import { CodeDropSlot } from './CodeDropSlot';
import { CodeTreeItem } from './CodeTreeItem';
import type { CodeTreeContext } from './CodeTreeItem';
import { buildCodeTree, parentIndex, resolveFocus, visibleItems } from './codeTree';
import type { MoveDirection } from './codeMoves';
import { treeKeyAction, typeaheadTarget } from './treeKeys';
import { treeRows } from './treeRows';
import styles from './CodebookTree.module.css';

/** A row's height before it is measured: one line of name. */
const ROW_ESTIMATE = 30;

/** What the tree asks its owner to do; the owner (the panel) talks to the workbench. */
export type TreeCommand =
  | { type: 'new' }
  | { type: 'newChild'; codeId: string }
  | { type: 'rename'; codeId: string }
  | { type: 'delete'; codeId: string }
  | { type: 'apply'; codeId: string }
  | { type: 'move'; codeId: string; direction: MoveDirection }
  | { type: 'menu'; codeId: string; x: number; y: number };

export interface CodebookTreeProps {
  codes: Code[];
  /** Codings per code id, as the count toggle asks (the user's, or everyone's). */
  counts: Record<string, number>;
  /** Pinned codes and their keys 1–9. */
  quickKeys: ReadonlyMap<string, number>;
  /** The selected code (selection follows focus); it holds the tab stop. */
  activeId: string | null;
  onActivate: (codeId: string) => void;
  renamingId: string | null;
  /** A new name, or null when the rename was cancelled. */
  onRenameDone: (codeId: string, name: string | null) => void;
  /** A reader selection is waiting to be coded. */
  canApply: boolean;
  /** Moves keyboard focus to a code once it is shown (after it was created or moved); bump `seq` to ask again. */
  focusRequest: { codeId: string; seq: number } | null;
  onCommand: (command: TreeCommand) => void;
}

/**
 * The codebook as an ARIA tree with a roving tab stop (WAI-ARIA tree view pattern), single
 * selection following focus, plus the editing keys: Insert/Ctrl+N new code (with Shift: a
 * child), F2 rename, Delete, Alt+arrows to move, Shift+F10 or the menu key for the actions,
 * and Enter or double-click to code the reader's selection. The rows are flat (each says its
 * level, and its place among its siblings), so a long codebook is windowed: only the rows near
 * the viewport are in the DOM, and the focused row (and a dragged one) stays rendered.
 */
export function CodebookTree(props: CodebookTreeProps) {
  const { codes, counts, quickKeys, activeId, onActivate, renamingId, onRenameDone, canApply, focusRequest, onCommand } = props;
  const baseId = useId();
  const treeRef = useRef<HTMLUListElement>(null);
  const roots = useMemo(() => buildCodeTree(codes), [codes]);
  const parents = useMemo(() => parentIndex(roots), [roots]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  // When the selected code changes (chosen here, created, or picked elsewhere), open its branch.
  const [revealedId, setRevealedId] = useState<string | null>(null);
  if (activeId !== revealedId) {
    setRevealedId(activeId);
    const hidden: string[] = [];
    for (let id = activeId ? parents.get(activeId) : null; id; id = parents.get(id)) if (collapsed.has(id)) hidden.push(id);
    if (hidden.length > 0) setCollapsed(new Set([...collapsed].filter((id) => !hidden.includes(id))));
  }

  const visible = useMemo(() => visibleItems(roots, collapsed), [roots, collapsed]);
  const layout = useMemo(() => new Map(visible.map((v) => [v.id, v])), [visible]);
  const focusId = resolveFocus(visible, parents, activeId);

  const { active } = useDndContext();
  const drag = (active?.data.current as DragData | undefined) ?? null;
  const draggedId = drag?.kind === 'code' ? drag.codeId : null;
  const draggedIds = useMemo(() => new Set(draggedId ? subtreeIds(codes, draggedId) : []), [codes, draggedId]);

  const rows = useMemo(() => treeRows(visible, draggedId, draggedIds), [visible, draggedId, draggedIds]);
  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const keyOf = useCallback((i: number) => rows[i]!.key, [rows]);
  const focusIndex = focusId ? (rowIndex.get(focusId) ?? -1) : -1;
  const list = useWindowedList({
    count: rows.length,
    keyOf,
    estimate: ROW_ESTIMATE,
    pinned: [focusIndex, draggedId ? (rowIndex.get(draggedId) ?? -1) : -1],
  });
  const { scrollToIndex } = list;

  const itemId = (codeId: string) => `${baseId}-code-${codeId}`;
  const itemElement = (codeId: string) => treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(codeId)}"]`) ?? null;

  // Keyboard focus wanted on a code: given as soon as its row is rendered (a far one is
  // scrolled to first, which renders it).
  const focusWanted = useRef<string | null>(null);
  const focusWhenShown = useCallback(() => {
    const codeId = focusWanted.current;
    const el = codeId ? treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(codeId)}"]`) : null;
    if (!el) return;
    focusWanted.current = null;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
  }, []);
  useEffect(focusWhenShown);
  const showAndFocus = useCallback(
    (codeId: string) => {
      focusWanted.current = codeId;
      const index = rowIndex.get(codeId);
      if (index !== undefined) scrollToIndex(index);
      focusWhenShown();
    },
    [rowIndex, scrollToIndex, focusWhenShown],
  );

  // Focus a code the owner asked for, as soon as it is in the tree.
  const handledFocus = useRef<number | null>(null);
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest.seq || !rowIndex.has(focusRequest.codeId)) return;
    handledFocus.current = focusRequest.seq;
    showAndFocus(focusRequest.codeId);
  }, [focusRequest, rowIndex, showAndFocus]);

  if (codes.length === 0) {
    return <EmptyState title="No codes yet">Add a code with New code (or press Insert).</EmptyState>;
  }

  function moveFocus(codeId: string) {
    onActivate(codeId);
    showAndFocus(codeId);
  }

  function setExpanded(ids: string[], expanded: boolean) {
    setCollapsed((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (expanded) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  /** The editing keys; true when the key was one of them. */
  function commandKey(event: KeyboardEvent<HTMLUListElement>, codeId: string): boolean {
    const mod = event.ctrlKey || event.metaKey;
    const plain = !mod && !event.altKey && !event.shiftKey;
    const arrows: Record<string, MoveDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'outdent', ArrowRight: 'indent' };
    if (event.altKey && !mod && !event.shiftKey && arrows[event.key]) {
      onCommand({ type: 'move', codeId, direction: arrows[event.key]! });
      return true;
    }
    if (event.key === 'F2' && plain) {
      onCommand({ type: 'rename', codeId });
      return true;
    }
    if (event.key === 'Delete' && plain) {
      onCommand({ type: 'delete', codeId });
      return true;
    }
    if ((event.key === 'Insert' && !mod && !event.altKey) || (mod && !event.altKey && event.key.toLowerCase() === 'n')) {
      onCommand(event.shiftKey ? { type: 'newChild', codeId } : { type: 'new' });
      return true;
    }
    if ((event.key === 'F10' && event.shiftKey && !mod && !event.altKey) || event.key === 'ContextMenu') {
      const row = itemElement(codeId)?.querySelector('[data-code-row]')?.getBoundingClientRect();
      onCommand({ type: 'menu', codeId, x: row ? row.left + 24 : 0, y: row ? row.bottom : 0 });
      return true;
    }
    if (event.key === 'Enter' && plain && canApply && codes.find((c) => c.id === codeId)?.codable) {
      onCommand({ type: 'apply', codeId });
      return true;
    }
    return false;
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    // Keys typed into the rename box are its own. The tree itself has focus when the focused
    // row was scrolled far out of the window (and so out of the DOM): the keys still work.
    if (event.target !== treeRef.current && (event.target as HTMLElement).getAttribute('role') !== 'treeitem') return;
    if (focusId && commandKey(event, focusId)) {
      event.preventDefault();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = treeKeyAction(event.key, visible, focusId);
    if (action) {
      event.preventDefault();
      if (action.type === 'focus') moveFocus(action.id);
      else if (action.type === 'expand') setExpanded([action.id], true);
      else if (action.type === 'collapse') setExpanded([action.id], false);
      else setExpanded(action.ids, true);
      return;
    }
    // Type-ahead; digits are left to the quick-code keys.
    if (event.key.length === 1 && event.key !== ' ' && !/[0-9]/.test(event.key)) {
      const target = typeaheadTarget(visible, focusId, event.key);
      if (target) {
        event.preventDefault();
        moveFocus(target);
      }
    }
  }

  function onFocus(event: FocusEvent<HTMLUListElement>) {
    const codeId = (event.target as HTMLElement).dataset.codeId;
    if (codeId && codeId !== activeId) onActivate(codeId);
  }

  const tree: CodeTreeContext = {
    layout,
    counts,
    quickKeys,
    focusId,
    activeId,
    renamingId,
    canApply,
    drag,
    draggedIds,
    itemId,
    onFocusItem: moveFocus,
    onToggle: (id, expanded) => setExpanded([id], expanded),
    onApply: (id) => onCommand({ type: 'apply', codeId: id }),
    onMenu: (id, x, y) => onCommand({ type: 'menu', codeId: id, x, y }),
    onRenameDone,
  };

  const items = [];
  for (let i = list.first; i <= list.last; i++) {
    const row = rows[i]!;
    const code = row.kind === 'item' ? codeById.get(row.key) : undefined;
    if (row.kind === 'slot') {
      items.push(<CodeDropSlot key={row.key} parentId={row.parentId} index={row.index} level={row.level} row={i} measure={list.measure} />);
    } else if (code) {
      items.push(<CodeTreeItem key={row.key} code={code} index={i} measure={list.measure} tree={tree} />);
    }
  }
  const setTree = (el: HTMLUListElement | null) => {
    treeRef.current = el;
    list.setScroller(el);
  };
  const focusShown = focusIndex >= list.first && focusIndex <= list.last;

  return (
    <ul
      ref={setTree}
      role="tree"
      aria-label="Codebook"
      data-pane-start=""
      className={styles.codeTree}
      // The roving tab stop is on the focused row; while it is out of the window the tree takes it.
      tabIndex={focusShown ? undefined : 0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onScroll={list.onScroll}
    >
      <WindowSpacer height={list.padTop} />
      {items}
      <WindowSpacer height={list.padBottom} />
    </ul>
  );
}
