import type { Code } from '../../../../shared/domain/schemas';
import { parseCodePath, resolveCodePath } from '../../../../shared/operations/code-while-coding';

/** A codable code as the palette lists it: with the names of its ancestors. */
export interface PaletteEntry {
  code: Code;
  /** Ancestor names, outermost first. */
  path: string[];
}

/** Every codable code in codebook order, each with its path. */
export function paletteEntries(codes: readonly Code[]): PaletteEntry[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return codes
    .filter((c) => c.codable)
    .map((code) => {
      const path: string[] = [];
      const seen = new Set<string>([code.id]);
      let parent = code.parentId ? byId.get(code.parentId) : undefined;
      while (parent && !seen.has(parent.id)) {
        seen.add(parent.id);
        path.unshift(parent.name);
        parent = parent.parentId ? byId.get(parent.parentId) : undefined;
      }
      return { code, path };
    });
}

/**
 * The entries matching `query`: every word of it must appear in the code's name or path.
 * Names that start with the query come first, then names containing it, then path matches;
 * codebook order within each.
 */
export function filterPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...entries];
  const words = q.split(/\s+/);
  const scored: { entry: PaletteEntry; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const name = entry.code.name.toLocaleLowerCase();
    const full = [...entry.path, entry.code.name].join(' / ').toLocaleLowerCase();
    if (!words.every((w) => full.includes(w))) return;
    const score = name.startsWith(q) ? 0 : name.includes(q) ? 1 : words.every((w) => name.includes(w)) ? 2 : 3;
    scored.push({ entry, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.entry);
}

/** "Create code "NAME" and code the selection", for what was typed in the palette. */
export interface NewCodeOffer {
  /** What to send as coding.createCodeAndApply's name (a path for a sub-code). */
  typed: string;
  /** The new code's name. */
  name: string;
  /** The codes it goes under, outermost first: existing ones, then ones made with it. */
  parents: string[];
}

/**
 * The offer for a query naming a code that does not exist yet ("Parent/Child": a code under
 * another), or null when the query names an existing code or cannot be a code's name.
 */
export function newCodeOffer(codebook: readonly Code[], query: string): NewCodeOffer | null {
  if (!query.trim()) return null;
  let parts: string[];
  try {
    parts = parseCodePath(query);
  } catch {
    return null;
  }
  const { found, missing } = resolveCodePath(codebook, parts);
  if (missing.length === 0) return null;
  return { typed: parts.join('/'), name: missing[missing.length - 1]!, parents: [...found.map((c) => c.name), ...missing.slice(0, -1)] };
}
