import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { projectView } from '../../../electron/services/project/project-view';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { operationContext } from '../../../shared/operations/context';
import { saveQuery } from '../../../shared/operations/query-ops';
import { runQuery } from '../../../shared/query';
import type { QueryResult } from '../../../shared/query';
import { marginalia } from '../../helpers/cli';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { XLSX } from '../export/export-fixture';

const tempDir = useTempDirs();

// Passages Amara coded at Tackling stigma that Tom did not, outside the commissioners' groups.
const QUERY = '"Tackling stigma" BY "Amara Okafor" AND NOT "Tackling stigma" BY "Tom Reilly" WHERE "Stakeholder group" != Commissioners';
const WIDE = '"Tackling stigma" NEAR(turn) "Trust in services" OR "Zero suicide" WHERE "Stakeholder group" != Commissioners';

// Each test starts the command several times (a few seconds each on a busy two-core machine).
describe('marginalia query', { timeout: 90_000 }, () => {
  let root: string;
  let dir: string;
  let expected: QueryResult;

  // One sample project for every test (useTempDirs would remove it after the first).
  afterAll(() => rm(root, { recursive: true, force: true }));
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-query-'));
    dir = join(root, 'Sample.marginalia');
    const deps = { now: fixedDeps().now, newId: () => randomUUID() };
    const store = await createSampleProject(resolve('resources'), dir, deps);
    await store.applyPatch(saveQuery(operationContext(store.state, deps), deps.newId(), 'Wide stigma', WIDE));
    await store.close();
    const reader = await ProjectStore.open(dir, fixedDeps(), { access: 'read' });
    expected = await runQuery(projectView(reader), WIDE);
  });

  it('prints each passage with its document, speaker, place and context, under the query as understood', async () => {
    const { code, stdout } = await marginalia('query', dir, QUERY);
    expect(code).toBe(0);
    expect(stdout).toContain('Query: "Tackling stigma" BY "Amara Okafor" AND NOT "Tackling stigma" BY "Tom Reilly" WHERE "Stakeholder group" != "Commissioners"');
    expect(stdout).toContain('1 passage in 1 of 15 documents (115 characters).');
    expect(stdout).toMatch(/01 Hackney: young people · Young carer · characters \d+–\d+\n {4}….*«Not the school counsellor, because everyone sees you walk into that room\. By lunch it's round the whole year group\.» I look after my mum/s);
  });

  it('--json gives the same passages as the query run in the app', async () => {
    expect(expected.passages.length).toBeGreaterThan(3);
    const { code, stdout } = await marginalia('query', dir, WIDE, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ query: WIDE, ...expected });
  });

  it('--xlsx writes one row per passage with the document\'s attributes, and the query', async () => {
    const out = join(await tempDir(), 'query.xlsx');
    const { code, stdout } = await marginalia('query', dir, WIDE, '--xlsx', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}`);
    const workbook = XLSX.read(await readFile(out));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['Passages']!);
    expect(rows).toHaveLength(expected.passages.length);
    expect(rows[0]).toMatchObject({ Document: expected.passages[0]!.document, Passage: expected.passages[0]!.text, Start: expected.passages[0]!.start });
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['Borough', 'Stakeholder group', 'Speaker', 'Before', 'After']));
    const about = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['Query']!, { header: 1 });
    expect(about).toContainEqual(['Query as written', WIDE]);
  });

  it('says when nothing matches, and shows where a query is wrong (exit 2)', async () => {
    const none = await marginalia('query', dir, '"Zero suicide" AND "A healthy workforce" WHERE Borough = Camden');
    expect(none).toMatchObject({ code: 0, stderr: '' });
    expect(none.stdout).toContain('No passages found in 1 document.');
    const bad = await marginalia('query', dir, '"Tackling stigma" NEAR "Zero suicide"');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Tackling stigma" NEAR "Zero suicide"\n                       ^^^^^^^^^^^^^^\nExpected "(" after NEAR');
    const unknown = await marginalia('query', dir, 'Stigma');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/There is no code "Stigma" in this project\. Did you mean "Tackling stigma"\?/);
    expect((await marginalia('query', dir)).code).toBe(2);
    expect((await marginalia('query', join(dir, 'missing'), 'Stigma')).stderr).toMatch(/There is no project folder/);
  });

  it('--xlsx never replaces a file without --force, and --force replaces it', async () => {
    const out = join(await tempDir(), 'passages.xlsx');
    await writeFile(out, 'last week\'s passages');
    const refused = await marginalia('query', dir, WIDE, '--xlsx', out);
    expect(refused).toMatchObject({ code: 1, stderr: `marginalia query: ${out} already exists: give --force to replace it.\n` });
    expect(await readFile(out, 'utf-8')).toBe('last week\'s passages');
    expect((await marginalia('query', dir, WIDE, '--xlsx', out, '--force')).code).toBe(0);
    expect(XLSX.utils.sheet_to_json(XLSX.read(await readFile(out)).Sheets['Passages']!)).toHaveLength(expected.passages.length);
  });

  it('--xlsx never writes inside the project, and names a file it cannot write, in one line', async () => {
    const projectJson = join(dir, 'project.json');
    const before = await readFile(projectJson, 'utf-8');
    const inside = await marginalia('query', dir, WIDE, '--xlsx', projectJson, '--force');
    expect(inside).toMatchObject({ code: 1, stderr: `marginalia query: will not write ${projectJson}: it is inside the project folder ${dir}; choose a file outside it.\n` });
    expect(await readFile(projectJson, 'utf-8')).toBe(before);
    const folder = await tempDir();
    const missing = join(folder, 'no such folder', 'passages.xlsx');
    expect(await marginalia('query', dir, WIDE, '--xlsx', missing)).toMatchObject({ code: 1, stderr: `marginalia query: cannot write ${missing}: its folder does not exist.\n` });
    await mkdir(join(folder, 'a folder'));
    expect(await marginalia('query', dir, WIDE, '--xlsx', join(folder, 'a folder'))).toMatchObject({ code: 1, stderr: `marginalia query: cannot write ${join(folder, 'a folder')}: it is a folder.\n` });
    const empty = await marginalia('query', dir, WIDE, '--xlsx', '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^marginalia query: --xlsx needs a file name\n/);
  });

  it('stops quietly when the reader of its output has had enough (| head)', async () => {
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'query', dir, WIDE, '--json']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader goes before a word is printed: every write the command makes meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.once('close', done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('--saved runs a query saved in the project, by its name in any case', async () => {
    const saved = await marginalia('query', dir, '--saved', 'WIDE stigma', '--json');
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toEqual({ query: WIDE, ...expected });
    expect(await marginalia('query', dir, '--saved', 'Narrow stigma')).toMatchObject({
      code: 1,
      stderr: 'marginalia query: there is no saved query "Narrow stigma" (saved: "Wide stigma").\n',
    });
    const both = await marginalia('query', dir, WIDE, '--saved', 'Wide stigma');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^marginalia query: give a query or --saved NAME, not both\n/);
  });
});
