import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, Platform, build } from 'electron-builder';
import { PACKAGE_OUT_DIR, builderConfig } from './builder-config';
import { devOnlyPackages, readDependencyTree } from './dependency-tree';
import { inspectPackage } from './inspect-package';
import type { PackageExpectations } from './inspect-package';
import { shippedPackages } from './shipped-packages';
import { makeStandInElectron } from './stand-in-electron';

/**
 * `npm run package:check`: packages the unpacked Linux app (electron-builder's `dir` target)
 * around a stand-in Electron, since Electron's binary cannot be downloaded here, then looks
 * inside it (inspect-package.ts) and prints what it found and the size. Exits 1 on any problem.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

function expectationsFor(projectRoot: string): PackageExpectations {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as PackageExpectations['manifest'];
  const tree = readDependencyTree(projectRoot);
  const { shipped, leftOut } = shippedPackages(tree);
  return {
    manifest: { name: manifest.name, version: manifest.version, main: manifest.main, type: manifest.type },
    builtFiles: ['out/main', 'out/preload', 'out/renderer'].flatMap(filesUnder).filter((f) => !f.endsWith('.map')),
    sampleFiles: filesUnder('resources/sample'),
    shipped,
    forbidden: [
      ...devOnlyPackages(tree).map((p) => ({ ...p, why: 'only development needs it' })),
      ...leftOut.map((p) => ({ ...p, why: 'the desktop app does not load it (see electron/packaging/shipped-packages.ts)' })),
    ],
  };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    console.error('package:check needs the built app: run `npm run build` first (npm run package:check does).');
    return 1;
  }
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const scratch = await mkdtemp(join(tmpdir(), 'marginalia-stand-in-electron-'));
  const started = Date.now();
  try {
    const standIn = await makeStandInElectron(scratch, electronVersion);
    console.log(`Packaging the unpacked Linux app around a stand-in for Electron ${electronVersion} (no download possible here).`);
    console.log('Fuses: skipped, the stand-in binary has none; the release build flips them (electron/packaging/builder-config.ts FUSES).');
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: builderConfig(root, { standInElectronDist: standIn }),
      publish: 'never',
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const appDir = join(root, PACKAGE_OUT_DIR, 'linux-unpacked');
  const result = inspectPackage(appDir, expectationsFor(root));
  console.log(`\nInspected ${relative(root, appDir)} (${((Date.now() - started) / 1000).toFixed(1)} s):`);
  console.log(`  app.asar: ${result.fileCount} files, ${result.packageCount} packages, ${megabytes(result.asarBytes)}`);
  console.log(`  worker threads: ${result.workers.length ? result.workers.join(', ') : 'none started from their own file'}; packages loaded by path for a worker: ${result.workerPackages.join(', ') || 'none'}`);
  console.log(`  the unpacked app: ${megabytes(result.appBytes)} (with the stand-in in place of Electron's ~250 MB)`);
  if (result.problems.length > 0) {
    console.error(`\npackage:check FAILED, ${result.problems.length} problem(s):`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log('\npackage:check passed: bundles, sample, production packages and workers are in app.asar, and nothing that must not be.');
  return 0;
}

// Exit explicitly: electron-builder's exit hooks would otherwise end the process with 0.
process.exit(await main());
