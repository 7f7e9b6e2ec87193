import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { AboutInfo, ThirdPartyLicence } from '../../shared/about/about-info';
import { dependencyClosure, readDependencyTree } from './dependency-tree';

/**
 * Builds the About box's facts at build time: version, the date of the source, the licence,
 * where releases are published, and every third-party licence of the production dependency
 * tree (what ships in app.asar and what Vite bundled into the renderer), plus Electron's.
 * `aboutModule()` serves them to the renderer build as `virtual:marginalia-about`.
 */

export const ABOUT_MODULE_ID = 'virtual:marginalia-about';

const MIT_LICENCE = (year: string) => `MIT License

Copyright (c) ${year} The Marginalia authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

interface Manifest {
  name: string;
  version: string;
  license?: string;
  repository?: string | { url?: string };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A package's licence file: LICENSE, LICENCE, COPYING (any case, any extension), or null. */
function licenceText(packageDir: string): string | null {
  if (!existsSync(packageDir)) return null;
  const file = readdirSync(packageDir)
    .filter((name) => /^(licen[cs]e|copying)([.-].*)?$/i.test(name))
    .sort()[0];
  return file ? readFileSync(join(packageDir, file), 'utf8').trim() : null;
}

/** SOURCE_DATE_EPOCH (reproducible builds), else the last commit's date, else today. */
function sourceDate(root: string, env: NodeJS.ProcessEnv): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000).toISOString().slice(0, 10);
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  } catch {
    // Not a git checkout (a source archive): the build's own date will do.
  }
  return new Date().toISOString().slice(0, 10);
}

/** The release workflow names its releases page; else package.json's repository, if it names one. */
function releasesUrl(manifest: Manifest, env: NodeJS.ProcessEnv): string | null {
  if (env.MARGINALIA_RELEASES_URL) return env.MARGINALIA_RELEASES_URL;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/releases`;
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const match = repository ? /^(?:git\+)?(https:\/\/[^\s]+?)(?:\.git)?$/.exec(repository) : null;
  return match ? `${match[1]}/releases` : null;
}

export function aboutInfo(root: string, env: NodeJS.ProcessEnv = process.env): AboutInfo {
  const manifest = readJson<Manifest>(join(root, 'package.json'));
  const tree = readDependencyTree(root);
  const date = sourceDate(root, env);
  const electronDir = join(root, 'node_modules', 'electron');
  const electronVersion = readJson<{ version: string }>(join(electronDir, 'package.json')).version;
  const licenceTexts: string[] = [];
  const textIndex = (text: string | null): number | null => {
    if (text === null) return null;
    const at = licenceTexts.indexOf(text);
    return at === -1 ? licenceTexts.push(text) - 1 : at;
  };
  const thirdParty: ThirdPartyLicence[] = dependencyClosure(tree, tree.direct).map((pkg) => ({
    name: pkg.name,
    version: pkg.version,
    licence: pkg.license ?? 'not stated',
    text: textIndex(licenceText(join(root, pkg.path))),
  }));
  thirdParty.push({
    name: 'electron',
    version: electronVersion,
    licence: 'MIT',
    text: textIndex(licenceText(electronDir)),
    note: 'The desktop app runs on Electron; the licences of Chromium and the other parts of Electron are in LICENSES.chromium.html beside the app.',
  });
  thirdParty.sort((a, b) => a.name.localeCompare(b.name));
  return {
    productName: 'Marginalia',
    version: manifest.version,
    date,
    licence: manifest.license ?? 'not stated',
    licenceText: manifest.license === 'MIT' ? MIT_LICENCE(date.slice(0, 4)) : '',
    electronVersion,
    releasesUrl: releasesUrl(manifest, env),
    thirdParty,
    licenceTexts,
  };
}

/** Vite plugin: `import about from 'virtual:marginalia-about'` gets this build's AboutInfo. */
export function aboutModule(root: string): Plugin {
  const resolved = `\0${ABOUT_MODULE_ID}`;
  return {
    name: 'marginalia-about',
    resolveId: (source) => (source === ABOUT_MODULE_ID ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(aboutInfo(root))};` : undefined),
  };
}
