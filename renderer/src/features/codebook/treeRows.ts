import { dropSlots } from './codeMoves';
import type { VisibleItem } from './codeTree';

/** A row of the codebook tree as drawn: a code, or a gap a dragged code can be dropped in. */
export type TreeRow =
  | { kind: 'item'; key: string; item: VisibleItem }
  | { kind: 'slot'; key: string; parentId: string | null; index: number; level: number };

/**
 * The tree's rows in display order, flat (each item says its level, position and set size), so
 * a long codebook can be windowed like any list. While a code is dragged, the gaps where it
 * would land somewhere new appear between its possible siblings: before a sibling's row, and
 * after the last sibling's whole branch; none inside the dragged code's own branch.
 */
export function treeRows(visible: readonly VisibleItem[], draggedId: string | null, draggedIds: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = visible.map((item) => ({ kind: 'item', key: item.id, item }));
  if (draggedId === null) return rows;

  const groups = new Map<string | null, string[]>();
  for (const item of visible) {
    const siblings = groups.get(item.parentId);
    if (siblings) siblings.push(item.id);
    else groups.set(item.parentId, [item.id]);
  }
  const slotsOf = new Map<string | null, Map<number, number>>();
  for (const [parentId, siblingIds] of groups) {
    if (parentId !== null && draggedIds.has(parentId)) continue;
    slotsOf.set(parentId, new Map(dropSlots(siblingIds, draggedId).map((slot) => [slot.position, slot.index])));
  }
  const slot = (parentId: string | null, position: number, level: number): TreeRow[] => {
    const index = slotsOf.get(parentId)?.get(position);
    return index === undefined ? [] : [{ kind: 'slot', key: `slot:${parentId ?? 'root'}:${index}`, parentId, index, level }];
  };

  const out: TreeRow[] = [];
  // The parent of the group open at each level (index 0: level 1), to close groups after their last branch.
  const open: (string | null)[] = [];
  visible.forEach((item, i) => {
    open[item.level - 1] = item.parentId;
    out.push(...slot(item.parentId, item.posInSet - 1, item.level), rows[i]!);
    const nextLevel = visible[i + 1]?.level ?? 0;
    for (let level = item.level; level > nextLevel; level--) {
      const parentId = open[level - 1] ?? null;
      out.push(...slot(parentId, groups.get(parentId)?.length ?? 0, level));
    }
  });
  return out;
}
