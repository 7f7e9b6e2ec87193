import type { Code } from '../../../../shared/domain/schemas';
import { typeaheadIndex } from '../../lib/typeahead';

/** A code with its children, in codebook order. */
export interface CodeNode {
  code: Code;
  children: CodeNode[];
}

/**
 * Builds the tree from the flat codebook array: sibling order is array order, parentId null
 * means top level. A code whose parent is missing, or that sits in a parent cycle, is shown
 * at the top level rather than lost.
 */
export function buildCodeTree(codes: readonly Code[]): CodeNode[] {
  const byId = new Map<string, CodeNode>();
  for (const code of codes) {
    if (!byId.has(code.id)) byId.set(code.id, { code, children: [] });
  }

  const reachesRoot = (start: Code): boolean => {
    const seen = new Set<string>();
    let current: Code | undefined = start;
    while (current && current.parentId !== null) {
      if (seen.has(current.id)) return false;
      seen.add(current.id);
      current = byId.get(current.parentId)?.code;
      if (!current) return false;
    }
    return true;
  };

  const roots: CodeNode[] = [];
  for (const code of codes) {
    const node = byId.get(code.id);
    if (!node || node.code !== code) continue; // a duplicate id: first one wins
    const parent = code.parentId === null ? undefined : byId.get(code.parentId);
    if (parent && parent !== node && reachesRoot(code)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A tree item as laid out: what the ARIA attributes and keyboard handling need. */
export interface VisibleItem {
  id: string;
  name: string;
  level: number;
  parentId: string | null;
  hasChildren: boolean;
  expanded: boolean;
  posInSet: number;
  setSize: number;
}

/** The items a user can reach, in display order: children of collapsed items are left out. */
export function visibleItems(roots: readonly CodeNode[], collapsed: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (nodes: readonly CodeNode[], level: number, parentId: string | null) => {
    nodes.forEach((node, i) => {
      const hasChildren = node.children.length > 0;
      const expanded = hasChildren && !collapsed.has(node.code.id);
      out.push({
        id: node.code.id,
        name: node.code.name,
        level,
        parentId,
        hasChildren,
        expanded,
        posInSet: i + 1,
        setSize: nodes.length,
      });
      if (expanded) walk(node.children, level + 1, node.code.id);
    });
  };
  walk(roots, 1, null);
  return out;
}

/** Every id with children, mapped to its parent id, for finding a hidden item's visible ancestor. */
export function parentIndex(roots: readonly CodeNode[]): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  const walk = (nodes: readonly CodeNode[], parentId: string | null) => {
    for (const node of nodes) {
      parents.set(node.code.id, parentId);
      walk(node.children, node.code.id);
    }
  };
  walk(roots, null);
  return parents;
}

/**
 * The item that holds the roving tab stop: the wanted one if visible, else its nearest
 * visible ancestor (its branch was collapsed), else the first item.
 */
export function resolveFocus(
  visible: readonly VisibleItem[],
  parents: ReadonlyMap<string, string | null>,
  wanted: string | null,
): string | null {
  const shown = new Set(visible.map((v) => v.id));
  let id: string | null | undefined = wanted;
  const guard = new Set<string>();
  while (id && !shown.has(id) && !guard.has(id)) {
    guard.add(id);
    id = parents.get(id);
  }
  if (id && shown.has(id)) return id;
  return visible[0]?.id ?? null;
}

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

/** How many codes a codebook has that can be applied to text (folders excluded). */
export function codableCount(codes: readonly Code[]): number {
  return codes.reduce((n, c) => n + (c.codable ? 1 : 0), 0);
}

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

/** Whose codings a count shows: the user's own, or every coder's. */
export type CountMode = 'mine' | 'all';

/** Codings per code id, for the user (`coderId`; none when they have not coded yet) or for all coders. */
export function codeCounts(
  codingCounts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  mode: CountMode,
  coderId: string | null,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [codeId, byCoder] of Object.entries(codingCounts)) {
    if (mode === 'mine') out[codeId] = coderId ? (byCoder[coderId] ?? 0) : 0;
    else out[codeId] = Object.values(byCoder).reduce((n, c) => n + c, 0);
  }
  return out;
}

/** What deleting a code removes: the codings at it and its sub-codes, all coders, and per coder. */
export interface SubtreeCodings {
  total: number;
  byCoder: Record<string, number>;
  /** How many sub-codes (at any depth) go with it. */
  subcodes: number;
}

export function subtreeCodings(
  codes: readonly Code[],
  codingCounts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  ids: readonly string[],
): SubtreeCodings {
  const byCoder: Record<string, number> = {};
  let total = 0;
  for (const id of ids) {
    for (const [coderId, n] of Object.entries(codingCounts[id] ?? {})) {
      byCoder[coderId] = (byCoder[coderId] ?? 0) + n;
      total += n;
    }
  }
  const known = new Set(codes.map((c) => c.id));
  return { total, byCoder, subcodes: ids.filter((id) => known.has(id)).length - 1 };
}

export const MAX_QUICK_CODES = 9;

/** Pins or unpins a quick code; pinning a tenth is refused with a reason. */
export function toggleQuickCode(quickCodes: readonly string[], codeId: string): { next: string[] } | { error: string } {
  if (quickCodes.includes(codeId)) return { next: quickCodes.filter((id) => id !== codeId) };
  if (quickCodes.length >= MAX_QUICK_CODES) {
    return { error: `Nine quick codes are pinned already (keys 1–9): unpin one first.` };
  }
  return { next: [...quickCodes, codeId] };
}

/** A code as a choice in a picker: its name and where it sits ("Cross-cutting themes › Isolation"). */
export interface CodeOption {
  id: string;
  name: string;
  color: string;
  /** The names of its ancestors, top first. */
  parents: string[];
  codable: boolean;
}

/** Codes in tree order (as the codebook shows them), minus those excluded, as picker choices. */
export function codeOptions(codes: readonly Code[], options: { exclude?: ReadonlySet<string>; codableOnly?: boolean } = {}): CodeOption[] {
  const out: CodeOption[] = [];
  const walk = (nodes: readonly CodeNode[], parents: string[]) => {
    for (const { code, children } of nodes) {
      if (!options.exclude?.has(code.id) && (!options.codableOnly || code.codable)) {
        out.push({ id: code.id, name: code.name, color: code.color, parents, codable: code.codable });
      }
      walk(children, [...parents, code.name]);
    }
  };
  walk(buildCodeTree(codes), []);
  return out;
}

/** Choices whose name or parents contain every word of the query (case-insensitive). */
export function filterCodeOptions(options: readonly CodeOption[], query: string): CodeOption[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    const hay = [...o.parents, o.name].join(' ').toLocaleLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
