#!/usr/bin/env node
// The `marginalia` command. It runs the command line as electron-vite built it
// (out/main/cli.js, which starts quickly) when that build is at least as new as every source
// file; in a checkout being worked on, where it is not, it runs the TypeScript sources through
// tsx's loader instead, so the command always does what the sources say.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = `${root}out/main/cli.js`;

/** The newest modification time of the TypeScript under these folders (0 when there is none). */
function newestSource(dirs) {
  let newest = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

if (existsSync(built) && statSync(built).mtimeMs >= newestSource([`${root}electron`, `${root}shared`])) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
