import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../../helpers/shared-files';
import { readArchive } from '../../../electron/services/import/archive';
import { importRefiCodebook, importRefiProject } from '../../helpers/store-edits';
import { chooseScheme } from '../../../electron/services/import/refi/offset-evidence';
import { SourcePositions } from '../../../electron/services/import/refi/offsets';
import { ImportError } from '../../../electron/services/import/types';
import type { SourceFile } from '../../../electron/services/import/types';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { codePath } from '../../../shared/domain/codebook';
import { findIntegrityProblems } from '../../../shared/domain/integrity';
import type { TemplateId } from '../../../shared/api/contract';
import { normaliseText } from '../../../shared/text/normalise';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';

const samplesDir = sharedPath('refi-qda', 'samples');
const haveSamples = haveShared(samplesDir, 'REFI-QDA import of real vendor exports');

const tempDir = useTempDirs();

async function freshProject(template: TemplateId = 'empty') {
  const deps = fixedDeps();
  const dir = join(await tempDir(), 'Study.marginalia');
  const store = await createProject(dir, { name: 'Study', template }, deps);
  return { store, deps, dir };
}

const sample = (name: string): SourceFile => ({ name, bytes: new Uint8Array(readFileSync(join(samplesDir, name))) });

function zip(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const archive = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) archive.addEmptyDirectory(name, { mtime: new Date(2024, 0, 1) });
    else archive.addBuffer(Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data), name, { mtime: new Date(2024, 0, 1) });
  }
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('error', reject);
    archive.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

async function importError(work: Promise<unknown>): Promise<ImportError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Every coding with its document text, code path and coder name. */
async function codedPassages(store: ProjectStore) {
  const coders = new Map(store.data.coders.map((c) => [c.id, c.name]));
  const passages = [];
  for (const doc of store.data.documents) {
    const { text } = await store.readSource(doc.id);
    const codings = store.documentCodings(doc.id);
    for (const c of codings) {
      passages.push({
        document: doc.name,
        code: codePath(store.data.codebook, c.codeId).join(' › '),
        coder: coders.get(c.coderId),
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        full: text,
      });
    }
  }
  return passages;
}

/** The project on disk is whole: reopened, every reference resolves and every span is inside its document. */
async function expectSound(store: ProjectStore, dir: string) {
  await store.flush();
  const reopened = await ProjectStore.open(dir, fixedDeps());
  const files = new Map(reopened.data.coders.map((c) => [c.id, reopened.coderFile(c.id)]));
  expect(findIntegrityProblems(reopened.data, files)).toEqual([]);
  for (const doc of reopened.data.documents) {
    const { text } = await reopened.readSource(doc.id);
    expect(normaliseText(text)).toBe(text);
  }
  return reopened;
}

function codeNamed(store: ProjectStore, path: string) {
  const code = store.data.codebook.find((c) => codePath(store.data.codebook, c.id).join(' › ') === path);
  if (!code) throw new Error(`no code ${path}`);
  return code;
}

describe.skipIf(!haveSamples)('REFI-QDA import of real vendor exports', () => {
  it('ATLAS.ti 8.4: codes and free memos, but no sources, since the export ships no text files', async () => {
    const { store, dir } = await freshProject();
    const report = await importRefiProject(store, sample('atlasti-8.4-testproject.qdpx'));
    // Counted in Project.qde (unzip -p … Project.qde):
    //  - sources 0: 6 <TextSource> reference internal://….txt files, but the archive holds only
    //    Project.qde and an empty Sources/ folder (unzip -l), so none has any text;
    //  - codes 14: 14 <Code> elements, none nested, all isCodable="true";
    //  - codings 0: the 7 <Coding> of the 6 <PlainTextSelection> are all on those text-less sources;
    //  - coders 1: of the 3 <User>s only Friedrich Markgraf (AD68FBE7…) wrote something imported,
    //    the 2 <Note>s, which no <NoteRef> attaches to anything, so they become project memos.
    expect(report.counts).toMatchObject({ sources: 0, codes: 14, coders: 1, codings: 0, memos: 2 });
    expect(store.data.documents).toHaveLength(0);
    expect(store.data.codebook).toHaveLength(14);
    expect(store.data.coders.map((c) => c.name)).toEqual(['Friedrich Markgraf']);
    expect(report.offsets).toBeNull();

    // &quot; is decoded; #RRGGBB kept (lower-cased); a code without colour gets a palette colour.
    const rushed = codeNamed(store, '"rushed"');
    expect(rushed.color).toBe('#f00082');
    expect(codeNamed(store, 'milk').color).toMatch(/^#[0-9a-f]{6}$/);
    expect(codeNamed(store, 'cornflakes').description.definition).toBe('breakfast cereal made by Kellogg’s');
    const memos = store.memos();
    expect(memos.map((m) => [m.target.type, m.author, m.text.split('\n\n')[0], m.createdAt])).toEqual([
      ['project', 'Friedrich Markgraf', 'Research Plan', '2018-03-27T19:38:46.000Z'],
      ['project', 'Friedrich Markgraf', 'My favorite Coke ad', '2018-03-27T19:41:28.000Z'],
    ]);
    expect(memos[0]!.text).toContain('This is a great project by a dynamic team of researcher-developers.');

    const skipped = (kind: string) => report.notImported.filter((i) => i.kind === kind);
    expect(skipped('source').map((i) => i.name)).toEqual([
      'cornflakes-n-milk.jpg',
      "Kellogg's Passion for Nutrition.pdf",
      "Pay de Limón con Base de Granola | Kellogg's ®.pdf",
      "Jeanine's Breakfast.m4a",
      '1960s Coca Cola commercial.mp4',
      '1994 Diet Coke-Diet Coke Break.mp4',
      '1960s Coca Cola commercial - Audio.docx',
      '1960s Coca Cola commercial - Visual.docx',
      '1994 Diet Coke-Diet Coke Break.docx',
      'Mabêl 2ième.txt',
      'Mabel.txt',
      'Simon.docx',
    ]);
    expect(skipped('source').find((i) => i.name === 'Mabel.txt')?.reason).toBe(
      'its text file (B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt) is not in the export (3 codings not imported)',
    );
    expect(skipped('source')[0]!.reason).toMatch(/picture; Marginalia imports plain-text sources only \(2 codings not imported\)/);
    // 16 <Set>s: 15 group only sources without text; "<3" is empty in the file, and arrives empty.
    expect(skipped('set')).toHaveLength(15);
    expect(store.data.sets.map((s) => [s.name, s.documentIds])).toEqual([['<3', []]]);
    expect(skipped('user').map((i) => i.name)).toEqual(['ATLAS.ti', 'Sebastian Petrausch']);
    await expectSound(store, dir);
  });

  it('NVivo 12.6 for Windows: UTF-16 units over the BOM/CRLF text; every coded passage lands where the coder put it', async () => {
    const { store, dir } = await freshProject();
    const report = await importRefiProject(store, sample('nvivo-win-12.6-oltas-teszt.qdpx'));
    // Counted in project.qde:
    //  - sources 2: two <TextSource>, both with a non-empty Sources/<guid>.txt (UTF-8 BOM, CRLF);
    //  - codes 152: grep -c '<Code ' (151 codable, the folder "Attituderoots" isCodable="false");
    //  - codings 330: 330 <PlainTextSelection>, each with exactly one <Coding>, no two alike;
    //  - coders 3: Coding/@creatingUser is Gergo 303 times and test_user 27 times, but 297 of
    //    Gergo's codings sit in selections that floriansipos made (PlainTextSelection/@creatingUser):
    //    by default a coding is its selection's user's, so floriansipos 297, Gergo 6, test_user 27.
    expect(report.counts).toMatchObject({ sources: 2, codes: 152, coders: 3, codings: 330, memos: 0, codingsWithOtherUser: 297 });
    expect(report.offsets).toMatchObject({ unit: 'utf16', crlfAsOne: false, decidedBy: 'origin' });
    expect(store.data.coders.map((c) => c.name)).toEqual(['Gergo', 'floriansipos', 'test_user']);
    expect(codeNamed(store, 'Attituderoots').codable).toBe(false);
    expect(codeNamed(store, '1. Oltás típusa › COVID').codable).toBe(true);
    expect(report.notImported).toEqual([]);
    expect(report.warnings).toContain('297 codings name another user than their selection: each was given to the user who selected the passage, not to the one named on the coding.');

    const passages = await codedPassages(store);
    expect(passages).toHaveLength(330);
    const byCoder = (name: string) => passages.filter((p) => p.coder === name).length;
    expect([byCoder('floriansipos'), byCoder('Gergo'), byCoder('test_user')]).toEqual([297, 6, 27]);
    const at = (start: number) => passages.filter((p) => p.start === start);

    // After emoji (two UTF-16 units each) and hundreds of CR LFs, passages still end exactly on them.
    const textsAt = (start: number) => [...new Set(at(start).map((p) => p.text))];
    expect(textsAt(2483)).toEqual(['Mi az a fityesznek? Akkor írják át amikor akarják 🤣🤣🤣']);
    expect(textsAt(2695)).toEqual(['Nem tehetik kötelezővé! 😡😡']);
    expect(textsAt(9322)).toEqual(['Rohadt életbe, hogy az emberre rá akarnak erőszakolni valamit, ami csak ajánlott 😤😤😤']);
    expect(at(9322)).toHaveLength(3);
    expect(at(220).map((p) => [p.code, p.text])).toEqual([
      ['Attituderoots › 2. Distrust › +Government', expect.stringMatching(/^Na mi van\? Nem mertétek kötelezővé tenni\?.*nem haltok meg covidban\.$/)],
      ['Attituderoots › 911. Reactance › Resisting coercion', expect.stringMatching(/^Na mi van\? Nem mertétek kötelezővé tenni\?.*nem haltok meg covidban\.$/)],
    ]);
    expect(at(40812)[0]!.text).toBe(
      'A gyártókat kell beoltatni és ők halljanak bele oltás következmény miatt nem vállalok felelősséget a gyártó rohadjon meg a gyártó és fel kell gyújtani összes gyártósort anyag',
    );

    // Word boundaries, for every coding: a boundary never falls between two letters or digits.
    // Exactly three of NVivo's 330 selections do cut a word in the shipped .txt itself, under
    // every counting (UTF-16 or code points, CR LF as one or two): the coder's own slips, which
    // no consistent offset fixes (one start is a letter late, two ends a few letters short).
    // They are pinned here; with code points instead of UTF-16 units over 260 codings would cut words.
    const letter = /[\p{L}\p{N}]/u;
    const before = (text: string, i: number) => Array.from(text.slice(Math.max(0, i - 2), i)).pop() ?? '';
    const after = (text: string, i: number) => Array.from(text.slice(i, i + 2))[0] ?? '';
    const cuts = (text: string, i: number) => letter.test(before(text, i)) && letter.test(after(text, i));
    const cutting = passages.filter((p) => cuts(p.full, p.start) || cuts(p.full, p.end));
    const bracketed = (p: (typeof passages)[number]) => `${p.full.slice(p.start - 3, p.start)}[${p.full.slice(p.start, p.start + 6)} … ${p.full.slice(p.end - 6, p.end)}]${p.full.slice(p.end, p.end + 3)}`;
    expect(cutting.map(bracketed)).toEqual(['i. [A n á  … ére, A]KI ', '5\nJ[avitsa …  ujra.] A ', 'a. [A stat …  hiede]lem']);
    for (const p of passages) {
      expect(p.text).not.toMatch(/^\s/);
      expect(p.text.includes('\r')).toBe(false);
    }
    await expectSound(store, dir);
  });

  it('NVivo 12.6 with the coding\'s user chosen: Gergo 303, test_user 27, and the report says how many differ', async () => {
    const { store } = await freshProject();
    const report = await importRefiProject(store, sample('nvivo-win-12.6-oltas-teszt.qdpx'), { coderFrom: 'coding' });
    expect(report.counts).toMatchObject({ coders: 2, codings: 330, codingsWithOtherUser: 297 });
    expect(report.warnings).toContain('297 codings name another user than their selection: each was given to the user named on the coding, not to the one who selected the passage.');
    expect(report.notImported).toEqual([
      { kind: 'user', name: 'floriansipos', reason: 'no codings or notes of theirs were imported, so no coder was made for them' },
    ]);
    const passages = await codedPassages(store);
    expect([passages.filter((p) => p.coder === 'Gergo').length, passages.filter((p) => p.coder === 'test_user').length]).toEqual([303, 27]);
  });

  it('NVivo 15 for Mac, codebook only: the nested codebook and nothing else', async () => {
    const { store, dir } = await freshProject();
    const report = await importRefiProject(store, sample('nvivo-mac-15-codebook-only.qdpx'));
    // 262 <Code> elements (nested up to 5 deep, all codable); 2 <TextSource> whose .txt files
    // hold a single line feed, so there is no text; no <PlainTextSelection>; 2 users, no codings.
    expect(report.counts).toMatchObject({ sources: 0, codes: 262, coders: 0, codings: 0, memos: 0 });
    expect(store.data.documents).toHaveLength(0);
    expect(store.data.coders).toHaveLength(0);
    expect(store.data.codebook.filter((c) => c.parentId === null).map((c) => c.name)).toEqual(['rq1_definition', 'rq2_curriculum_and_instruction', 'rq3_process']);
    // The same name under different parents is two codes.
    const programming = store.data.codebook.filter((c) => c.name === 'programming').map((c) => codePath(store.data.codebook, c.id).join(' › '));
    expect(programming).toEqual(['rq1_definition › competencies › programming', 'rq1_definition › framings › cs_as_programming › programming']);
    expect(report.notImported.filter((i) => i.kind === 'source').map((i) => i.reason)).toEqual(['its text is empty', 'its text is empty']);
    await expectSound(store, dir);
  });

  it('qc: code points over plain LF text; every passage is exactly the line the selection is named after', async () => {
    const { store, dir } = await freshProject();
    const file = sample('qc-cproctor-demo.qdpx');
    const report = await importRefiProject(store, file);
    // Counted in project.qde: one <User> (cp); 262 <Code>; 2 <TextSource> with bare
    // plainTextPath="board_2017.txt"/"admin-1.txt" and no name; 158 <PlainTextSelection>, all on
    // board_2017, carrying 205 <Coding> (no two alike), all by cp.
    expect(report.counts).toMatchObject({ sources: 2, codes: 262, coders: 1, codings: 205, memos: 0 });
    expect(report.offsets).toMatchObject({ unit: 'codepoint', decidedBy: 'origin' });
    expect(store.data.documents.map((d) => d.name)).toEqual(['board_2017', 'admin-1']);
    expect(report.notImported).toEqual([]);

    const passages = await codedPassages(store);
    expect(passages).toHaveLength(205);
    expect(passages.filter((p) => p.start === 320).map((p) => [p.code, p.text])).toEqual([
      ['rq2_curriculum_and_instruction › pedagogy › fun', 'This district goal is engage every student in joyful, purposeful learning that \n'],
    ]);
    // qc names each selection "line:N": its span must be exactly line N (0-based) and its newline.
    const xml = Buffer.from((await readArchive(file, { wanted: (n) => n === 'project.qde' })).get('project.qde')!).toString('utf8');
    const named = [...xml.matchAll(/name="line:(\d+)" startPosition="(\d+)" endPosition="(\d+)"/g)];
    expect(named).toHaveLength(158);
    const board = passages[0]!.full;
    const lines = board.split('\n');
    const lineStart = (n: number) => lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
    const expected = new Set(named.map((m) => `${lineStart(Number(m[1]))}-${lineStart(Number(m[1]) + 1)}`));
    expect(new Set(passages.map((p) => `${p.start}-${p.end}`))).toEqual(expected);
    for (const p of passages) expect(p.text).toBe(`${lines[board.slice(0, p.start).split('\n').length - 1]}\n`);
    await expectSound(store, dir);
  });

  it('ATLAS.ti 8.4 sets arrive as document sets when the texts are there (the export with its text files put back)', async () => {
    const entries = await readArchive(sample('atlasti-8.4-testproject.qdpx'));
    const qde = Buffer.from(entries.get('Project.qde')!).toString('utf8');
    const rewritten: Record<string, Uint8Array | string> = { 'Project.qde': qde };
    // Each text source gets a text of its own, named after it, in the file its plainTextPath names.
    for (const [, path, name] of qde.matchAll(/<TextSource plainTextPath="internal:\/\/([^"]+)"[^>]* name="([^"]+)"/g)) rewritten[`Sources/${path}`] = `Interviewer: This is ${name}.\nRespondent: Yes.\n`;
    const { store, dir } = await freshProject();
    const report = await importRefiProject(store, { name: 'atlas-with-texts.qdpx', bytes: await zip(rewritten) });
    expect(report.counts.sources).toBe(6);
    const docName = new Map(store.data.documents.map((d) => [d.id, d.name]));
    const sets = Object.fromEntries(store.data.sets.map((s) => [s.name, s.documentIds.map((id) => docName.get(id))]));
    // In Project.qde: <Set name="Mabel"> holds Mabêl 2ième.txt and Mabel.txt; "Text files" all six.
    expect(sets['Mabel']).toEqual(['Mabêl 2ième.txt', 'Mabel.txt']);
    expect(sets['gender: male']).toEqual(['Simon.docx']);
    expect(sets['Text files']).toHaveLength(6);
    // "Images" and "PDFs" group only sources Marginalia does not import: reported, not made.
    expect(sets['Images']).toBeUndefined();
    expect(report.notImported.filter((i) => i.kind === 'set').map((i) => [i.name, i.reason])).toContainEqual(['PDFs', 'none of its documents was imported']);
    expect(report.counts.sets).toBe(store.data.sets.length);
    await expectSound(store, dir);
  });

  it('the offset unit comes from the evidence when the origin does not say', async () => {
    const file = sample('nvivo-win-12.6-oltas-teszt.qdpx');
    const entries = await readArchive(file);
    const rewritten: Record<string, Uint8Array | string> = {};
    for (const [name, bytes] of entries) rewritten[name] = bytes;
    rewritten['project.qde'] = Buffer.from(entries.get('project.qde')!).toString('utf8').replace('origin="NVivo for Windows 12.6"', 'origin="Some Tool 2.0"');
    const { store } = await freshProject();
    const report = await importRefiProject(store, { name: 'unknown.qdpx', bytes: await zip(rewritten) });
    expect(report.offsets).toMatchObject({ unit: 'utf16', crlfAsOne: false, decidedBy: 'evidence' });
    expect(report.counts.codings).toBe(330);
    expect(report.counts.coders).toBe(3);
    const passages = await codedPassages(store);
    expect(passages.filter((p) => p.start === 2695).map((p) => p.text)).toEqual(['Nem tehetik kötelezővé! 😡😡']);
  });

  it('importing into a project in use changes nothing it had, and importing again adds nothing', async () => {
    const { store, dir } = await freshProject('thrive-ldn');
    const before = structuredClone(store.data.codebook);
    const file = sample('qc-cproctor-demo.qdpx');
    const first = await importRefiProject(store, file);
    expect(first.counts).toMatchObject({ sources: 2, codes: 262, codings: 205, coders: 1 });
    expect(store.data.codebook.slice(0, before.length)).toEqual(before);

    const again = await importRefiProject(store, file);
    expect(again.counts).toMatchObject({
      sources: 0,
      duplicateSources: 2,
      codes: 0,
      codesReused: 262,
      coders: 0,
      codersReused: 1,
      codings: 0,
      codingsAlreadyPresent: 205,
    });
    expect(again.documents.every((d) => d.duplicate)).toBe(true);
    expect(store.data.documents).toHaveLength(2);
    expect(store.data.codebook).toHaveLength(before.length + 262);
    expect(store.codingsOf(store.data.coders[0]!.id)).toHaveLength(205);
    await expectSound(store, dir);
  });

  it('a .qdpx given as a codebook yields its codes only', async () => {
    const { store } = await freshProject();
    const report = await importRefiCodebook(store, sample('nvivo-mac-15-codebook-only.qdpx'));
    expect(report.counts).toMatchObject({ codes: 262, sources: 0, codings: 0 });
    expect(store.data.documents).toHaveLength(0);
  });
});

// A small NVivo-style export: capitalised Project.qde and Sources/, BOM + CRLF + emoji + a
// decomposed é. NVivo counts UTF-16 units over the text as shipped, CR and LF included, BOM not.
const nvivoText = '\ufeffInterviewer: Hello 😀 there\r\nRespondent: Cafe\u0301 au lait, please.\r\n';
const raw = nvivoText.slice(1);
const unitsOf = (s: string) => [raw.indexOf(s), raw.indexOf(s) + s.length];
const [thereStart, thereEnd] = unitsOf('there');
const [cafeStart, cafeEnd] = unitsOf('Cafe\u0301 au lait');
const userGuid = '11111111-2222-3333-4444-555555555555';

const nvivoQde = `<?xml version="1.0" encoding="utf-8"?>
<Project name="Small" origin="NVivo for Windows 14" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${userGuid}" name="Amara"/></Users>
  <CodeBook><Codes>
    <Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Greeting" isCodable="true" color="#0F0"/>
    <Code guid="aaaaaaaa-0000-0000-0000-000000000002" name="Drinks" isCodable="false">
      <Code guid="aaaaaaaa-0000-0000-0000-000000000003" name="Coffee" isCodable="true" color="#123456"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="bbbbbbbb-0000-0000-0000-000000000001" name="Interview 1" plainTextPath="internal://BBBBBBBB-0000-0000-0000-000000000001.txt">
      <PlainTextSelection guid="cccccccc-0000-0000-0000-000000000001" startPosition="${thereStart}" endPosition="${thereEnd}">
        <Coding guid="dddddddd-0000-0000-0000-000000000001" creatingUser="${userGuid}"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="cccccccc-0000-0000-0000-000000000002" startPosition="${cafeStart}" endPosition="${cafeEnd}">
        <Coding guid="dddddddd-0000-0000-0000-000000000002"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000003"/></Coding>
        <NoteRef targetGUID="eeeeeeee-0000-0000-0000-000000000001"/>
      </PlainTextSelection>
      <PlainTextSelection guid="cccccccc-0000-0000-0000-000000000003" name="too far" startPosition="10" endPosition="5000">
        <Coding guid="dddddddd-0000-0000-0000-000000000003" creatingUser="${userGuid}"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="eeeeeeee-0000-0000-0000-000000000001" name="Order" creatingUser="${userGuid}" creationDateTime="2024-03-01T10:00:00">
      <PlainTextContent>She always orders this.</PlainTextContent>
    </Note>
  </Notes>
</Project>`;

describe('REFI-QDA import of small exports', () => {
  it('reads Project.qde and Sources/ in any case, places selections, and reports the one that does not fit', async () => {
    const bytes = await zip({
      'Project.qde': nvivoQde,
      'Sources/': '',
      'Sources/bbbbbbbb-0000-0000-0000-000000000001.TXT': nvivoText,
    });
    const { store, dir } = await freshProject();
    const report = await importRefiProject(store, { name: 'Small.qdpx', bytes });
    expect(report.counts).toMatchObject({ sources: 1, codes: 3, coders: 2, codings: 2, memos: 1 });
    const doc = store.data.documents[0]!;
    expect(doc.name).toBe('Interview 1');
    const { text, turns } = await store.readSource(doc.id);
    expect(text).toBe('Interviewer: Hello 😀 there\nRespondent: Café au lait, please.\n');
    expect(turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Respondent']);

    const passages = await codedPassages(store);
    expect(passages.map((p) => [p.code, p.coder, p.text])).toEqual([
      ['Greeting', 'Amara', 'there'],
      // No creatingUser: the coding belongs to a coder named after the exporting program.
      ['Drinks › Coffee', 'NVivo import', 'Café au lait'],
    ]);
    expect(codeNamed(store, 'Greeting').color).toBe('#00ff00');
    expect(codeNamed(store, 'Drinks').codable).toBe(false);

    // The note on the selection is a memo on its coding, by the note's author, dated as written (UTC).
    const memos = store.memos();
    const coffee = store.documentCodings(doc.id).find((c) => c.codeId === codeNamed(store, 'Drinks › Coffee').id)!;
    expect(memos).toEqual([
      expect.objectContaining({ author: 'Amara', target: { type: 'coding', id: coffee.id }, text: 'Order\n\nShe always orders this.', createdAt: '2024-03-01T10:00:00.000Z' }),
    ]);

    expect(report.notImported).toEqual([
      {
        kind: 'coding',
        name: 'too far',
        source: 'Interview 1',
        code: 'Greeting',
        reason: `the selection cannot be placed in the text: it ends at 5000, beyond the end of the text (${raw.length} UTF-16 units)`,
      },
    ]);
    await expectSound(store, dir);
  });

  it('gives a coding with no user of its own to the user who made its selection, inventing no coder', async () => {
    const qde = nvivoQde.replace(
      `<PlainTextSelection guid="cccccccc-0000-0000-0000-000000000002"`,
      `<PlainTextSelection creatingUser="${userGuid}" guid="cccccccc-0000-0000-0000-000000000002"`,
    );
    const bytes = await zip({ 'Project.qde': qde, 'Sources/bbbbbbbb-0000-0000-0000-000000000001.TXT': nvivoText });
    const { store } = await freshProject();
    const report = await importRefiProject(store, { name: 'Small.qdpx', bytes });
    expect(report.counts).toMatchObject({ coders: 1, codings: 2, codingsWithOtherUser: 0 });
    expect(store.data.coders.map((c) => c.name)).toEqual(['Amara']);
    expect((await codedPassages(store)).map((p) => [p.coder, p.text])).toEqual([
      ['Amara', 'there'],
      ['Amara', 'Café au lait'],
    ]);
  });

  it('turns MAXQDA-style source variables and Quirkos-style case variables into document attributes', async () => {
    const text = 'Q: How was it? 🙂\nA: Fine, mostly.\n';
    const cp = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;
    const qde = `<Project name="Vars" origin="MAXQDA 2022" xmlns="urn:QDA-XML:project:1.0">
      <CodeBook><Codes><Code guid="aaaaaaaa-0000-0000-0000-000000000001" name="Mood" isCodable="true"/></Codes></CodeBook>
      <Variables>
        <Variable guid="f0000000-0000-0000-0000-000000000001" name="Age" typeOfVariable="Integer"/>
        <Variable guid="f0000000-0000-0000-0000-000000000002" name="Interviewed" typeOfVariable="DateTime"/>
        <Variable guid="f0000000-0000-0000-0000-000000000003" name="Consent" typeOfVariable="Boolean"/>
        <Variable guid="f0000000-0000-0000-0000-000000000004" name="Borough" typeOfVariable="Text"/>
      </Variables>
      <Cases>
        <Case guid="c0000000-0000-0000-0000-000000000001" name="Participant 7">
          <VariableValue><VariableRef targetGUID="f0000000-0000-0000-0000-000000000004"/><TextValue>Hackney</TextValue></VariableValue>
          <SourceRef targetGUID="b0000000-0000-0000-0000-000000000001"/>
        </Case>
      </Cases>
      <Sources>
        <TextSource guid="b0000000-0000-0000-0000-000000000001" name="Interview 7">
          <PlainTextContent>${text}</PlainTextContent>
          <PlainTextSelection guid="cccccccc-0000-0000-0000-000000000001" startPosition="${cp('Fine')}" endPosition="${cp('Fine') + 4}">
            <Coding guid="dddddddd-0000-0000-0000-000000000001"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000001"/></Coding>
          </PlainTextSelection>
          <VariableValue><VariableRef targetGUID="f0000000-0000-0000-0000-000000000001"/><IntegerValue>42</IntegerValue></VariableValue>
          <VariableValue><VariableRef targetGUID="f0000000-0000-0000-0000-000000000002"/><DateTimeValue>2023-05-04T10:00:00Z</DateTimeValue></VariableValue>
          <VariableValue><VariableRef targetGUID="f0000000-0000-0000-0000-000000000003"/><BooleanValue>true</BooleanValue></VariableValue>
        </TextSource>
      </Sources>
    </Project>`;
    const { store } = await freshProject();
    const report = await importRefiProject(store, { name: 'vars.qdpx', bytes: await zip({ 'project.qde': qde }) });
    expect(report.offsets).toMatchObject({ unit: 'codepoint', decidedBy: 'standard' });
    expect(report.counts).toMatchObject({ sources: 1, codings: 1, attributes: 5, attributeValues: 5 });
    expect(store.data.attributes).toEqual([
      { name: 'Age', type: 'number', rank: 0 },
      { name: 'Interviewed', type: 'date', rank: 1 },
      { name: 'Consent', type: 'text', rank: 2 },
      { name: 'Borough', type: 'text', rank: 3 },
      { name: 'Case', type: 'text', rank: 4 },
    ]);
    expect(store.data.documents[0]!.attributes).toEqual({ Age: 42, Interviewed: '2023-05-04', Consent: 'true', Borough: 'Hackney', Case: 'Participant 7' });
    expect((await codedPassages(store)).map((p) => [p.coder, p.text])).toEqual([['MAXQDA import', 'Fine']]);
  });

  it('imports a .qdc codebook: #RGB colours, folders, braces around GUIDs; a name already at the same level is reused', async () => {
    const qdc = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Test 1.0">
  <Codes>
    <Code guid="{5215cc69-b628-4e02-afb9-9beeaee55808}" name="Topics" isCodable="false">
      <Code guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}" name="Economy" isCodable="true" color="#ff0">
        <Description>Anything about jobs or taxes or business</Description>
      </Code>
    </Code>
    <Code guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="Health care" isCodable="true" color="#33CC33"/>
  </Codes>
  <Sets><Set guid="12365523-1035-4afa-9e7b-281fe0bc51c5" name="S"><MemberCode guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520"/></Set></Sets>
</CodeBook>`;
    const { store } = await freshProject();
    const report = await importRefiCodebook(store, { name: 'book.qdc', bytes: new Uint8Array(Buffer.from(qdc, 'utf8')) });
    expect(report.counts).toMatchObject({ codes: 3, codesReused: 0, sources: 0 });
    expect(store.data.codebook.map((c) => [codePath(store.data.codebook, c.id).join(' › '), c.color, c.codable, c.description.definition])).toEqual([
      ['Topics', expect.stringMatching(/^#[0-9a-f]{6}$/), false, ''],
      ['Topics › Economy', '#ffff00', true, 'Anything about jobs or taxes or business'],
      ['Health care', '#33cc33', true, ''],
    ]);
    const before = structuredClone(store.data.codebook);
    const again = await importRefiCodebook(store, { name: 'book.qdc', bytes: new Uint8Array(Buffer.from(qdc.replace('name="Economy"', 'name="economy"'), 'utf8')) });
    expect(again.counts).toMatchObject({ codes: 0, codesReused: 3 });
    expect(store.data.codebook).toEqual(before);
  });

  it('refuses a damaged project.qde, naming the file and the part', async () => {
    const bytes = await zip({ 'project.qde': '<Project name="x"><Users><User guid="1"></Users></Project>', 'sources/a.txt': 'x' });
    const { store } = await freshProject();
    const error = await importError(importRefiProject(store, { name: 'Broken.qdpx', bytes }));
    expect(error.file).toBe('Broken.qdpx');
    expect(error.reason).toMatch(/^its project\.qde is not well-formed XML \(line 1, column \d+: .+\)/);
    expect(store.data.codebook).toHaveLength(0);
  });

  it('refuses an archive with no .qde, or with two', async () => {
    const { store } = await freshProject();
    const none = await importError(importRefiProject(store, { name: 'None.qdpx', bytes: await zip({ 'sources/a.txt': 'x' }) }));
    expect(none.reason).toBe('contains no project.qde, so it is not a REFI-QDA project export (.qdpx)');
    const two = await importError(
      importRefiProject(store, { name: 'Two.qdpx', bytes: await zip({ 'project.qde': nvivoQde, 'Other.qde': nvivoQde }) }),
    );
    expect(two.reason).toMatch(/^contains 2 project files \((project\.qde, Other\.qde|Other\.qde, project\.qde)\); a REFI-QDA export has exactly one/);
  });

  it('refuses a codebook given as a project, and something that is not REFI-QDA at all', async () => {
    const { store } = await freshProject();
    const qdc = '<CodeBook><Codes><Code guid="a" name="A" isCodable="true"/></Codes></CodeBook>';
    const asProject = await importError(importRefiProject(store, { name: 'book.qdc', bytes: new Uint8Array(Buffer.from(qdc)) }));
    expect(asProject.reason).toMatch(/codebook, not a project/);
    const html = await importError(importRefiCodebook(store, { name: 'page.qdc', bytes: new Uint8Array(Buffer.from('<html><body/></html>')) }));
    expect(html.reason).toBe('it is not a REFI-QDA project or codebook: its root element is <html>, not <Project> or <CodeBook>');
  });
});

describe('REFI-QDA offsets', () => {
  const shipped = '\ufeffab\r\n😀c\re\u0301f';
  // normalised: "ab\n😀c\néf"
  const positions = new SourcePositions(shipped);
  const slice = (r: ReturnType<SourcePositions['place']>) => (r.ok ? positions.text.slice(r.start, r.end) : r.reason);

  it('normalises as the store does and maps each counting onto it', () => {
    expect(positions.text).toBe(normaliseText(shipped));
    expect(positions.text).toBe('ab\n😀c\néf');
    // UTF-16 units, CR LF as two (NVivo): a=0 b=1 CR=2 LF=3 😀=4,5 c=6 CR=7 e=8 ◌́=9 f=10
    const nvivo = { unit: 'utf16', crlfAsOne: false } as const;
    expect(positions.vendorLength(nvivo)).toBe(11);
    expect(slice(positions.place(4, 7, nvivo))).toBe('😀c');
    expect(slice(positions.place(8, 11, nvivo))).toBe('éf');
    // Code points, CR LF as two (the standard): 😀=4 c=5 CR=6 e=7 ◌́=8 f=9
    const standard = { unit: 'codepoint', crlfAsOne: false } as const;
    expect(positions.vendorLength(standard)).toBe(10);
    expect(slice(positions.place(4, 6, standard))).toBe('😀c');
    expect(slice(positions.place(7, 10, standard))).toBe('éf');
    // Code points, CR LF as one (ATLAS.ti): LF=2 😀=3 c=4 CR=5 e=6 ◌́=7 f=8
    const atlas = { unit: 'codepoint', crlfAsOne: true } as const;
    expect(positions.vendorLength(atlas)).toBe(9);
    expect(slice(positions.place(3, 5, atlas))).toBe('😀c');
    expect(slice(positions.place(0, 9, atlas))).toBe(positions.text);
  });

  it('widens a span that splits a character: half an emoji, half a CR LF, a letter without its accent', () => {
    const nvivo = { unit: 'utf16', crlfAsOne: false } as const;
    expect(slice(positions.place(5, 7, nvivo))).toBe('😀c');
    expect(slice(positions.place(3, 4, nvivo))).toBe('\n');
    expect(slice(positions.place(0, 3, nvivo))).toBe('ab\n');
    expect(slice(positions.place(8, 9, nvivo))).toBe('é');
    expect(slice(positions.place(9, 11, nvivo))).toBe('éf');
  });

  it('reports what cannot be placed', () => {
    const nvivo = { unit: 'utf16', crlfAsOne: false } as const;
    expect(slice(positions.place(2, 12, nvivo))).toBe('it ends at 12, beyond the end of the text (11 UTF-16 units)');
    expect(slice(positions.place(5, 5, nvivo))).toBe('it is empty (starts and ends at 5)');
    expect(slice(positions.place(6, 3, nvivo))).toBe('it ends (3) before it starts (6)');
    expect(slice(positions.place(-1, 3, nvivo))).toBe('it starts at -1, before the start of the text');
    expect(slice(positions.place(Number.NaN, 3, nvivo))).toBe('its position is not a whole number');
  });

  it('keeps the program’s counting unless the selections clearly fit another', () => {
    const text = 'Alpha 😀 beta 😀 gamma 😀 delta\r\nepsilon zeta';
    const source = new SourcePositions(text);
    const words = ['beta', 'gamma', 'delta', 'epsilon', 'zeta'];
    const utf16 = words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length }));
    expect(chooseScheme('ATLAS.ti 9', [{ positions: source, selections: [] }])).toMatchObject({ decidedBy: 'origin', scheme: { unit: 'codepoint', crlfAsOne: true } });
    expect(chooseScheme('Tool', [{ positions: source, selections: utf16 }])).toMatchObject({ decidedBy: 'evidence', scheme: { unit: 'utf16', crlfAsOne: false } });
    expect(chooseScheme(undefined, [{ positions: new SourcePositions('plain text'), selections: [{ start: 0, end: 5 }] }])).toMatchObject({ decidedBy: 'standard' });
  });
});
