import type { Code } from '../../../../shared/domain/schemas';

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
