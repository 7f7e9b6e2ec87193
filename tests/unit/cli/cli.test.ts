import { haveShared, sharedPath } from '../../helpers/shared-files';
import { allDocuments } from '../../helpers/backend';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectLayout } from '../../../electron/services/project/layout';
import { loadProject } from '../../../electron/services/project/project-loader';
import { marginalia } from '../../helpers/cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const fixtures = sharedPath('fixtures', 'qualcoder-examples');
// Each test starts the command several times (a few seconds each on a busy two-core machine).
const slow = { timeout: 90_000 };

describe('marginalia CLI', slow, () => {
  it('creates a Thrive LDN project, reports it, and checks it sound (exit 0)', async () => {
    const dir = join(await tempDir(), 'Thrive.marginalia');
    expect((await marginalia('new', dir, '--template', 'thrive-ldn')).code).toBe(0);
    const info = await marginalia('info', dir, '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ name: 'Thrive', documents: 0, codes: 18, folders: 2, codings: 0 });
    const check = await marginalia('check', dir);
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toMatch(/every file is sound/);
  });

  it('check exits 1 and names the damaged file and the problem', async () => {
    const dir = join(await tempDir(), 'p');
    await marginalia('new', dir, '--template', 'empty');
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8'));
    project.codebook.push({ id: 'x1', name: 'Orphan', color: '#112233', parentId: 'gone', codable: true, rank: 9,
      description: { definition: '', whenToUse: '', whenNotToUse: '', example: '' } });
    await writeFile(join(dir, 'project.json'), JSON.stringify(project));
    await writeFile(join(dir, 'coders', 'stray.json'), '{');
    // A transcript no document lists (a restored backup left it); one the trash lists is not a problem.
    await writeFile(join(dir, 'sources', 'left-behind.txt'), 'Interviewer: hello');
    await writeFile(join(dir, 'sources', 'deleted.txt'), 'Resident: bye');
    await writeFile(join(dir, 'sources', '.deleted.json'), JSON.stringify(['deleted']));
    const check = await marginalia('check', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/project\.json: code "Orphan" has a parent \(gone\) that does not exist/);
    expect(check.stderr).toMatch(/coders\/stray\.json: this coder file belongs to no coder/);
    expect(check.stderr).toMatch(/sources\/left-behind\.txt: this transcript belongs to no document listed in project\.json: open the project in Marginalia and choose "Re-attach" \(or run marginalia check --repair\)/);
    expect(check.stderr).not.toMatch(/sources\/deleted\.txt/);
  });

  it('check --repair re-attaches a coder file project.json does not list, then finds the project sound', async () => {
    const dir = join(await tempDir(), 'p');
    await marginalia('new', dir, '--template', 'empty');
    const coderId = '5b1c2d3e-0000-4000-8000-000000000001';
    const memo = { id: '5b1c2d3e-0000-4000-8000-000000000002', target: { type: 'project' }, text: 'Themes are settling.', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' };
    await writeFile(join(dir, 'coders', `${coderId}.json`), JSON.stringify({ schemaVersion: 2, coderId, codings: [], memos: [memo], done: [], decisions: [] }));
    expect((await marginalia('check', dir)).stderr).toMatch(new RegExp(`coders/${coderId}\\.json: this coder file belongs to no coder listed in project\\.json`));
    const repaired = await marginalia('check', dir, '--repair');
    expect(repaired.stdout).toMatch(new RegExp(`Coder "Recovered coder \\(file coders/${coderId}\\.json\\)" was recreated from coders/${coderId}\\.json with 1 coding, memo or mark\\.`));
    expect(repaired).toMatchObject({ code: 0 });
    expect(repaired.stdout).toMatch(/every file is sound/);
    const info = JSON.parse((await marginalia('info', dir, '--json')).stdout);
    expect(info.coders).toEqual([{ name: `Recovered coder (file coders/${coderId}.json)`, codings: 0 }]);
  });

  it('check exits 1 on a truncated project file, and on a folder that is not a project', async () => {
    const dir = join(await tempDir(), 'p');
    await marginalia('new', dir);
    await writeFile(join(dir, 'project.json'), '{"schemaVersion": 1, "na');
    const check = await marginalia('check', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/project\.json is not valid JSON/);
    const notProject = await marginalia('check', await tempDir());
    expect(notProject.code).toBe(1);
    expect(notProject.stderr).toMatch(/project\.json/);
  });

  it('exits 2 with usage on an unknown command or template', async () => {
    expect((await marginalia('frobnicate')).code).toBe(2);
    const bad = await marginalia('new', join(await tempDir(), 'x'), '--template', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown template "nope"/);
  });
});

describe.skipIf(!haveShared(fixtures, 'marginalia import of the QualCoder example files'))('marginalia import', slow, () => {
  it('imports each file with a result line, and exits 1 when any file failed', async () => {
    const dir = join(await tempDir(), 'p');
    await marginalia('new', dir, '--template', 'empty');
    const ok = await marginalia('import', dir, join(fixtures, 'ID1.docx'), join(fixtures, 'transcript.txt'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/imported +ID1\.docx: Imported 1 document\./);
    expect(ok.stdout).toMatch(/imported +transcript\.txt/);
    const mixed = await marginalia('import', dir, join(fixtures, 'ID1.docx'), join(fixtures, 'survey456.csv'));
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toMatch(/skipped +ID1\.docx: Not imported: ID1 has the same text/);
    expect(mixed.stdout).toMatch(/failed +survey456\.csv: is a spreadsheet: choose which column holds the text/);
    const rows = await marginalia('import', dir, join(fixtures, 'survey456.csv'), '--text-columns', 'freetext', '--name-column', 'Case');
    expect(rows.stdout).toMatch(/Imported 3 documents/);
    const info = JSON.parse((await marginalia('info', dir, '--json')).stdout);
    expect(info.documents).toBe(5);
    expect((await marginalia('check', dir)).code).toBe(0);
  });
});

describe('marginalia import --encoding', slow, () => {
  it('reads a CSV in the encoding named, and refuses an unknown name without importing', async () => {
    const root = await tempDir();
    // "Café – naïve" as classic Mac OS wrote it (Mac Roman: é 0x8E, – 0xD0, ï 0x95), which detection reads as Windows-1252.
    const file = join(root, 'mac.csv');
    await writeFile(file, Buffer.concat([Buffer.from('Name,Answer\nP1,Caf'), Buffer.from([0x8e, 0x20, 0xd0, 0x20]), Buffer.from('na'), Buffer.from([0x95]), Buffer.from('ve\n')]));
    const dir = join(root, 'p');
    await marginalia('new', dir, '--template', 'empty');
    const bad = await marginalia('import', dir, file, '--text-columns', 'Answer', '--encoding', 'klingon');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--encoding must be one of utf-8, .*macintosh/);
    const ok = await marginalia('import', dir, file, '--text-columns', 'Answer', '--name-column', 'Name', '--encoding', 'mac-roman');
    expect(ok.code).toBe(0);
    const layout = new ProjectLayout(dir);
    const [doc] = (await loadProject(layout, { discardTemp: false })).state.data.documents;
    expect(await readFile(layout.sourceText(doc!.id), 'utf-8')).toContain('Café – naïve');
  });
});

/** A Thrive LDN project made by the CLI, open in a backend to code in (shut it down before running the CLI on it). */
describe('marginalia import --split-long-lines', slow, () => {
  it('cuts a transcript saved as one line into paragraphs only when asked, keeping every word', async () => {
    const root = await tempDir();
    const file = join(root, 'one-line.txt');
    const words = 'I waited months for a referral and nobody called me back about it. '.repeat(400).trim();
    await writeFile(file, words);
    const documentsOf = async (dir: string) => (await loadProject(new ProjectLayout(dir), { discardTemp: false })).state.data.documents;
    const asIs = join(root, 'as-is');
    await marginalia('new', asIs, '--template', 'empty');
    expect((await marginalia('import', asIs, file)).code).toBe(0);
    expect((await documentsOf(asIs))[0]!.turnCount).toBe(1);
    const split = join(root, 'split');
    await marginalia('new', split, '--template', 'empty');
    expect((await marginalia('import', split, file, '--split-long-lines')).code).toBe(0);
    const [doc] = await documentsOf(split);
    expect(doc!.turnCount).toBeGreaterThanOrEqual(words.length / 1000);
    expect(doc!.length).toBeGreaterThan(words.length);
  });
});

async function thriveProject() {
  const root = await tempDir();
  const dir = join(root, 'p');
  await marginalia('new', dir, '--template', 'thrive-ldn');
  const { createBackend } = await import('../../../electron/services/backend');
  const backend = await createBackend({ dataDir: join(root, 'data'), documentsDir: root, resourcesDir: resolve('resources'), shell: 'browser' });
  const h = backend.handlers;
  await backend.grants.allow(dir); // as if the user had picked it
  await h['project.open']({ path: dir });
  return { root, dir, backend, h };
}

const nvivoSample = sharedPath('refi-qda', 'samples', 'nvivo-win-12.6-oltas-teszt.qdpx');

describe.skipIf(!haveShared(nvivoSample, 'marginalia import of the NVivo sample'))('marginalia import of a REFI-QDA project', slow, () => {
  it('gives codings to the selection\'s user by default, or the coding\'s with --coder-from coding, saying how many differ', async () => {
    const root = await tempDir();
    const bySelection = join(root, 'a');
    await marginalia('new', bySelection, '--template', 'empty');
    const first = await marginalia('import', bySelection, nvivoSample);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/- 297 codings name another user than their selection: each was given to the user who selected the passage/);
    const coders = (dir: string) => marginalia('info', dir, '--json').then((r) => JSON.parse(r.stdout).coders);
    expect(await coders(bySelection)).toEqual([
      { name: 'Gergo', codings: 6 },
      { name: 'floriansipos', codings: 297 },
      { name: 'test_user', codings: 27 },
    ]);
    const byCoding = join(root, 'b');
    await marginalia('new', byCoding, '--template', 'empty');
    expect((await marginalia('import', byCoding, nvivoSample, '--coder-from', 'coding')).code).toBe(0);
    expect(await coders(byCoding)).toEqual([
      { name: 'Gergo', codings: 303 },
      { name: 'test_user', codings: 27 },
    ]);
    const bad = await marginalia('import', byCoding, nvivoSample, '--coder-from', 'someone');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--coder-from must be one of selection, coding/);
  });
});

describe('marginalia agreement', slow, () => {
  it('prints the pooled figures per code, writes a workbook and JSON, and explains undefined values', async () => {
    const { root, dir, backend, h } = await thriveProject();
    const docId = (await h['import.run']({ items: [{ source: { stagedId: (await h['import.stage']({ fileName: 'c.txt', base64: Buffer.from('x'.repeat(200)).toString('base64') })).stagedId }, options: {} }] })).change!.createdIds[0]!;
    const doc = (await allDocuments(h)).find((d) => d.id === docId)!;
    const stigma = (await h['app.getState']({})).project!.codebook.find((c) => c.name === 'Tackling stigma')!.id;
    await h['app.setCoderName']({ name: 'Ann' });
    await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 0, end: 100 });
    await h['app.setCoderName']({ name: 'Ben' });
    await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 50, end: 150 });
    await backend.shutdown();

    const text = await marginalia('agreement', dir, '--coders', 'Ann,Ben', '--codes', 'Tackling stigma,Zero suicide');
    expect(text.code).toBe(0);
    // Both 50, only Ann 50, only Ben 50, neither 50 of 200 characters: 50 % agreement.
    expect(text.stdout).toMatch(/Tackling stigma\s+50\s+50\s+50\s+50\s+0\.500/);
    expect(text.stdout).toMatch(/Zero suicide .*undefined/);
    expect(text.stdout).toMatch(/undefined: .*variation/);

    const json = JSON.parse((await marginalia('agreement', dir, '--coders', 'Ann,Ben', '--mode', 'segment', '--threshold', '0.5', '--json')).stdout);
    expect(json.report.mode).toBe('segment');
    expect(json.report.threshold).toBe(0.5);

    const out = join(root, 'agreement.xlsx');
    expect((await marginalia('agreement', dir, '--coders', 'Ann,Ben', '--xlsx', out)).code).toBe(0);
    const XLSX = (await import('xlsx')).default;
    const wb = XLSX.read(await readFile(out));
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['Agreement by code', 'Agreement by code and document', 'About this report']));
    // Like every file the commands write: never replaced without --force, never inside the project.
    expect(await marginalia('agreement', dir, '--coders', 'Ann,Ben', '--xlsx', out)).toMatchObject({ code: 1, stderr: `marginalia agreement: ${out} already exists: give --force to replace it.\n` });
    expect((await marginalia('agreement', dir, '--coders', 'Ann,Ben', '--xlsx', out, '--force')).code).toBe(0);
    const projectJson = join(dir, 'project.json');
    const before = await readFile(projectJson, 'utf-8');
    for (const command of [['agreement', dir, '--coders', 'Ann,Ben', '--xlsx', projectJson, '--force'], ['export', dir, '--xlsx', projectJson, '--force']]) {
      expect(await marginalia(...command)).toMatchObject({ code: 1, stderr: `marginalia ${command[0]}: will not write ${projectJson}: it is inside the project folder ${dir}; choose a file outside it.\n` });
    }
    expect(await readFile(projectJson, 'utf-8')).toBe(before);

    expect((await marginalia('agreement', dir, '--coders', 'Ann')).code).toBe(2);
    expect((await marginalia('agreement', dir, '--coders', 'Ann,Nobody')).stderr).toMatch(/--coders: there is no coder "Nobody"/);
  }, 120_000);

  it('prints a methods paragraph with the report’s own figures, compares the documents both coded unless --all-documents, and takes a second round as a coder', async () => {
    const { dir, backend, h } = await thriveProject();
    const stage = async (name: string, text: string) => (await h['import.stage']({ fileName: name, base64: Buffer.from(text).toString('base64') })).stagedId;
    const items = [];
    for (const name of ['a', 'b', 'c']) items.push({ source: { stagedId: await stage(`${name}.txt`, name.repeat(300)) }, options: {} });
    const added = (await h['import.run']({ items })).change!.createdIds;
    const imported = await allDocuments(h);
    const [a, b, c] = added.map((id) => imported.find((d) => d.id === id)!);
    const codes = (await h['app.getState']({})).project!.codebook;
    const stigma = codes.find((c) => c.name === 'Tackling stigma')!.id;
    const zero = codes.find((c) => c.name === 'Zero suicide')!.id;
    await h['app.setCoderName']({ name: 'Ann' });
    await h['coding.apply']({ documentId: a!.id, codeId: stigma, start: 0, end: 100 });
    await h['coding.apply']({ documentId: a!.id, codeId: zero, start: 150, end: 200 });
    await h['coding.apply']({ documentId: b!.id, codeId: stigma, start: 0, end: 100 });
    await h['coding.apply']({ documentId: c!.id, codeId: stigma, start: 50, end: 250 });
    await h['app.setCoderName']({ name: 'Ann (second round)' });
    await h['coding.apply']({ documentId: a!.id, codeId: stigma, start: 20, end: 100 });
    await h['coding.apply']({ documentId: a!.id, codeId: zero, start: 150, end: 190 });
    await h['coding.apply']({ documentId: c!.id, codeId: stigma, start: 60, end: 250 });
    await backend.shutdown();

    const coders = ['--coders', 'Ann,Ann (second round)', '--codes', 'Tackling stigma,Zero suicide', '--seed', '5'];
    const json = JSON.parse((await marginalia('agreement', dir, ...coders, '--json')).stdout);
    // Document b was coded in the first round only.
    expect(json.documents.map((d: { name: string }) => d.name)).toEqual([a!.name, c!.name]);
    expect(json.scope.leftOut).toEqual([{ reason: 'coded by Ann only', documents: [{ id: b!.id, name: b!.name }] }]);
    expect(json.report.overall.intervals.alpha.defined).toBe(true);
    expect(json.settings.resampling).toEqual({ samples: 1000, seed: 5 });
    expect(json.methods.paragraph).toMatch(/^Inter-coder agreement between Ann and Ann \(second round\)/);

    const methods = await marginalia('agreement', dir, ...coders, '--methods');
    expect(methods.code).toBe(0);
    const three = (x: number) => x.toFixed(3).replace('-', '\u2212');
    const { kappa, alpha, intervals } = json.report.overall;
    expect(methods.stdout).toContain(`κ = ${three(kappa.value)} (95\u00a0% CI ${three(intervals.kappa.low)}–${three(intervals.kappa.high)})`);
    expect(methods.stdout).toContain(`α = ${three(alpha.value)}`);
    const perCode = json.report.codes.map((c: { pooled: { kappa: { value: number } } }) => c.pooled.kappa.value);
    expect(methods.stdout).toContain(`κ ranged from ${three(Math.min(...perCode))}`);
    expect(methods.stdout).toContain('1 document coded by Ann only');
    expect(methods.stdout).toMatch(/\nReferences\nCohen, J\. \(1960\)/);
    expect(methods.stdout.trim()).toBe([json.methods.paragraph, '', 'References', ...json.methods.references].join('\n'));

    const all = JSON.parse((await marginalia('agreement', dir, ...coders, '--all-documents', '--samples', '0', '--json')).stdout);
    expect(all.documents).toHaveLength(3);
    expect(all.report.overall.intervals).toBeNull();
    expect((await marginalia('agreement', dir, ...coders, '--json', '--methods')).code).toBe(2);
  }, 180_000);
});
