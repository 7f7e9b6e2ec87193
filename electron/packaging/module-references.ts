import { builtinModules } from 'node:module';

/**
 * What a built main-process file needs at run time, read from Rolldown's output: modules it
 * imports or requires, files it loads by path (worker threads: `new URL('./w.js',
 * import.meta.url)`, `join(import.meta.dirname, 'w.js')`), and packages it resolves to hand
 * their path to a worker (`createRequire(…).resolve('xlsx')`). Pure: text in, references out.
 */

export type ReferenceKind = 'module' | 'file' | 'package-path';

export interface ModuleReference {
  kind: ReferenceKind;
  specifier: string;
}

const PATTERNS: readonly (readonly [ReferenceKind, RegExp])[] = [
  // Statements only (at a line start or after `;`/`}`), so the word in a string ('import') is not one.
  ['module', /(?:^|[;}])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/gm],
  ['module', /(?:^|[;}])\s*export\s*(?:\*|\{[\w$\s,]*\})\s*from\s*["']([^"']+)["']/gm],
  ['module', /\bimport\(\s*["']([^"']+)["']\s*\)/g],
  ['module', /\brequire\(\s*["']([^"']+)["']\s*\)/g],
  ['file', /\bnew\s+URL\(\s*["']([^"']+\.(?:[cm]?js|wasm|node))["']\s*,\s*import\.meta\.url\s*\)/g],
  ['file', /\bjoin\(\s*(?:import\.meta\.dirname|__dirname)\s*,\s*["']([^"']+\.(?:[cm]?js|wasm|node))["']\s*\)/g],
  ['package-path', /(?:\brequire|\))\.resolve\(\s*["']([^"'./][^"']*)["']\s*\)/g],
];

export function moduleReferences(code: string): ModuleReference[] {
  const seen = new Set<string>();
  const found: ModuleReference[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1]!;
      const key = `${kind}\n${specifier}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ kind, specifier });
    }
  }
  return found;
}

const BUILTINS = new Set([...builtinModules, 'electron']);

/** Node's and Electron's own modules: nothing to find in app.asar. */
export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]!);
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** `@scope/pkg/sub/path` → `@scope/pkg`; `pkg/sub` → `pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
