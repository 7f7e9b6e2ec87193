import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { openAppArchive } from './app-archive';
import type { AppArchive } from './app-archive';
import { isBuiltin, isRelative, moduleReferences, packageName } from './module-references';

/**
 * Looks inside a packaged app folder and says what is wrong with it: app.asar must hold what
 * the build wrote (main, preload, renderer, every worker), the sample, the production packages
 * the main process loads, and nothing else of note (no development packages, tests, source
 * maps, sources or .env files); every module and worker the main process loads must resolve
 * inside it; its package.json must name the entry. Used by `npm run package:check` and by a
 * unit test on an app folder broken on purpose.
 */

export interface PackageRef {
  name: string;
  version: string;
}

export interface PackageExpectations {
  /** The project's package.json fields the packaged one must repeat. */
  manifest: { name: string; version: string; main: string; type?: string };
  /** Every file the build wrote under out/, source maps aside (`out/main/index.js`, …). */
  builtFiles: readonly string[];
  /** Every file of the bundled sample (`resources/sample/…`). */
  sampleFiles: readonly string[];
  /** Packages app.asar must hold. */
  shipped: readonly PackageRef[];
  /** Packages it must not hold, each with the reason. */
  forbidden: readonly (PackageRef & { why: string })[];
}

export interface Inspection {
  problems: string[];
  /** Main-process files started by path (worker threads), as found in the built code. */
  workers: string[];
  /** Packages the main process resolves by path to hand to a worker. */
  workerPackages: string[];
  asarBytes: number;
  appBytes: number;
  fileCount: number;
  packageCount: number;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

const PACKAGE_JSON = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/;
const key = (p: PackageRef) => `${p.name}@${p.version}`;

/** name@version → where in the archive, for every package app.asar holds. */
function packagesIn(archive: AppArchive): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of archive.files.keys()) {
    const match = PACKAGE_JSON.exec(path);
    if (!match) continue;
    const { version } = JSON.parse(archive.read(path).toString('utf8')) as { version?: string };
    found.set(`${match[1]}@${version ?? '?'}`, path.slice(0, -'/package.json'.length));
  }
  return found;
}

/** Node's lookup inside the archive: `<dir>/node_modules/<name>` from the file's folder upwards. */
function packageReachable(archive: AppArchive, fromFile: string, name: string): boolean {
  let dir = posix.dirname(fromFile);
  for (;;) {
    const base = dir === '.' ? '' : `${dir}/`;
    if (archive.files.has(`${base}node_modules/${name}/package.json`)) return true;
    if (dir === '.') return false;
    dir = posix.dirname(dir);
  }
}

function fileProblem(path: string): string | null {
  const base = posix.basename(path);
  if (base.endsWith('.map')) return 'a source map';
  if (/^\.env(\..*)?$/.test(base)) return 'an environment file';
  if (/(^|\/)(tests?|__tests__|__mocks__)\//.test(path) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(base)) return 'a test file';
  if (!path.includes('node_modules/') && /\.(tsx?|mts|cts)$/.test(base)) return 'a source file';
  if (/^(electron|renderer|shared|tests)\//.test(path)) return 'a source file';
  return null;
}

/** The main process's module graph: every built main file and what it loads must resolve. */
function checkMainModules(archive: AppArchive, problems: string[], inspection: Inspection): void {
  const mainFiles = [...archive.files.keys()].filter((p) => p.startsWith('out/main/') && /\.[cm]?js$/.test(p));
  for (const file of mainFiles) {
    for (const ref of moduleReferences(archive.read(file).toString('utf8'))) {
      if (isBuiltin(ref.specifier)) continue;
      if (ref.kind === 'file' || isRelative(ref.specifier)) {
        const target = posix.normalize(posix.join(posix.dirname(file), ref.specifier));
        if (ref.kind === 'file' && !inspection.workers.includes(target)) inspection.workers.push(target);
        if (!archive.files.has(target)) problems.push(`${file} loads ${ref.specifier}, which is not in app.asar (${target}).`);
        continue;
      }
      const name = packageName(ref.specifier);
      if (ref.kind === 'package-path' && !inspection.workerPackages.includes(name)) inspection.workerPackages.push(name);
      if (!packageReachable(archive, file, name)) problems.push(`${file} needs the package ${name}, which app.asar does not hold.`);
    }
  }
}

function findAppArchive(appDir: string): string | null {
  const candidates = [join(appDir, 'resources', 'app.asar')];
  if (existsSync(appDir)) {
    for (const entry of readdirSync(appDir)) {
      if (entry.endsWith('.app')) candidates.push(join(appDir, entry, 'Contents', 'Resources', 'app.asar'));
    }
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function inspectPackage(appDir: string, expected: PackageExpectations): Inspection {
  const problems: string[] = [];
  const inspection: Inspection = { problems, workers: [], workerPackages: [], asarBytes: 0, appBytes: 0, fileCount: 0, packageCount: 0 };
  const asarPath = findAppArchive(appDir);
  if (asarPath === null) {
    problems.push(`${appDir} holds no resources/app.asar: the app was not packaged as an archive.`);
    return inspection;
  }
  const archive = openAppArchive(asarPath);
  inspection.asarBytes = statSync(asarPath).size;
  inspection.appBytes = folderBytes(appDir);
  inspection.fileCount = archive.files.size;

  // The package.json Electron starts from.
  if (!archive.files.has('package.json')) {
    problems.push('app.asar has no package.json, so Electron cannot find the app.');
  } else {
    const inside = JSON.parse(archive.read('package.json').toString('utf8')) as Record<string, unknown>;
    for (const field of ['name', 'version', 'main', 'type'] as const) {
      if (inside[field] !== expected.manifest[field]) {
        problems.push(`app.asar's package.json has ${field} ${JSON.stringify(inside[field])}, not ${JSON.stringify(expected.manifest[field])}.`);
      }
    }
    if (typeof inside.main === 'string' && !archive.files.has(posix.normalize(inside.main))) {
      problems.push(`app.asar's package.json names the entry ${inside.main}, which is not in app.asar.`);
    }
  }

  // The bundles and the sample.
  const named: readonly (readonly [string, (p: string) => boolean])[] = [
    ['the main-process bundle', (p) => p === expected.manifest.main],
    ['the preload bundle', (p) => p.startsWith('out/preload/')],
    ['the renderer page', (p) => p === 'out/renderer/index.html'],
    ['the renderer scripts', (p) => p.startsWith('out/renderer/') && p.endsWith('.js')],
  ];
  for (const [what, matches] of named) {
    if (![...archive.files.keys()].some(matches)) problems.push(`app.asar lacks ${what}.`);
  }
  for (const file of expected.builtFiles) {
    if (!archive.files.has(file)) problems.push(`The build wrote ${file}, but app.asar lacks it.`);
  }
  if (expected.sampleFiles.length === 0) problems.push('The project has no sample files to compare with (resources/sample).');
  const missingSample = expected.sampleFiles.filter((f) => !archive.files.has(f));
  if (missingSample.length > 0) {
    problems.push(`app.asar lacks ${missingSample.length} file(s) of the sample project: ${missingSample.slice(0, 5).join(', ')}${missingSample.length > 5 ? ', …' : ''}.`);
  }

  checkMainModules(archive, problems, inspection);

  // Packages: what must be there, what must not, and nothing unaccounted for.
  const present = packagesIn(archive);
  inspection.packageCount = present.size;
  const shipped = new Set(expected.shipped.map(key));
  for (const pkg of expected.shipped) {
    if (!present.has(key(pkg))) problems.push(`app.asar lacks the production package ${key(pkg)}.`);
  }
  const forbidden = new Map(expected.forbidden.filter((p) => !shipped.has(key(p))).map((p) => [key(p), p.why]));
  for (const [pkg, where] of present) {
    const why = forbidden.get(pkg);
    if (why !== undefined) problems.push(`app.asar holds ${pkg} (${where}), which it must not: ${why}.`);
    else if (!shipped.has(pkg)) problems.push(`app.asar holds ${pkg} (${where}), which is not in the production dependency tree.`);
  }

  // Files that have no business in a shipped app.
  for (const [path, file] of archive.files) {
    const problem = fileProblem(path);
    if (problem) problems.push(`app.asar holds ${problem}: ${path}.`);
    // The system loads native code from real files only (pdf.js's canvas is one).
    if (path.endsWith('.node') && !file.unpacked) problems.push(`app.asar holds a native module packed inside it, where it cannot be loaded: ${path}.`);
  }
  return inspection;
}
