// Whether electron-vite's build of the command line (out/main/cli.js) is at least as new as
// every TypeScript source it is built from. Plain JavaScript: bin.mjs needs it before any
// TypeScript can run, and the benchmark uses it to know whether to build first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function builtCliIsFresh(root) {
  const built = join(root, 'out', 'main', 'cli.js');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  for (const dir of ['electron', 'shared'].map((d) => join(root, d))) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts') && statSync(join(entry.parentPath, entry.name)).mtimeMs > builtAt) return false;
    }
  }
  return true;
}
