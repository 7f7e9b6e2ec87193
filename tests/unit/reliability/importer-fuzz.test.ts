import { existsSync, readFileSync } from 'node:fs';
import { haveShared, sharedPath } from '../../helpers/shared-files';
import { join } from 'node:path';
import fc from 'fast-check';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../../electron/services/project/create-project';
import { importFile } from '../../helpers/store-edits';
import type { ImportItemOptions } from '../../../shared/api/contract';
import { ProjectSession, scriptUser } from '../../../electron/services/workbench/project-session';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const fixtures = sharedPath('fixtures', 'qualcoder-examples');
const refiSamples = sharedPath('refi-qda', 'samples');
// The real files are mutated too when they are here; the generated ones always are.
haveShared(fixtures, 'fuzzing the QualCoder example files');
haveShared(refiSamples, 'fuzzing the REFI-QDA sample');

/** A small valid file of every format, so mutations start from something an importer accepts. */
async function seeds(): Promise<{ name: string; bytes: Uint8Array; options: ImportItemOptions }[]> {
  const zip = async (entries: Record<string, string>) => {
    const z = new yazl.ZipFile();
    for (const [name, text] of Object.entries(entries)) z.addBuffer(Buffer.from(text), name);
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream) chunks.push(c as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  };
  const own = [
    { name: 'talk.txt', bytes: new TextEncoder().encode('Facilitator: What helps?\n\nP1: A place to go.\n'), options: {} },
    { name: 'talk.md', bytes: new TextEncoder().encode('# Notes\n\nResident: We need a lunch club.\n'), options: {} },
    { name: 'talk.vtt', bytes: new TextEncoder().encode('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello there\n\n00:00:02.500 --> 00:00:04.000\n<v Ben>Hi Ann\n'), options: {} },
    { name: 'talk.srt', bytes: new TextEncoder().encode('1\n00:00:01,000 --> 00:00:02,000\nAnn: Hello\n\n2\n00:00:02,500 --> 00:00:03,000\nBen: Hi\n'), options: {} },
    { name: 'survey.csv', bytes: new TextEncoder().encode('Case,Age,Answer\nA1,30,"I waited, and waited"\nA2,41,It was fine\n'), options: { spreadsheet: { textColumns: ['Answer'], mode: 'row' as const, nameColumn: 'Case' } } },
    {
      name: 'talk.odt',
      bytes: await zip({
        mimetype: 'application/vnd.oasis.opendocument.text',
        'content.xml': '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Ann: hello</text:p></office:text></office:body></office:document-content>',
      }),
      options: {},
    },
  ];
  const real = [
    ['ID1.docx', fixtures],
    ['ID2.odt', fixtures],
    ['survey789.xlsx', fixtures],
    ['qc-cproctor-demo.qdpx', refiSamples],
  ]
    .filter(([name, dir]) => existsSync(join(dir!, name!)))
    .map(([name, dir]) => ({
      name: name!,
      bytes: new Uint8Array(readFileSync(join(dir!, name!))),
      options: name!.endsWith('.xlsx') ? { spreadsheet: { textColumns: ['freetext'], mode: 'row' as const } } : {},
    }));
  return [...own, ...real];
}

/** A damaged copy: bytes flipped, a stretch cut out or overwritten, or the file truncated. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

type Mutation = { kind: 'flip'; at: number; count: number } | { kind: 'truncate'; at: number } | { kind: 'splice'; at: number; bytes: Uint8Array };

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  if (m.kind === 'truncate') return bytes.slice(0, at);
  const out = new Uint8Array(bytes);
  if (m.kind === 'flip') for (let i = 0; i < m.count; i++) out[(at + i * 97) % out.length]! ^= 0xff;
  else out.set(m.bytes.slice(0, out.length - at), at);
  return out;
}

describe('every importer, fed damaged and random files', () => {
  it('either imports or says what is wrong, within a time limit, and leaves the project sound', async () => {
    const files = await seeds();
    const dir = join(await tempDir(), 'fuzz');
    const deps = fixedDeps();
    const store = await createProject(dir, { name: 'Fuzz', template: 'empty' }, deps);
    const session = new ProjectSession(store, scriptUser, deps);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), mutation, async (seed, m) => {
        runs++;
        const bytes = mutate(seed.bytes, m);
        const started = Date.now();
        const result = await importFile(session, { name: seed.name, bytes }, seed.options);
        expect(Date.now() - started).toBeLessThan(25_000);
        expect(['imported', 'skipped', 'failed']).toContain(result.status);
        if (result.status === 'failed') expect(result.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 60, seed: 20261127 },
    );
    expect(runs).toBe(60);
    const { checkProject } = await import('../../../electron/services/project/check-project');
    await store.flush();
    expect(await checkProject(dir)).toEqual([]);
  }, 240_000);

  it('refuses pure noise under every supported name with a readable reason', async () => {
    const dir = join(await tempDir(), 'noise');
    const deps = fixedDeps();
    const session = new ProjectSession(await createProject(dir, { name: 'Noise', template: 'empty' }, deps), scriptUser, deps);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.txt', 'a.md', 'a.docx', 'a.odt', 'a.vtt', 'a.srt', 'a.csv', 'a.xlsx', 'a.qdpx', 'a.qdc'), fc.uint8Array({ maxLength: 2048 }), async (name, bytes) => {
        const result = await importFile(session, { name, bytes }, name.endsWith('.csv') || name.endsWith('.xlsx') ? { spreadsheet: { textColumns: ['x'], mode: 'row' } } : {});
        expect(['imported', 'skipped', 'failed']).toContain(result.status);
        if (result.status === 'failed') expect(result.message).toMatch(/\w{3,}/);
      }),
      { numRuns: 80, seed: 7 },
    );
  }, 240_000);
});
