import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A stand-in for an unpacked Linux Electron distribution, for packaging where Electron's own
 * download is out of reach: the layout electron-builder copies (the `electron` executable,
 * LICENSE, version, resources/), with a script in place of the binary. An app packaged with
 * it has everything of Marginalia's own and cannot run; its binary has no fuses to flip.
 */

export const STAND_IN_MARKER = 'MARGINALIA-STAND-IN-ELECTRON';

export async function makeStandInElectron(dir: string, electronVersion: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const binary = join(dir, 'electron');
  await writeFile(
    binary,
    [
      '#!/bin/sh',
      `# ${STAND_IN_MARKER}: made by npm run package:check in place of Electron ${electronVersion}.`,
      'echo "This is a stand-in for the Electron binary: the app was packaged only to be checked." >&2',
      'exit 1',
      '',
    ].join('\n'),
  );
  await chmod(binary, 0o755);
  await writeFile(join(dir, 'version'), electronVersion);
  await writeFile(join(dir, 'LICENSE'), `${STAND_IN_MARKER}: not Electron; Electron's licence ships with the real binary.\n`);
  return dir;
}
