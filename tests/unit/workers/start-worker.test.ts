import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ExportWorkerInput, ExportWorkerMessage } from '../../../electron/services/export/export-in-worker';
import { exportInWorker } from '../../../electron/services/export/export-in-worker';
import type { ExportJob } from '../../../electron/services/export/export-job';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { workerEntry } from '../../../electron/services/workers/start-worker';
import { exportWorker, workerModules } from '../../../electron/services/workers/worker-modules';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { XLSX } from '../export/export-fixture';

const tempDir = useTempDirs();
const builtWorker = resolve('out/main/export-worker.js');

async function sampleProject(): Promise<string> {
  const dir = join(await tempDir(), 'Sample.marginalia');
  await (await createSampleProject(resolve('resources'), dir, fixedDeps())).close();
  return dir;
}

describe('worker threads', () => {
  it('start from their TypeScript module through tsx, or from the file electron-vite built beside the bundle', () => {
    const source = resolve('electron/services/workers/start-worker.ts');
    expect(workerEntry(exportWorker, source)).toEqual({
      file: resolve('electron/services/workers/tsx-worker.mjs'),
      argv: [pathToFileURL(resolve('electron/services/export/export-worker.ts')).href],
    });
    expect(workerEntry(exportWorker, resolve('out/main/index.js'))).toEqual({ file: resolve('out/main/export-worker.js'), argv: [] });
    for (const module of workerModules) expect(existsSync(resolve(module.source)), module.source).toBe(true);
  });

  it('run an app export off the calling thread, with progress, and name what went wrong', async () => {
    const dir = await sampleProject();
    const stages = new Set<string>();
    const job: ExportJob = {
      format: 'xlsx',
      selection: { codeIds: null, documentIds: null, attributes: {}, coderIds: null },
      workbook: { attributeColumns: 'all', crossAttributes: [], rollUp: true, counting: 'distinct', sheetPerCode: false, agreement: null },
    };
    const { bytes, outcome } = await exportInWorker(dir, job, (_d, _t, stage) => stages.add(stage));
    expect(XLSX.read(bytes).SheetNames[0]).toBe('Coded segments');
    expect(outcome.contents).toMatch(/^\d+ sheets, \d+ codings$/);
    expect(stages).toContain('Reading documents');
    await expect(exportInWorker(join(dir, 'gone'), job)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no project folder/) });
  });

  // `npm test` builds before the unit tests; run alone without a build, this says so and skips.
  it.skipIf(!existsSync(builtWorker))('run as built by electron-vite, in plain Node (skips without out/main: run npm run build)', async () => {
    const dir = await sampleProject();
    const input: ExportWorkerInput = { projectDir: dir, job: { format: 'qdc' } };
    const worker = new Worker(builtWorker, { workerData: input });
    const messages: ExportWorkerMessage[] = [];
    await new Promise<void>((done, fail) => {
      worker.on('message', (m: ExportWorkerMessage) => {
        messages.push(m);
        if (m.type !== 'progress') done();
      });
      worker.once('error', fail);
    });
    await worker.terminate();
    const last = messages.at(-1)!;
    expect(last.type).toBe('done');
    if (last.type === 'done') expect(Buffer.from(last.bytes).toString('utf8')).toMatch(/<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
  });
});
