import { useId, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import type { Code } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { CodeTreeItem } from './CodeTreeItem';
import { buildCodeTree, parentIndex, resolveFocus, treeKeyAction, typeaheadTarget, visibleItems } from './codeTree';
import './codebook.css';

export interface CodebookTreeProps {
  codes: Code[];
  /** Codings per code id, all coders together. */
  counts: Record<string, number>;
}

/** The codebook as a read-only ARIA tree with a roving tab stop (WAI-ARIA tree view pattern). */
export function CodebookTree({ codes, counts }: CodebookTreeProps) {
  const baseId = useId();
  const treeRef = useRef<HTMLUListElement>(null);
  const roots = useMemo(() => buildCodeTree(codes), [codes]);
  const parents = useMemo(() => parentIndex(roots), [roots]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [wantedId, setWantedId] = useState<string | null>(null);

  const visible = useMemo(() => visibleItems(roots, collapsed), [roots, collapsed]);
  const layout = useMemo(() => new Map(visible.map((v) => [v.id, v])), [visible]);
  const focusId = resolveFocus(visible, parents, wantedId);

  if (codes.length === 0) {
    return <EmptyState title="No codes yet">Add codes to the codebook (coming soon).</EmptyState>;
  }

  const itemId = (codeId: string) => `${baseId}-code-${codeId}`;

  function moveFocus(codeId: string) {
    setWantedId(codeId);
    const el = treeRef.current?.querySelector<HTMLElement>(`[id="${itemId(codeId)}"]`);
    el?.focus();
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

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
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
    if (event.key.length === 1 && event.key !== ' ') {
      const target = typeaheadTarget(visible, focusId, event.key);
      if (target) {
        event.preventDefault();
        moveFocus(target);
      }
    }
  }

  function onFocus(event: FocusEvent<HTMLUListElement>) {
    const codeId = (event.target as HTMLElement).dataset.codeId;
    if (codeId && codeId !== focusId) setWantedId(codeId);
  }

  return (
    <ul
      ref={treeRef}
      role="tree"
      aria-label="Codebook"
      className="code-tree"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {roots.map((node) => (
        <CodeTreeItem
          key={node.code.id}
          node={node}
          layout={layout}
          counts={counts}
          focusId={focusId}
          itemId={itemId}
          onFocusItem={moveFocus}
          onToggle={(id, expanded) => setExpanded([id], expanded)}
        />
      ))}
    </ul>
  );
}
