import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Same rule as electron/launch/start.mjs; `require('electron')` would try to download it. */
export function electronBinary(): string | null {
  const electronDir = join(root, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = join(electronDir, 'dist', relative);
  return relative && existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING =
  'Electron binary not installed (no access to its download server here); run npm start on a machine with internet.';
