import { typeaheadIndex } from '../../lib/typeahead';
import type { VisibleItem } from './codeTree';

/** The codebook tree's keyboard: the WAI-ARIA tree view keys and type-ahead, over the visible items. Pure. */

export type TreeAction =
  | { type: 'focus'; id: string }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'expandSiblings'; ids: string[] };

/** The WAI-ARIA tree view keyboard pattern, for a read-only tree (no selection). */
export function treeKeyAction(key: string, visible: readonly VisibleItem[], currentId: string | null): TreeAction | null {
  if (visible.length === 0) return null;
  const index = visible.findIndex((v) => v.id === currentId);
  const current = visible[index];
  const first = visible[0]!;
  const last = visible[visible.length - 1]!;
  if (!current) return { type: 'focus', id: first.id };

  switch (key) {
    case 'ArrowDown': {
      const next = visible[index + 1];
      return next ? { type: 'focus', id: next.id } : null;
    }
    case 'ArrowUp': {
      const prev = visible[index - 1];
      return prev ? { type: 'focus', id: prev.id } : null;
    }
    case 'Home':
      return current.id === first.id ? null : { type: 'focus', id: first.id };
    case 'End':
      return current.id === last.id ? null : { type: 'focus', id: last.id };
    case 'ArrowRight':
      if (!current.hasChildren) return null;
      if (!current.expanded) return { type: 'expand', id: current.id };
      return { type: 'focus', id: visible[index + 1]!.id };
    case 'ArrowLeft':
      if (current.hasChildren && current.expanded) return { type: 'collapse', id: current.id };
      return current.parentId ? { type: 'focus', id: current.parentId } : null;
    case 'Enter':
      if (!current.hasChildren) return null;
      return { type: current.expanded ? 'collapse' : 'expand', id: current.id };
    case '*': {
      const ids = visible
        .filter((v) => v.parentId === current.parentId && v.hasChildren && !v.expanded)
        .map((v) => v.id);
      return ids.length ? { type: 'expandSiblings', ids } : null;
    }
    default:
      return null;
  }
}

/** Type-ahead: the next visible item after the current one whose name starts with `char`. */
export function typeaheadTarget(visible: readonly VisibleItem[], currentId: string | null, char: string): string | null {
  const index = typeaheadIndex(visible.length, (i) => visible[i]!.name, visible.findIndex((v) => v.id === currentId), char);
  return index < 0 ? null : visible[index]!.id;
}
