#!/usr/bin/env node
// The `marginalia` command. It runs the command line as electron-vite built it
// (out/main/cli.js, which starts quickly) when that build is at least as new as every source
// file; in a checkout being worked on, where it is not, it runs the TypeScript sources through
// tsx's loader instead, so the command always does what the sources say.
import { fileURLToPath } from 'node:url';
import { builtCliIsFresh } from './build-freshness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

if (builtCliIsFresh(root)) {
  await import(`${root}out/main/cli.js`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
