import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `../shared` beside the checkout holds real vendor files and fixtures that tests read in
 * place (never copied into the project). A fresh clone does not have it: the tests that need it
 * skip, and each file says so in one line rather than skipping in silence.
 */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** True when `path` exists; otherwise prints why `what` skips and returns false. */
export function haveShared(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`Skipping ${what}: ${path} is absent (../shared beside the checkout holds it; a fresh clone has none).`);
  return false;
}
