/**
 * What goes into the packaged app and what the About box says, worked out from this project's
 * own package.json and lock file: the production packages the main process loads ship, what
 * Vite bundled and the command line's TypeScript runner do not, development packages never.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aboutInfo } from '../../../electron/packaging/about-info';
import { FUSES, builderConfig, isUnsigned } from '../../../electron/packaging/builder-config';
import { devOnlyPackages, readDependencyTree } from '../../../electron/packaging/dependency-tree';
import { shippedPackages } from '../../../electron/packaging/shipped-packages';
import { NO_NETWORK_STATEMENT } from '../../../shared/about/about-info';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tree = readDependencyTree(root);
const names = (list: readonly { name: string }[]) => list.map((p) => p.name);

describe('the packages the desktop app ships', () => {
  const { shipped, leftOut } = shippedPackages(tree);

  it('ships what the main process and its workers load, with their dependencies', () => {
    expect(names(shipped)).toEqual(expect.arrayContaining(['lowdb', 'steno', 'zod', 'xlsx', 'cfb', 'mammoth', 'yauzl', 'yazl', 'papaparse', 'fast-xml-parser']));
  });

  it('leaves out what Vite bundled into the renderer and the command line’s TypeScript runner', () => {
    for (const name of ['react', 'react-dom', 'scheduler', '@dnd-kit/core', '@fontsource/inter', 'tsx', 'esbuild']) {
      expect(names(shipped)).not.toContain(name);
    }
    expect(names(leftOut)).toEqual(expect.arrayContaining(['react', 'tsx', 'esbuild']));
  });

  // pdf.js 5 builds a DOMMatrix when it is imported and takes it from @napi-rs/canvas in Node:
  // without the native package no PDF can be read at all, although Marginalia draws no pages.
  it('ships pdf.js with the native canvas it cannot be imported without', () => {
    expect(names(shipped)).toEqual(expect.arrayContaining(['pdfjs-dist', '@napi-rs/canvas']));
    expect(names(shipped).filter((name) => name.startsWith('@napi-rs/canvas-')).length, 'this platform’s build of the canvas').toBeGreaterThan(0);
  });

  it('never ships a development package', () => {
    const dev = new Set(devOnlyPackages(tree).map((p) => p.path));
    expect(names(devOnlyPackages(tree))).toEqual(expect.arrayContaining(['electron', 'vitest', 'electron-builder']));
    expect(shipped.filter((p) => dev.has(p.path))).toEqual([]);
  });

  it('tells electron-builder to exclude exactly the packages left out', () => {
    const files = builderConfig(root).files as string[];
    for (const pkg of leftOut) expect(files).toContain(`!${pkg.path}{,/**}`);
    for (const pkg of shipped) expect(files.some((f) => f.startsWith(`!${pkg.path}{`))).toBe(false);
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/sample/**', '!**/*.map']));
  });
});

describe('the packaging configuration', () => {
  it('flips the fuses of the security checklist, except around the stand-in binary', () => {
    expect(FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(builderConfig(root).electronFuses).toBe(FUSES);
    const check = builderConfig(root, { standInElectronDist: '/tmp/stand-in' });
    expect(check.electronFuses).toBeNull();
    expect(check.electronDist).toBe('/tmp/stand-in');
  });

  it('builds an installer per operating system, publishes nothing and associates .qdpx', () => {
    const config = builderConfig(root);
    expect(config.publish).toBeNull();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, deleteAppDataOnUninstall: false });
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'qdpx' })]);
  });

  it('labels installers built without a signing identity, on the systems that sign', () => {
    expect(isUnsigned('darwin', {})).toBe(true);
    expect(isUnsigned('darwin', { CSC_LINK: 'base64…' })).toBe(false);
    expect(isUnsigned('win32', { WIN_CSC_LINK: 'base64…' })).toBe(false);
    expect(isUnsigned('linux', {})).toBe(false);
    expect(builderConfig(root, { unsigned: true }).artifactName).toContain('-unsigned.${ext}');
    expect(builderConfig(root).artifactName).not.toContain('unsigned');
  });
});

describe('the About box’s facts', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

  it('name this version, its source date, the licence and where releases are published', () => {
    const about = aboutInfo(root, { SOURCE_DATE_EPOCH: '1767225600', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'org/marginalia' });
    expect(about.version).toBe(manifest.version);
    expect(about.date).toBe('2026-01-01');
    expect(about.licence).toBe('MIT');
    expect(about.licenceText).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The Marginalia authors/);
    expect(about.releasesUrl).toBe('https://github.com/org/marginalia/releases');
    expect(aboutInfo(root, { MARGINALIA_RELEASES_URL: 'https://example.org/releases' }).releasesUrl).toBe('https://example.org/releases');
    expect(NO_NETWORK_STATEMENT).toBe('Marginalia never connects to the internet.');
  });

  it('list every production package’s licence, with its text, and Electron’s; no development tool', () => {
    const about = aboutInfo(root, {});
    const byName = new Map(about.thirdParty.map((p) => [p.name, p]));
    const xlsx = byName.get('xlsx');
    expect(xlsx?.licence).toBe('Apache-2.0');
    expect(about.licenceTexts[xlsx?.text ?? -1]).toMatch(/Apache License/);
    expect(byName.get('react')?.licence).toBe('MIT');
    expect(byName.get('@fontsource/inter')?.licence).toBe('OFL-1.1');
    expect(byName.get('electron')?.note).toMatch(/LICENSES\.chromium\.html/);
    for (const tool of ['vitest', 'electron-builder', 'eslint', 'typescript']) expect(byName.has(tool)).toBe(false);
    for (const name of tree.direct) expect(byName.has(name)).toBe(true);
  });
});
