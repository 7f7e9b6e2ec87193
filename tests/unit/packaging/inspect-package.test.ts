/**
 * The packaged-app inspector behind `npm run package:check`, run on app folders made here:
 * one packaged as it should be, and copies with one thing wrong each (the sample or a worker
 * left out, a development package, a source map, an .env file, tests, a wrong entry). Every
 * one of them must fail, naming what is wrong.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createPackage } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import { inspectPackage } from '../../../electron/packaging/inspect-package';
import type { PackageExpectations } from '../../../electron/packaging/inspect-package';
import { moduleReferences } from '../../../electron/packaging/module-references';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** The files of a correctly packaged app, as app.asar should hold them. */
function goodApp(): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'marginalia', version: '1.2.3', main: 'out/main/index.js', type: 'module' }),
    'out/main/index.js': [
      'import { z } from "zod";',
      'import { Worker } from "node:worker_threads";',
      'import { app } from "electron";',
      'const reader = new Worker(new URL("./chunks/pdf-worker.js", import.meta.url));',
      'const xlsxPath = createRequire(import.meta.url).resolve("xlsx");',
    ].join('\n'),
    'out/main/chunks/pdf-worker.js': 'import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";\nimport { parse } from "./shared.js";',
    'out/main/chunks/shared.js': 'export const parse = () => 1;',
    'out/preload/index.cjs': 'require("electron");',
    'out/renderer/index.html': '<script type="module" src="./assets/index.js"></script>',
    'out/renderer/assets/index.js': 'console.log(1)',
    'resources/sample/sample.json': '{}',
    'resources/sample/conversations/01.txt': 'Hello',
    'node_modules/zod/package.json': JSON.stringify({ name: 'zod', version: '4.0.0' }),
    'node_modules/zod/index.js': '',
    'node_modules/xlsx/package.json': JSON.stringify({ name: 'xlsx', version: '0.18.5' }),
    'node_modules/pdfjs-dist/package.json': JSON.stringify({ name: 'pdfjs-dist', version: '5.0.0' }),
  };
}

const expected: PackageExpectations = {
  manifest: { name: 'marginalia', version: '1.2.3', main: 'out/main/index.js', type: 'module' },
  builtFiles: [
    'out/main/index.js',
    'out/main/chunks/pdf-worker.js',
    'out/main/chunks/shared.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'out/renderer/assets/index.js',
  ],
  sampleFiles: ['resources/sample/sample.json', 'resources/sample/conversations/01.txt'],
  shipped: [
    { name: 'zod', version: '4.0.0' },
    { name: 'xlsx', version: '0.18.5' },
    { name: 'pdfjs-dist', version: '5.0.0' },
  ],
  forbidden: [
    { name: 'vitest', version: '4.1.0', why: 'only development needs it' },
    { name: 'react', version: '19.0.0', why: 'the desktop app does not load it' },
  ],
};

/** An unpacked app folder (resources/app.asar) holding these files. */
async function packagedApp(files: Record<string, string>): Promise<string> {
  const root = await tempDir();
  const source = join(root, 'app');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(source, path)), { recursive: true });
    await writeFile(join(source, path), content);
  }
  const appDir = join(root, 'linux-unpacked');
  await mkdir(join(appDir, 'resources'), { recursive: true });
  await createPackage(source, join(appDir, 'resources', 'app.asar'));
  return appDir;
}

function without(files: Record<string, string>, ...paths: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !paths.includes(path)));
}

describe('inspectPackage', () => {
  it('passes a correctly packaged app and finds its worker and the package it hands a worker', async () => {
    const result = inspectPackage(await packagedApp(goodApp()), expected);
    expect(result.problems).toEqual([]);
    expect(result.workers).toEqual(['out/main/chunks/pdf-worker.js']);
    expect(result.workerPackages).toEqual(['xlsx']);
    expect(result.packageCount).toBe(3);
    expect(result.asarBytes).toBeGreaterThan(0);
  });

  it('fails when the sample is left out', async () => {
    const result = inspectPackage(await packagedApp(without(goodApp(), 'resources/sample/conversations/01.txt')), expected);
    expect(result.problems).toEqual(['app.asar lacks 1 file(s) of the sample project: resources/sample/conversations/01.txt.']);
  });

  it('fails when a worker is left out, and when a worker’s own import is missing', async () => {
    const noWorker = inspectPackage(await packagedApp(without(goodApp(), 'out/main/chunks/pdf-worker.js')), expected);
    expect(noWorker.problems).toEqual([
      'The build wrote out/main/chunks/pdf-worker.js, but app.asar lacks it.',
      'out/main/index.js loads ./chunks/pdf-worker.js, which is not in app.asar (out/main/chunks/pdf-worker.js).',
    ]);
    const noChunk = inspectPackage(await packagedApp(without(goodApp(), 'out/main/chunks/shared.js')), expected);
    expect(noChunk.problems).toContain('out/main/chunks/pdf-worker.js loads ./shared.js, which is not in app.asar (out/main/chunks/shared.js).');
  });

  it('fails when a package the main process or a worker needs is left out', async () => {
    const files = without(goodApp(), 'node_modules/pdfjs-dist/package.json', 'node_modules/xlsx/package.json');
    const result = inspectPackage(await packagedApp(files), expected);
    expect(result.problems).toEqual([
      'out/main/chunks/pdf-worker.js needs the package pdfjs-dist, which app.asar does not hold.',
      'out/main/index.js needs the package xlsx, which app.asar does not hold.',
      'app.asar lacks the production package xlsx@0.18.5.',
      'app.asar lacks the production package pdfjs-dist@5.0.0.',
    ]);
  });

  it('fails on development packages, packages left out on purpose, and unknown ones', async () => {
    const result = inspectPackage(
      await packagedApp({
        ...goodApp(),
        'node_modules/vitest/package.json': JSON.stringify({ name: 'vitest', version: '4.1.0' }),
        'node_modules/react/package.json': JSON.stringify({ name: 'react', version: '19.0.0' }),
        'node_modules/zod/node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', version: '1.0.0' }),
      }),
      expected,
    );
    expect(result.problems).toEqual([
      'app.asar holds react@19.0.0 (node_modules/react), which it must not: the desktop app does not load it.',
      'app.asar holds vitest@4.1.0 (node_modules/vitest), which it must not: only development needs it.',
      'app.asar holds left-pad@1.0.0 (node_modules/zod/node_modules/left-pad), which is not in the production dependency tree.',
    ]);
  });

  it('fails on source maps, .env files, tests and sources', async () => {
    const result = inspectPackage(
      await packagedApp({
        ...goodApp(),
        'out/main/index.js.map': '{}',
        '.env': 'SECRET=1',
        'tests/unit/a.test.ts': '',
        'node_modules/zod/tests/x.js': '',
        'electron/main/index.ts': '',
      }),
      { ...expected },
    );
    expect(result.problems).toEqual([
      'app.asar holds an environment file: .env.',
      'app.asar holds a source file: electron/main/index.ts.',
      'app.asar holds a test file: node_modules/zod/tests/x.js.',
      'app.asar holds a source map: out/main/index.js.map.',
      'app.asar holds a test file: tests/unit/a.test.ts.',
    ]);
  });

  it('fails on a native module packed inside the archive instead of beside it', async () => {
    const result = inspectPackage(await packagedApp({ ...goodApp(), 'node_modules/zod/skia.node': 'ELF' }), { ...expected });
    expect(result.problems).toEqual(['app.asar holds a native module packed inside it, where it cannot be loaded: node_modules/zod/skia.node.']);
  });

  it('fails when package.json names another entry, or the entry is missing', async () => {
    const files = { ...goodApp(), 'package.json': JSON.stringify({ name: 'marginalia', version: '1.2.3', main: 'out/main/main.js', type: 'module' }) };
    const result = inspectPackage(await packagedApp(files), expected);
    expect(result.problems).toEqual([
      'app.asar\'s package.json has main "out/main/main.js", not "out/main/index.js".',
      "app.asar's package.json names the entry out/main/main.js, which is not in app.asar.",
    ]);
  });

  it('fails when there is no app.asar at all', async () => {
    const result = inspectPackage(await tempDir(), expected);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/holds no resources\/app\.asar/);
  });
});

describe('moduleReferences', () => {
  it('reads imports, requires, workers started by path and packages resolved for a worker', () => {
    const code = [
      'import x, { y } from "a";',
      'import "./side.js";',
      'const w = new Worker(new URL("./w.js", import.meta.url));',
      'const m = join(import.meta.dirname, "./chunks/m-worker.js");',
      'const p = require.resolve("b/package.json");',
      'const q = await import("./lazy.js");',
      'const up = join(__dirname, "..");',
      'path.resolve("not-a-package");',
      'send({ action: \'import\', files }); emit(\'x\');',
      'export * from "c";',
    ].join('\n');
    expect(moduleReferences(code)).toEqual([
      { kind: 'module', specifier: 'a' },
      { kind: 'module', specifier: './side.js' },
      { kind: 'module', specifier: 'c' },
      { kind: 'module', specifier: './lazy.js' },
      { kind: 'file', specifier: './w.js' },
      { kind: 'file', specifier: './chunks/m-worker.js' },
      { kind: 'package-path', specifier: 'b/package.json' },
    ]);
  });
});
