import type { Code } from './schemas';

/** Pure operations on the flat codebook array (parents by id; sibling order = rank order = array order). */

export function childrenOf(codebook: readonly Code[], parentId: string | null): Code[] {
  return codebook.filter((c) => c.parentId === parentId);
}

/** The code and all its descendants, parents first. */
export function subtreeIds(codebook: readonly Code[], codeId: string): string[] {
  const ids = [codeId];
  for (let i = 0; i < ids.length; i++) {
    for (const child of codebook) if (child.parentId === ids[i]) ids.push(child.id);
  }
  return ids;
}

/** Names from the top of the tree down to the code: ["Cross-cutting themes", "Isolation and loneliness"]. */
export function codePath(codebook: readonly Code[], codeId: string): string[] {
  const byId = new Map(codebook.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code = byId.get(codeId); code && !seen.has(code.id); code = code.parentId ? byId.get(code.parentId) : undefined) {
    seen.add(code.id);
    names.unshift(code.name);
  }
  return names;
}

export function isDescendant(codebook: readonly Code[], codeId: string, ancestorId: string): boolean {
  return subtreeIds(codebook, ancestorId).includes(codeId);
}

/**
 * New ranks that put `codeId` under `parentId` at `index` among its new siblings (the codebook
 * is in rank order). Usually only the moved code changes; when there is no room left between two
 * neighbours, every sibling is spaced out again. Null when the move would put a code inside itself.
 */
export function ranksForMove(codebook: readonly Code[], codeId: string, parentId: string | null, index: number): Map<string, number> | null {
  const code = codebook.find((c) => c.id === codeId);
  if (!code) return null;
  if (parentId !== null && isDescendant(codebook, parentId, codeId)) return null;
  const siblings = codebook.filter((c) => c.parentId === parentId && c.id !== codeId);
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[at - 1]?.rank;
  const after = siblings[at]?.rank;
  const rank =
    before === undefined && after === undefined
      ? code.rank
      : before === undefined
        ? after! - 1
        : after === undefined
          ? before + 1
          : (before + after) / 2;
  if ((before === undefined || rank > before) && (after === undefined || rank < after)) return new Map([[codeId, rank]]);
  const order = [...siblings.slice(0, at), code, ...siblings.slice(at)];
  return new Map(order.map((c, i) => [c.id, i]));
}

/** Distinct, readable colours for new codes, taken in turn. */
export const codePalette = [
  '#2a9d8f', '#e76f51', '#457b9d', '#8e5ea2', '#f4a261', '#52b788', '#c0392b', '#0096c7',
  '#b5838d', '#e9c46a', '#6a4c93', '#80b918', '#ff8fab', '#7f5539', '#48cae4', '#bc6c25',
];

export function nextCodeColor(codebook: readonly Code[]): string {
  const used = new Set(codebook.map((c) => c.color.toLowerCase()));
  return codePalette.find((c) => !used.has(c)) ?? codePalette[codebook.length % codePalette.length]!;
}
