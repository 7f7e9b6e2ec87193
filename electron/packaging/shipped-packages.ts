import { dependencyClosure } from './dependency-tree';
import type { DependencyTree, LockedPackage } from './dependency-tree';

/**
 * Production dependencies that the desktop app never loads from node_modules at run time,
 * and why. Everything else in the production tree goes into app.asar.
 */
export const NOT_SHIPPED: Readonly<Record<string, string>> = {
  react: 'bundled into the renderer by Vite',
  'react-dom': 'bundled into the renderer by Vite',
  '@dnd-kit/core': 'bundled into the renderer by Vite',
  '@fontsource/inter': 'its font files are copied into out/renderer by Vite',
  '@fontsource/source-serif-4': 'its font files are copied into out/renderer by Vite',
  // With its native esbuild binary, which would also break the universal macOS build.
  tsx: 'runs the command line from TypeScript; the desktop app runs the built bundles',
};

export interface ShippedPackages {
  /** What app.asar must hold: the production tree the main process and its workers load. */
  shipped: LockedPackage[];
  /** Production packages reached only through NOT_SHIPPED: app.asar must not hold them. */
  leftOut: LockedPackage[];
}

export function shippedPackages(tree: DependencyTree): ShippedPackages {
  const stale = Object.keys(NOT_SHIPPED).filter((name) => !tree.direct.includes(name));
  if (stale.length > 0) throw new Error(`NOT_SHIPPED names ${stale.join(', ')}, which package.json no longer depends on.`);
  const shipped = dependencyClosure(
    tree,
    tree.direct.filter((name) => !(name in NOT_SHIPPED)),
  );
  const kept = new Set(shipped.map((p) => p.path));
  const leftOut = dependencyClosure(tree, tree.direct).filter((p) => !kept.has(p.path));
  return { shipped, leftOut };
}
