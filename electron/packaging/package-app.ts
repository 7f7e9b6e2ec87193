import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'electron-builder';
import { PACKAGE_OUT_DIR, builderConfig, isUnsigned } from './builder-config';
import { makeIcons } from './make-icons';

/**
 * `npm run package`: the installers for the operating system it runs on (the release workflow
 * runs it on Linux, macOS and Windows), from the built app. Signs when the host provides an
 * identity (CSC_LINK, and Apple's notarization variables on macOS); otherwise the installers
 * are named `-unsigned`. Writes SHA256SUMS-<os>.txt beside them.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const INSTALLERS = /\.(AppImage|deb|dmg|exe)$/;

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function main(): Promise<void> {
  await makeIcons(root);
  const unsigned = isUnsigned(process.platform, process.env);
  if (unsigned) console.log('No signing identity is set: the installers are built unsigned and named -unsigned.');
  await build({ projectDir: root, config: builderConfig(root, { unsigned }), publish: 'never' });

  const outDir = join(root, PACKAGE_OUT_DIR);
  const installers = (await readdir(outDir)).filter((name) => INSTALLERS.test(name)).sort();
  if (installers.length === 0) throw new Error(`electron-builder wrote no installer to ${PACKAGE_OUT_DIR}.`);
  const lines = await Promise.all(installers.map(async (name) => `${await sha256(join(outDir, name))}  ${name}`));
  const sums = join(outDir, `SHA256SUMS-${process.platform}.txt`);
  await writeFile(sums, `${lines.join('\n')}\n`);
  console.log(`Installers in ${PACKAGE_OUT_DIR}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
}

await main();
