import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * node_modules as npm's lock file describes it: every installed package, whether only
 * development needs it, and what it depends on. Packaging, its check and the About box's
 * licence list all read the dependency tree through here.
 */

export interface LockedPackage {
  /** Its folder relative to the project root: `node_modules/a` or `node_modules/a/node_modules/b`. */
  path: string;
  name: string;
  version: string;
  /** The licence its package.json declares (SPDX expression), if any. */
  license: string | null;
  /** Only development needs it (npm's `dev` flag). */
  dev: boolean;
  /** Installed only where its platform matches, or optional for whoever needs it. */
  optional: boolean;
  dependencies: string[];
  optionalDependencies: string[];
}

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface DependencyTree {
  root: string;
  /** The project's own direct production dependencies (package.json `dependencies`). */
  direct: string[];
  packages: Map<string, LockedPackage>;
}

/** The package name a lock path ends with: `node_modules/@scope/x/node_modules/y` → `y`. */
function nameFromPath(path: string): string {
  const last = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return last;
}

export function readDependencyTree(root: string): DependencyTree {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, LockEntry> };
  const packages = new Map<string, LockedPackage>();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith('node_modules/')) continue;
    packages.set(path, {
      path,
      name: nameFromPath(path),
      version: entry.version ?? '',
      license: entry.license ?? null,
      dev: entry.dev === true,
      optional: entry.optional === true || entry.devOptional === true,
      dependencies: Object.keys(entry.dependencies ?? {}),
      optionalDependencies: Object.keys(entry.optionalDependencies ?? {}),
    });
  }
  return { root, direct: Object.keys(manifest.dependencies ?? {}), packages };
}

/** Node's lookup: the nearest `node_modules/<name>` from the requiring package's folder upwards. */
export function resolvePackage(tree: DependencyTree, from: string, name: string): LockedPackage | null {
  let base = from;
  for (;;) {
    const found = tree.packages.get(base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`);
    if (found) return found;
    if (base === '') return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

function installed(tree: DependencyTree, pkg: LockedPackage): boolean {
  return existsSync(join(tree.root, pkg.path, 'package.json'));
}

/**
 * Every package `names` need at run time, with theirs, as lock paths. Optional dependencies
 * count where they are installed (a platform's own build of a tool), and are skipped where not.
 */
export function dependencyClosure(tree: DependencyTree, names: readonly string[]): LockedPackage[] {
  const found = new Map<string, LockedPackage>();
  const visit = (from: string, name: string, optional: boolean) => {
    const pkg = resolvePackage(tree, from, name);
    if (pkg === null || found.has(pkg.path)) {
      if (pkg === null && !optional) throw new Error(`package-lock.json has no package ${name} (needed from ${from || 'the project'}): run npm install.`);
      return;
    }
    if (optional && !installed(tree, pkg)) return;
    found.set(pkg.path, pkg);
    for (const dep of pkg.dependencies) visit(pkg.path, dep, false);
    for (const dep of pkg.optionalDependencies) visit(pkg.path, dep, true);
  };
  for (const name of names) visit('', name, false);
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Packages that only development needs: tools, test runners, Electron's npm wrapper. */
export function devOnlyPackages(tree: DependencyTree): LockedPackage[] {
  return [...tree.packages.values()].filter((p) => p.dev);
}
