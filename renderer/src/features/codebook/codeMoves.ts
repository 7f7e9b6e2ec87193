import type { Code } from '../../../../shared/domain/schemas';

/** Where a code can be moved to: by Alt+arrow keys, or dropped into a gap between rows. Pure. */

/** Which way Alt+arrow moves a code: among its siblings, out of its parent, or into the code above it. */
export type MoveDirection = 'up' | 'down' | 'outdent' | 'indent';

/** Where a code goes, as `code.move` takes it: the new parent, and the index among the new siblings (the code itself left out). */
export interface CodePlace {
  parentId: string | null;
  index: number;
}

/**
 * Where Alt+Up/Down/Left/Right moves a code, or null when it cannot go that way:
 * up/down swap it with its neighbour; outdent puts it just after its parent; indent makes it
 * the last child of the sibling above it.
 */
export function keyboardMove(codes: readonly Code[], codeId: string, direction: MoveDirection): CodePlace | null {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return null;
  const siblings = codes.filter((c) => c.parentId === code.parentId);
  const i = siblings.indexOf(code);
  switch (direction) {
    case 'up':
      return i > 0 ? { parentId: code.parentId, index: i - 1 } : null;
    case 'down':
      return i < siblings.length - 1 ? { parentId: code.parentId, index: i + 1 } : null;
    case 'indent': {
      const above = siblings[i - 1];
      if (!above) return null;
      return { parentId: above.id, index: codes.filter((c) => c.parentId === above.id).length };
    }
    case 'outdent': {
      if (code.parentId === null) return null;
      const parent = codes.find((c) => c.id === code.parentId);
      if (!parent) return null;
      const parentSiblings = codes.filter((c) => c.parentId === parent.parentId);
      return { parentId: parent.parentId, index: parentSiblings.indexOf(parent) + 1 };
    }
  }
}

/** A gap between rows a dragged code can be dropped in: before the sibling at `position` (or after the last). */
export interface DropSlot {
  /** 0 … siblings.length: the gap before siblings[position]. */
  position: number;
  /** The index `code.move` takes for this gap (the dragged code left out of the count). */
  index: number;
}

/**
 * The gaps in one sibling group where a dragged code would land somewhere new. The gaps just
 * before and after the dragged code itself are left out: dropping there would change nothing.
 */
export function dropSlots(siblingIds: readonly string[], draggedId: string | null): DropSlot[] {
  const from = draggedId === null ? -1 : siblingIds.indexOf(draggedId);
  const slots: DropSlot[] = [];
  for (let position = 0; position <= siblingIds.length; position++) {
    if (from >= 0 && (position === from || position === from + 1)) continue;
    slots.push({ position, index: from >= 0 && from < position ? position - 1 : position });
  }
  return slots;
}
