import type { Code } from '../../../../shared/domain/schemas';
import { buildCodeTree } from './codeTree';
import type { CodeNode } from './codeTree';

/** Codes as choices in a picker (merge into, autocode with), in tree order, and the picker's filter. Pure. */

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
