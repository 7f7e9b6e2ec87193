import type { Code } from '../domain/schemas';

/** The codebook as a tree, for exports that list codes parents first. */

export interface CodeNode {
  code: Code;
  children: CodeNode[];
}

/**
 * Top-level codes with their sub-codes, siblings in codebook order. A code whose parent is
 * missing (a damaged file) becomes a top-level code rather than being lost, and a cycle of
 * parents is broken where it is found.
 */
export function codeForest(codebook: readonly Code[]): CodeNode[] {
  const ids = new Set(codebook.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codebook) {
    const parent = code.parentId !== null && ids.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(code);
    children.set(parent, list);
  }
  const placed = new Set<string>();
  const build = (code: Code): CodeNode => {
    placed.add(code.id);
    const kids = (children.get(code.id) ?? []).filter((c) => !placed.has(c.id));
    return { code, children: kids.map(build) };
  };
  const roots = (children.get(null) ?? []).map(build);
  // Codes only reachable through a cycle of parents: start a tree at the first of each.
  for (const code of codebook) if (!placed.has(code.id)) roots.push(build(code));
  return roots;
}

/** Every code, parents before their sub-codes, depth first in codebook order. */
export function treeOrder(codebook: readonly Code[]): Code[] {
  const out: Code[] = [];
  const visit = (node: CodeNode) => {
    out.push(node.code);
    node.children.forEach(visit);
  };
  codeForest(codebook).forEach(visit);
  return out;
}
