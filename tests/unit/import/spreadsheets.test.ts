import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../../helpers/shared-files';
import { ZipFile } from 'yazl';
import { AppError } from '../../../shared/api/errors';
import { invertPatch } from '../../../shared/domain/patch';
import { splitTurns } from '../../../shared/text/turns';
import {
  attributeTablePatch,
  attributeTableUpdates,
  fitAttributeValues,
  inferAttributeType,
  inspectTable,
  isNumberText,
  tableToDocuments,
  toIsoDate,
} from '../../../electron/services/import/spreadsheet-import';
import { readTable, spreadsheetLimits } from '../../../electron/services/import/spreadsheet-read';
import { readXlsx, timeoutReason } from '../../../electron/services/import/spreadsheet-xlsx';
import type { WorkerModule } from '../../../electron/services/workers/worker-modules';
import { importLimits } from '../../../electron/services/import/types';
import { failure } from './import-checks';
import type { SourceFile } from '../../../electron/services/import/types';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addDocument } from '../../helpers/store-edits';

const tempDir = useTempDirs();
const examples = sharedPath('fixtures', 'qualcoder-examples');
const haveExamples = haveShared(examples, 'the QualCoder example spreadsheets');
const xlsxPath = createRequire(import.meta.url).resolve('xlsx');

async function example(name: string): Promise<SourceFile> {
  return { name, bytes: await readFile(join(examples, name)) };
}

function csv(name: string, text: string | Buffer): SourceFile {
  return { name, bytes: typeof text === 'string' ? Buffer.from(text, 'utf-8') : text };
}


/** Object.prototype and friends exactly as they were: nothing added, removed or replaced. */
function builtInsSnapshot() {
  return [Object.prototype, Array.prototype, String.prototype, Function.prototype].map((p) =>
    Reflect.ownKeys(p).map((k) => [k, Object.getOwnPropertyDescriptor(p, k)?.value]),
  );
}

// ------------------------------------------------------------------------------------------
// Building .xlsx packages in memory

async function zip(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(Buffer.from(data), name, { compress: true });
  z.end();
  const chunks: Buffer[] = [];
  for await (const chunk of z.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface XlsxParts {
  sheet?: string;
  comments?: string;
  styles?: string;
  sharedStrings?: string;
  sheetName?: string;
  extra?: Record<string, string | Buffer>;
}

/** A minimal workbook: one sheet, and optionally comments, styles and shared strings. */
function xlsxEntries(parts: XlsxParts = {}): Record<string, string | Buffer> {
  const override = (part: string, type: string) => `<Override PartName="/xl/${part}" ContentType="${CT}.${type}+xml"/>`;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const entries: Record<string, string | Buffer> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('workbook.xml', 'sheet.main') +
      override('worksheets/sheet1.xml', 'worksheet') +
      (parts.comments ? override('comments1.xml', 'comments') : '') +
      (parts.styles ? override('styles.xml', 'styles') : '') +
      (parts.sharedStrings ? override('sharedStrings.xml', 'sharedStrings') : '') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="${parts.sheetName ?? 'Answers'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">` +
      rel('rId1', 'worksheet', 'worksheets/sheet1.xml') +
      (parts.styles ? rel('rId2', 'styles', 'styles.xml') : '') +
      (parts.sharedStrings ? rel('rId3', 'sharedStrings', 'sharedStrings.xml') : '') +
      '</Relationships>',
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>` +
      (parts.sheet ??
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Answer</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>hello</t></is></c></row>') +
      '</sheetData></worksheet>',
  };
  if (parts.comments) {
    entries['xl/worksheets/_rels/sheet1.xml.rels'] =
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rel('rId1', 'comments', '../comments1.xml')}</Relationships>`;
    entries['xl/comments1.xml'] = parts.comments;
  }
  if (parts.styles) entries['xl/styles.xml'] = parts.styles;
  if (parts.sharedStrings) entries['xl/sharedStrings.xml'] = parts.sharedStrings;
  return { ...entries, ...parts.extra };
}

async function xlsx(name: string, parts: XlsxParts = {}): Promise<SourceFile> {
  return { name, bytes: await zip(xlsxEntries(parts)) };
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A worker body that answers at once with one empty sheet: for checks that must come first. */
/** A stand-in worker module (CommonJS), to prove the parent's checks hold whatever the worker does. */
async function workerModule(source: string): Promise<WorkerModule> {
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-worker-'));
  const file = join(dir, 'worker.cjs');
  await writeFile(file, source);
  return { name: 'test-worker', source: file };
}

const alwaysFineWorker = `require('node:worker_threads').parentPort.postMessage({ ok: true, sheets: [{ name: 'S', rows: [] }] });`;

// ------------------------------------------------------------------------------------------

describe('reading CSV', () => {
  it('drops a UTF-8 BOM and keeps quoted commas in one cell', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name,Answer\r\nA,"Hello, world"\r\n')]);
    const table = await readTable(csv('bom.csv', bytes));
    expect(table.sheets).toEqual([{ name: 'bom', rows: [['Name', 'Answer'], ['A', 'Hello, world']] }]);
  });

  it('detects semicolons and reads quoted cells holding line breaks, commas and doubled quotes', async () => {
    const text = 'Case;Age;Notes\r\nC1;30;"Line one, with a comma\r\nLine two; still ""quoted"""\r\nC2;;plain, simple\r\n';
    const table = await readTable(csv('notes.csv', text));
    expect(table.sheets[0]!.rows).toEqual([
      ['Case', 'Age', 'Notes'],
      ['C1', '30', 'Line one, with a comma\r\nLine two; still "quoted"'],
      ['C2', '', 'plain, simple'],
    ]);
    const { documents } = tableToDocuments(table, { textColumns: ['Notes'], mode: 'row', nameColumn: 'Case', fileName: 'notes.csv' });
    expect(documents[0]!.text).toBe('Line one, with a comma\nLine two; still "quoted"');
    expect(documents[1]!.attributes).toEqual({ Age: null });
  });

  it('detects tabs', async () => {
    const table = await readTable(csv('answers.csv', 'Name\tAnswer, long\nP1\tYes, often\n'));
    expect(table.sheets[0]!.rows).toEqual([['Name', 'Answer, long'], ['P1', 'Yes, often']]);
  });

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    const latin = (s: string) => Buffer.from([...s].map((c) => c.charCodeAt(0)));
    const bytes = Buffer.concat([latin('Place,Quote\r\nCaf'), Buffer.from([0xe9]), latin(','), Buffer.from([0x93]), latin('fine'), Buffer.from([0x94, 0x20, 0x80]), latin('5\r\n')]);
    const table = await readTable(csv('legacy.csv', bytes));
    expect(table.sheets[0]!.rows[1]).toEqual(['Café', '“fine” €5']);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tNote\r\nZoë\t☕ time\r\n', 'utf16le')]);
    expect((await readTable(csv('unicode.csv', bytes))).sheets[0]!.rows).toEqual([['Name', 'Note'], ['Zoë', '☕ time']]);
  });

  it('refuses a quote that is never closed, rather than running the rest into one cell', async () => {
    const err = await failure(readTable(csv('broken.csv', 'Name,Answer\nA,"never closed\nB,fine\n')));
    expect(err.file).toBe('broken.csv');
    expect(err.reason).toMatch(/quoted cell in row 2 is never closed/);
  });

  it('refuses files beyond the row, column and cell limits with the limit in words', async () => {
    const limits = { ...spreadsheetLimits, maxRows: 3, maxColumns: 2, maxCellChars: 10 };
    expect((await failure(readTable(csv('rows.csv', 'a\nb\nc\nd\n'), { limits }))).reason).toMatch(/more than 3 rows/);
    expect((await readTable(csv('rows.csv', 'a\nb\nc\n\n\n'), { limits })).sheets[0]!.rows).toHaveLength(3);
    expect((await failure(readTable(csv('cols.csv', 'a,b,c\n'), { limits }))).reason).toMatch(/row 1 has more than 2 columns/);
    expect((await failure(readTable(csv('long.csv', 'a\nabcdefghijk\n'), { limits }))).reason).toMatch(/row 2 has a cell longer than 10/);
  });

  it('refuses a workbook or binary data named .csv', async () => {
    const workbook = await xlsx('x.xlsx');
    expect((await failure(readTable({ name: 'data.csv', bytes: workbook.bytes }))).reason).toMatch(/looks like an Excel workbook/);
    expect((await failure(readTable(csv('bin.csv', Buffer.from([1, 2, 0, 3]))))).reason).toMatch(/binary data/);
  });
});

describe('inspecting a table', () => {
  it('names blank and repeated headers, counts rows and samples them', async () => {
    const table = await readTable(csv('t.csv', '\n\nName,Age,,age,Comment\nA,1,x,2,A long comment about the walking group\n\nB,2,,3,Another long comment about the food bank\n'));
    const [sheet] = inspectTable(table).sheets;
    expect(sheet!.columns).toEqual(['Name', 'Age', 'Column 3', 'age (2)', 'Comment']);
    expect(sheet!.rowCount).toBe(2);
    expect(sheet!.sample).toEqual([
      ['A', '1', 'x', '2', 'A long comment about the walking group'],
      ['B', '2', '', '3', 'Another long comment about the food bank'],
    ]);
    expect(sheet!.suggested).toEqual({ textColumns: ['Comment'], nameColumn: 'Name' });
  });

  it('infers numbers, ISO and UK dates, and keeps codes with leading zeros as text', () => {
    expect(inferAttributeType(['24', '', '-3.5', '1e3'])).toBe('number');
    expect(inferAttributeType(['007', '12'])).toBe('text');
    expect(isNumberText('12345678901234567')).toBe(false);
    expect(inferAttributeType(['15/03/2024', '2024-04-02', '1.2.2024'])).toBe('date');
    expect(toIsoDate('15/03/2024')).toBe('2024-03-15');
    expect(toIsoDate('31/02/2024')).toBeNull();
    expect(inferAttributeType(['15/03/2024', 'soon'])).toBe('text');
    expect(inferAttributeType([])).toBe('text');
  });
});

describe('rows and groups to documents', () => {
  const conversations = [
    'Conversation,Speaker,Notes,Borough,Date',
    'C1,Facilitator,Welcome everyone.,Hackney,15/03/2024',
    'C1,Resident,We started the walking group ourselves.,Hackney,15/03/2024',
    'C2,Facilitator,What matters here?,Lambeth,2024-04-02',
    'C2,Youth worker,"Space to meet.\nSomewhere warm.",Lambeth,2024-04-02',
    'C1,Resident,,Hackney,',
    ',Resident,A note with no conversation,Hackney,',
    'C2,Resident,Buses,Southwark,2024-04-02',
  ].join('\n');

  it('makes one document per group, each row a turn labelled by its speaker', async () => {
    const table = await readTable(csv('conversations.csv', conversations));
    expect(inspectTable(table).sheets[0]!.suggested.groupColumn).toBe('Conversation');
    const result = tableToDocuments(table, {
      textColumns: ['Notes'],
      mode: 'group',
      groupColumn: 'Conversation',
      nameColumn: 'Speaker',
      fileName: 'conversations.csv',
    });
    expect(result.documents.map((d) => d.name)).toEqual(['C1', 'C2']);
    const [c1, c2] = result.documents;
    expect(c1!.text).toBe('Facilitator: Welcome everyone.\n\nResident: We started the walking group ourselves.');
    expect(c1!.turns.map((t) => [t.speaker, c1!.text.slice(t.start, t.end)])).toEqual([
      ['Facilitator', 'Welcome everyone.'],
      ['Resident', 'We started the walking group ourselves.'],
    ]);
    // The same turns a "Name: text" transcript gives.
    expect(splitTurns(c1!.text, 'colon')).toEqual(c1!.turns);
    expect(splitTurns(c2!.text, 'colon')).toEqual(c2!.turns);
    expect(c2!.turns.map((t) => t.speaker)).toEqual(['Facilitator', 'Youth worker', 'Resident']);
    expect(c2!.text).toContain('Youth worker: Space to meet.\nSomewhere warm.');
    // Constant within the group (empties aside) → an attribute; varying → null.
    expect(result.attributes).toEqual([
      { name: 'Borough', type: 'text' },
      { name: 'Date', type: 'date' },
    ]);
    expect(c1!.attributes).toEqual({ Borough: 'Hackney', Date: '2024-03-15' });
    expect(c2!.attributes).toEqual({ Borough: null, Date: '2024-04-02' });
    expect(result.skipped).toEqual([
      { row: 6, reason: 'no text' },
      { row: 7, reason: 'no group' },
    ]);
  });

  it('labels turns "Row N" when no speaker column is chosen', async () => {
    const table = await readTable(csv('conversations.csv', conversations));
    const { documents } = tableToDocuments(table, { textColumns: ['Notes'], mode: 'group', groupColumn: 'Conversation', fileName: 'c.csv' });
    expect(documents[0]!.turns.map((t) => t.speaker)).toEqual(['Row 2', 'Row 3']);
  });

  it('names rows after the file when no name column is chosen, skipping rows without text', async () => {
    const table = await readTable(csv('feedback.csv', 'Answer,Score\nGood service,3\n\n,4\nBad,5\nBad,5\n'));
    const result = tableToDocuments(table, { textColumns: ['Answer'], mode: 'row', fileName: 'feedback.csv' });
    expect(result.documents.map((d) => [d.name, d.text, d.attributes.Score])).toEqual([
      ['feedback row 2', 'Good service', 3],
      ['feedback row 5', 'Bad', 5],
      ['feedback row 6', 'Bad', 5],
    ]);
    expect(result.skipped).toEqual([{ row: 4, reason: 'no text' }]);
    const named = tableToDocuments(table, { textColumns: ['Answer'], mode: 'row', nameColumn: 'Score', fileName: 'feedback.csv' });
    expect(named.documents.map((d) => d.name)).toEqual(['3', '5', '5 (2)']);
  });

  it('keeps names unique in linear time, even when every row repeats one name', async () => {
    const lines = ['Group,Answer'];
    for (let i = 0; i < 30_000; i++) lines.push(`Same,answer ${i}`);
    const table = await readTable(csv('many.csv', lines.join('\n')));
    const started = Date.now();
    const { documents } = tableToDocuments(table, { textColumns: ['Answer'], mode: 'row', nameColumn: 'Group', fileName: 'many.csv' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(documents.map((d) => d.name).slice(0, 3)).toEqual(['Same', 'Same (2)', 'Same (3)']);
    expect(documents.at(-1)!.name).toBe('Same (30000)');
    expect(new Set(documents.map((d) => d.name)).size).toBe(30_000);
  });

  it('makes each of several text columns a labelled turn, as splitTurns reads it', async () => {
    const table = await readTable(csv('two.csv', 'Id,Hobbies,Pets\nP1,Walking,A dog\nP2,,Cats\n'));
    const { documents } = tableToDocuments(table, { textColumns: ['Hobbies', 'Pets'], mode: 'row', nameColumn: 'Id', fileName: 'two.csv' });
    expect(documents[0]!.text).toBe('Hobbies: Walking\n\nPets: A dog');
    expect(splitTurns(documents[0]!.text, 'colon')).toEqual(documents[0]!.turns);
    expect(documents[1]!.text).toBe('Pets: Cats');
  });

  it('refuses unknown columns, a column in two roles, and a choice that yields nothing', async () => {
    const table = await readTable(csv('t.csv', 'A,B\nx,\n'));
    expect(() => tableToDocuments(table, { textColumns: ['C'], mode: 'row', fileName: 't.csv' })).toThrow(/no column "C"/);
    expect(() => tableToDocuments(table, { textColumns: ['A'], mode: 'row', nameColumn: 'A', fileName: 't.csv' })).toThrow(/two roles/);
    expect(() => tableToDocuments(table, { textColumns: ['A'], mode: 'group', fileName: 't.csv' })).toThrow(/group rows by/);
    expect(() => tableToDocuments(table, { textColumns: ['B'], mode: 'row', fileName: 't.csv' })).toThrow(/no rows with text in "B"/);
    expect(() => tableToDocuments(table, { sheet: 'Other', textColumns: ['A'], mode: 'row', fileName: 't.csv' })).toThrow(/no sheet named "Other"/);
  });

  it('keeps a "__proto__" header from becoming a prototype', async () => {
    const table = await readTable(csv('p.csv', 'Text,__proto__\nhello,{"polluted":1}\n'));
    const { documents, attributes } = tableToDocuments(table, { textColumns: ['Text'], mode: 'row', fileName: 'p.csv' });
    expect(attributes).toEqual([{ name: 'Column 2', type: 'text' }]);
    expect(documents[0]!.attributes).toEqual({ 'Column 2': '{"polluted":1}' });
    expect(Object.getPrototypeOf(documents[0]!.attributes)).toBe(Object.prototype);
  });
});

describe.skipIf(!haveExamples)('QualCoder example files', () => {
  it('survey456.csv: a document per answer, the other columns typed attributes', async () => {
    const table = await readTable(await example('survey456.csv'));
    const [sheet] = inspectTable(table).sheets;
    expect(sheet!.columns).toEqual(['Case', 'Age', 'Gender', 'Interest', 'freetext']);
    expect(sheet!.suggested).toEqual({ textColumns: ['freetext'], nameColumn: 'Case' });
    const result = tableToDocuments(table, { textColumns: ['freetext'], mode: 'row', nameColumn: 'Case', fileName: 'survey456.csv' });
    expect(result.attributes).toEqual([
      { name: 'Age', type: 'number' },
      { name: 'Gender', type: 'text' },
      { name: 'Interest', type: 'text' },
    ]);
    expect(result.documents.map((d) => d.name)).toEqual(['ID4', 'ID5', 'ID6']);
    const [id4, id5, id6] = result.documents;
    expect(id4!.text).toBe('I wanted to do some more studies but after leaving school and start working, I really lost the interest.');
    expect(id4!.turns).toEqual([{ start: 0, end: id4!.text.length, speaker: null }]);
    expect(id4!.attributes).toEqual({ Age: 24, Gender: 'f', Interest: 'shopping' });
    expect(id5!.attributes).toEqual({ Age: null, Gender: 'm', Interest: 'golf' });
    expect(id6!.attributes).toEqual({ Age: 67, Gender: 'm', Interest: 'gardening' });
    expect(id6!.text.endsWith('doing my gardening.')).toBe(true); // the trailing space in the file is trimmed
  });

  it('survey789.xlsx: read in the worker; two free-text columns become labelled turns', async () => {
    const table = await readTable(await example('survey789.xlsx'));
    expect(table.sheets.map((s) => s.name)).toEqual(['survey']);
    expect(table.sheets[0]!.rows[0]).toEqual(['Case', 'Age', 'Gender', 'Interest', 'Qual_hobby_opinions', 'Qual_pet_opinions']);
    const { suggested } = inspectTable(table).sheets[0]!;
    expect(suggested).toEqual({ textColumns: ['Qual_hobby_opinions', 'Qual_pet_opinions'], nameColumn: 'Case' });
    const result = tableToDocuments(table, { ...suggested, mode: 'row', fileName: 'survey789.xlsx' });
    expect(result.attributes).toEqual([
      { name: 'Age', type: 'number' },
      { name: 'Gender', type: 'text' },
      { name: 'Interest', type: 'text' },
    ]);
    const byName = new Map(result.documents.map((d) => [d.name, d]));
    expect([...byName.keys()]).toEqual(['ID7', 'ID8', 'ID9']);
    const id8 = byName.get('ID8')!;
    expect(id8.text).toBe('Qual_hobby_opinions: I like tv programs, and my favourites are morning shows and the news\n\nQual_pet_opinions: A fish');
    expect(id8.turns.map((t) => [t.speaker, id8.text.slice(t.start, t.end)])).toEqual([
      ['Qual_hobby_opinions', 'I like tv programs, and my favourites are morning shows and the news'],
      ['Qual_pet_opinions', 'A fish'],
    ]);
    expect(byName.get('ID7')!.attributes).toEqual({ Age: 33, Gender: 'm', Interest: 'surveys' });
    expect(id8.attributes).toEqual({ Age: null, Gender: 'f', Interest: 'television' });
    expect(byName.get('ID9')!.attributes).toEqual({ Age: 55, Gender: 'f', Interest: 'economics' });
  });

  it('cases123.csv and cases456.xlsx fill attributes of existing documents in one undoable patch each', async () => {
    const dir = join(await tempDir(), 'Cases.marginalia');
    const store = await createProject(dir, { name: 'Cases', template: 'thrive-ldn' }, fixedDeps());
    const ids = new Map<string, string>();
    for (const name of ['ID1', 'ID2', 'ID3', 'ID4', 'id 5']) {
      const doc = await addDocument(store, { name, text: `Interview ${name}`, turns: [], attributes: {}, importedFrom: `${name}.txt` });
      ids.set(name, doc.id);
    }
    const attrsOf = (name: string) => store.data.documents.find((d) => d.id === ids.get(name))!.attributes;

    const first = attributeTableUpdates(await readTable(await example('cases123.csv')), { nameColumn: 'case' }, store.data.documents);
    expect(first.defs).toEqual([
      { name: 'Age', type: 'number' },
      { name: 'gender', type: 'text' },
      { name: 'interest', type: 'text' },
    ]);
    expect(first.unmatched).toEqual([]);
    const firstPatch = attributeTablePatch(store.data, first, 'Import cases123.csv');
    expect(firstPatch.project?.attributes?.map((c) => c.after)).toEqual(first.defs.map((d, rank) => ({ ...d, rank })));
    await store.applyPatch(firstPatch);
    expect(attrsOf('ID1')).toEqual({ Age: 20, gender: 'f', interest: 'science' });
    expect(attrsOf('ID2')).toEqual({ Age: 22, gender: 'm', interest: 'performing arts' });
    expect(attrsOf('ID3')).toEqual({ Age: 45, gender: 'f', interest: 'politics' });

    const workbook = await readTable(await example('cases456.xlsx'));
    expect(workbook.sheets[0]!.name).toBe('attributes');
    const second = attributeTableUpdates(workbook, { nameColumn: 'case' }, store.data.documents);
    expect(second.unmatched).toEqual(['ID6']);
    expect(second.updates.map((u) => u.documentId)).toEqual([ids.get('ID4'), ids.get('id 5')]); // "ID5" matches "id 5"
    const secondPatch = attributeTablePatch(store.data, second);
    expect(secondPatch.project?.attributes).toEqual([]); // the attributes exist now
    await store.applyPatch(secondPatch);
    expect(attrsOf('ID4')).toEqual({ Age: 56, gender: 'f', interest: 'netball' });
    expect(attrsOf('id 5')).toEqual({ Age: 73, gender: 'm', interest: 'gardening' });

    await store.flush();
    expect((await ProjectStore.open(dir, fixedDeps())).data).toEqual(store.data);

    await store.applyPatch(invertPatch(secondPatch));
    expect(attrsOf('ID4')).toEqual({});
    expect(attrsOf('ID1')).toEqual({ Age: 20, gender: 'f', interest: 'science' });
    await store.applyPatch(invertPatch(firstPatch));
    expect(store.data.attributes).toEqual([]);
    expect(attrsOf('ID1')).toEqual({});
  });
});

describe('attribute tables against the project', () => {
  const meta = (id: string, name: string, attributes: Record<string, string | number> = {}) => ({
    id,
    name,
    hash: '0'.repeat(64),
    length: 1,
    turnCount: 0,
    attributes,
    importedFrom: `${name}.txt`,
    importedAt: '2026-01-05T09:00:00.000Z',
    rank: 0,
  });

  it('fills an existing attribute under its own name and type, and never erases with an empty cell', async () => {
    const table = await readTable(csv('t.csv', 'Name,AGE,Borough\nAmara,31,\nBen,,Hackney\nNobody,1,x\n'));
    const documents = [meta('d1', 'Amara', { age: 30, Borough: 'Lambeth' }), meta('d2', 'Ben')];
    const result = attributeTableUpdates(table, { nameColumn: 'Name' }, documents);
    expect(result.unmatched).toEqual(['Nobody']);
    const patch = attributeTablePatch({ attributes: [{ name: 'age', type: 'text', rank: 0 }], documents }, result);
    expect(patch.project?.attributes?.map((c) => c.after)).toEqual([{ name: 'Borough', type: 'text', rank: 1 }]);
    expect(patch.project?.documents).toEqual([
      { id: 'd1', before: { attributes: { age: 30, Borough: 'Lambeth' } }, after: { attributes: { age: '31', Borough: 'Lambeth' } } },
      { id: 'd2', before: { attributes: {} }, after: { attributes: { Borough: 'Hackney' } } },
    ]);
  });

  it('refuses values that do not fit an existing attribute, naming it', async () => {
    const table = await readTable(csv('t.csv', 'Name,Joined\nAmara,31\n'));
    const documents = [meta('d1', 'Amara')];
    const result = attributeTableUpdates(table, { nameColumn: 'Name' }, documents);
    expect(() => attributeTablePatch({ attributes: [{ name: 'Joined', type: 'date', rank: 0 }], documents }, result)).toThrow(
      /attribute "Joined" holds dates/,
    );
    const fitted = fitAttributeValues([{ name: 'Joined', type: 'date', rank: 0 }], [{ name: 'joined', type: 'text' }], [{ joined: '15/03/2024' }]);
    expect(fitted.valueSets).toEqual([{ Joined: '2024-03-15' }]);
    expect(() => fitAttributeValues([], [], [{ Stray: 1 }])).toThrow(AppError);
  });

  it('reports names that loosely match several documents, and later duplicate rows', async () => {
    const table = await readTable(csv('t.csv', 'Name,Age\nP 1,20\nAmara,30\namara ,31\n'));
    const documents = [meta('d1', 'p1'), meta('d2', 'P1 '), meta('d3', 'Amara')];
    const result = attributeTableUpdates(table, { nameColumn: 'Name' }, documents);
    expect(result.ambiguous).toEqual(['P 1']);
    expect(result.duplicates).toEqual(['amara']);
    expect(result.updates).toEqual([{ documentId: 'd3', values: { Age: 31 } }]);
  });
});

describe('reading .xlsx in an isolated worker', () => {
  it('turns every cell into a string: dates as YYYY-MM-DD, numbers as Excel shows them', async () => {
    const styles =
      `<?xml version="1.0"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const sharedStrings = `<?xml version="1.0"?><sst xmlns="${NS}"><si><r><t>rich </t></r><r><t>text</t></r></si></sst>`;
    const sheet =
      `<row r="1">${['Date', 'When', 'Score', 'Flag', 'Ratio', 'Time', 'Count', 'Note'].map((h, i) => inline(`${'ABCDEFGH'[i]}1`, h)).join('')}</row>` +
      '<row r="2"><c r="A2" s="1"><v>45366</v></c><c r="B2" s="2"><v>45366.5625</v></c><c r="C2"><v>0.30000000000000004</v></c>' +
      '<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" s="1"><v>0.5625</v></c><c r="G2"><v>123456789</v></c>' +
      '<c r="H2" t="s"><v>0</v></c></row>' +
      `<row r="4">${inline('B4', 'later')}</row>`;
    const table = await readTable(await xlsx('values.xlsx', { styles, sharedStrings, sheet }));
    expect(table.sheets).toEqual([
      {
        name: 'Answers',
        rows: [
          ['Date', 'When', 'Score', 'Flag', 'Ratio', 'Time', 'Count', 'Note'],
          ['2024-03-15', '2024-03-15 13:30', '0.3', 'TRUE', '#DIV/0!', '13:30', '123456789', 'rich text'],
          [],
          ['', 'later'],
        ],
      },
    ]);
  });

  it('enforces the limits inside the worker', async () => {
    const sheet = ['a', 'b', 'c'].map((v, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, v)}</row>`).join('');
    const file = await xlsx('rows.xlsx', { sheet });
    expect((await readTable(file)).sheets[0]!.rows).toEqual([['a'], ['b'], ['c']]);
    const err = await failure(readTable(file, { limits: { ...spreadsheetLimits, maxRows: 2 } }));
    expect(err.reason).toBe('is too large to import: sheet "Answers" has more than 2 rows.');
  });

  it('names the real format of .xls, .xlsb, .ods and garbage given an .xlsx name', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect((await failure(readTable({ name: 'old.xlsx', bytes: ole2 }))).reason).toMatch(/Excel 97–2003 workbook \(\.xls\) or a password-protected/);
    const xlsb = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': Buffer.alloc(16) });
    expect((await failure(readTable({ name: 'binary.xlsx', bytes: xlsb }))).reason).toMatch(/Excel binary workbook \(\.xlsb\)/);
    const ods = await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    expect((await failure(readTable({ name: 'calc.xlsx', bytes: ods }))).reason).toMatch(/OpenDocument/);
    expect((await failure(readTable({ name: 'noise.xlsx', bytes: Buffer.from('just some text, not a workbook') }))).reason).toMatch(
      /is not an Excel workbook \(\.xlsx\)/,
    );
    expect((await failure(readTable({ name: 'empty.zip.xlsx', bytes: await zip({ 'readme.txt': 'hi' }) }))).reason).toMatch(/no workbook inside/);
    const truncated = (await xlsx('t.xlsx')).bytes.subarray(0, 200);
    expect((await failure(readTable({ name: 'truncated.xlsx', bytes: truncated }))).reason).toMatch(/damaged/);
    expect((await failure(readTable({ name: 'old.xls', bytes: ole2 }))).reason).toMatch(/save it as an Excel workbook \(\.xlsx\) or CSV/);
    expect((await failure(readTable({ name: 'calc.ods', bytes: ods }))).reason).toMatch(/OpenDocument spreadsheet/);
    expect((await failure(readTable({ name: 'notes.docx', bytes: ods }))).reason).toMatch(/choose a \.csv or \.xlsx file/);
  });

  it('refuses a zip bomb before any worker starts', async () => {
    const bomb = { name: 'bomb.xlsx', bytes: await zip(xlsxEntries({ extra: { 'xl/media/padding.bin': Buffer.alloc(20 * 1024 * 1024) } })) };
    expect(bomb.bytes.length).toBeLessThan(100_000);
    // A worker that would answer at once: the refusal can only come from the check before it.
    const err = await failure(readXlsx(bomb, { worker: await workerModule(alwaysFineWorker) }));
    expect(err.reason).toMatch(/compressed \d+ times over, a sign of a "zip bomb"/);
  });

  it('refuses an entry that inflates to more than its header claims', async () => {
    const bytes = await zip(xlsxEntries({ extra: { 'xl/media/padding.bin': Buffer.alloc(5 * 1024 * 1024, 'A') } }));
    // Claim 100 bytes in both the central directory and the local header.
    let patched = 0;
    for (let i = 0; i < bytes.length - 46; i++) {
      if (bytes.readUInt32LE(i) !== 0x02014b50) continue;
      const nameLength = bytes.readUInt16LE(i + 28);
      if (bytes.toString('utf8', i + 46, i + 46 + nameLength) !== 'xl/media/padding.bin') continue;
      bytes.writeUInt32LE(100, i + 24);
      const local = bytes.readUInt32LE(i + 42);
      bytes.writeUInt32LE(100, local + 22);
      patched++;
    }
    expect(patched).toBe(1);
    const err = await failure(readXlsx({ name: 'liar.xlsx', bytes }, { worker: await workerModule(alwaysFineWorker) }));
    expect(err.reason).toMatch(/cannot be unpacked as its header describes/);
  });

  describe('a workbook crafted for prototype pollution (CVE-2023-30533)', () => {
    // The vector: a cell comment whose ref is "__proto__". SheetJS 0.18.5 in its default
    // (sparse) mode looks the cell up as sheet["__proto__"], gets Object.prototype, and
    // gives it a "c" array holding the comment.
    const comments =
      `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${NS}"><authors><author>x</author></authors><commentList>` +
      '<comment ref="__proto__" authorId="0"><text><t>polluted-by-comment</t></text></comment></commentList></comments>';
    const crafted = () => xlsx('crafted.xlsx', { comments, sharedStrings: `<?xml version="1.0"?><sst xmlns="${NS}"><si><t>__proto__</t></si></sst>` });

    it('really pollutes a realm that reads it with SheetJS defaults (control, in a throwaway worker)', async () => {
      const file = await crafted();
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         require(workerData.xlsxPath).read(Buffer.from(workerData.bytes), { type: 'buffer' });
         parentPort.postMessage(JSON.stringify(({}).c));`,
        { eval: true, execArgv: [], workerData: { xlsxPath, bytes: file.bytes } },
      );
      const seen = await new Promise<unknown>((resolve, reject) => worker.once('message', resolve).once('error', reject));
      await worker.terminate();
      expect(seen).toContain('polluted-by-comment');
    });

    it('leaves this process untouched and yields plain strings', async () => {
      const before = builtInsSnapshot();
      const table = await readTable(await crafted());
      expect(builtInsSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).c).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(table).toEqual({ sheets: [{ name: 'Answers', rows: [['Answer'], ['hello']] }] });
    });

    it('is refused with a clean error when the pollution does happen inside the worker', async () => {
      const sparse = { name: 'sparse-reader', source: fileURLToPath(new URL('./sparse-xlsx-worker.ts', import.meta.url)) };
      const before = builtInsSnapshot();
      const err = await failure(readXlsx(await crafted(), { worker: sparse }));
      expect(err.reason).toMatch(/tried to alter the spreadsheet reader itself/);
      expect(builtInsSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).c).toBeUndefined();
    });
  });

  it('takes from a hostile worker only arrays of strings, never its prototypes', async () => {
    const file = await xlsx('x.xlsx');
    const hostile = (reply: string) =>
      workerModule(`Object.prototype.polluted = 'yes'; Array.prototype.polluted = 'yes';
       require('node:worker_threads').parentPort.postMessage(${reply});`);
    const before = builtInsSnapshot();
    const table = await readXlsx(file, {
      worker: await hostile(`JSON.parse('{"ok":true,"sheets":[{"name":"S","rows":[["x"]],"__proto__":{"polluted":"yes"}}],"__proto__":{"polluted":"yes"}}')`),
    });
    expect(table).toEqual([{ name: 'S', rows: [['x']] }]);
    expect(Object.getPrototypeOf(table[0])).toBe(Object.prototype);
    expect(Object.keys(table[0]!)).toEqual(['name', 'rows']);
    const wrong = [`{ ok: true, sheets: [{ name: 'S', rows: [['a', 1]] }] }`, `{ ok: true, sheets: [{ name: 'S', rows: [['a'], ['b'], ['c']] }] }`, `'done'`, `{ ok: true, sheets: [{ name: 'S', rows: [[, 'a']] }] }`];
    for (const reply of wrong) {
      const err = await failure(readXlsx(file, { worker: await hostile(reply), limits: { ...spreadsheetLimits, maxRows: 2 } }));
      expect(err.reason).toMatch(/wrong shape/);
    }
    expect(builtInsSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('time limit', () => {
    it('is importLimits.spreadsheetTimeoutMs, in the words the user sees', () => {
      expect(timeoutReason(importLimits.spreadsheetTimeoutMs)).toBe(
        'took too long to read (over 20 s) and was stopped; it may be damaged or crafted.',
      );
    });

    it('stops a workbook crafted to make SheetJS backtrack (CVE-2024-22363), keeping this thread responsive', async () => {
      // styles.xml holding many "<!--" with no "-->": SheetJS strips comments with
      // /<!--([\s\S]*?)-->/, which rescans to the end from every opening: quadratic, about a
      // minute and a half (70–105 s measured here) for this file. Pseudo-random letters keep it far below the
      // compression-ratio limit.
      let seed = 7;
      const letter = () => String.fromCharCode(97 + (((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16) % 26));
      const openings: string[] = [];
      for (let i = 0; i < 200_000; i++) openings.push(`<!--${letter()}${letter()}${letter()}${letter()}`);
      const styles = `<?xml version="1.0"?><styleSheet xmlns="${NS}">${openings.join('')}</styleSheet>`;
      const slow = await xlsx('slow.xlsx', { styles });
      const control = await xlsx('control.xlsx', { styles: `<?xml version="1.0"?><styleSheet xmlns="${NS}"></styleSheet>` });
      // The limit counts from the worker's start, which from source (tsx) takes a second or two
      // on a busy machine: 6 s leaves room for that and is still far from the minute and a half.
      expect((await readTable(control, { timeoutMs: 6000 })).sheets[0]!.rows).toEqual([['Answer'], ['hello']]);

      let ticks = 0;
      const ticker = setInterval(() => ticks++, 25);
      const started = Date.now();
      const err = await failure(readTable(slow, { timeoutMs: 6000 })).finally(() => clearInterval(ticker));
      const elapsed = Date.now() - started;
      expect(err.file).toBe('slow.xlsx');
      expect(err.reason).toBe('took too long to read (over 6 s) and was stopped; it may be damaged or crafted.');
      expect(elapsed).toBeGreaterThanOrEqual(6000);
      expect(elapsed).toBeLessThan(12_000);
      expect(ticks).toBeGreaterThan(80); // ~240 if nothing blocked this thread
    });

    it('terminates a worker that never answers', async () => {
      const channel = `spreadsheet-heartbeat-${process.pid}-${Date.now()}`;
      const listener = new BroadcastChannel(channel);
      let beats = 0;
      listener.onmessage = () => beats++;
      // Busy forever, but beating through a BroadcastChannel so the test can see it run and stop.
      const neverAnswers = `const bc = new (require('node:worker_threads').BroadcastChannel)(${JSON.stringify(channel)});
        let last = 0; for (;;) { if (Date.now() - last > 20) { bc.postMessage(1); last = Date.now(); } }`;
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 25);
      try {
        const err = await failure(readXlsx(await xlsx('x.xlsx'), { worker: await workerModule(neverAnswers), timeoutMs: 5000 }));
        expect(err.reason).toMatch(/over 5 s/);
        expect(beats).toBeGreaterThan(5); // it was running
        expect(ticks).toBeGreaterThan(10);
        await new Promise((r) => setTimeout(r, 200));
        const settled = beats;
        await new Promise((r) => setTimeout(r, 400));
        expect(beats).toBe(settled); // and now it is not
      } finally {
        clearInterval(ticker);
        listener.close();
      }
    });
  });
});
