import type { WorkBook, WorkSheet } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { everything } from '../../../electron/services/export/coded-data';
import { exportWorkbook } from '../../../electron/services/export/excel-export';
import type { ExcelExportOptions } from '../../../electron/services/export/excel-export';
import { memorySink } from '../../../electron/services/export/workbook';
import type { WorkbookOutput } from '../../../electron/services/export/workbook';
import { codePath, subtreeIds } from '../../../shared/domain/codebook';
import { unionSpans } from '../../../shared/text/spans';
import { useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture, FORMULA, LONG_LENGTH, unzip, XLSX } from './export-fixture';
import type { ExportFixture } from './export-fixture';

const tempDir = useTempDirs();

function rowsOf(ws: WorkSheet): Record<string, unknown>[] {
  return XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { defval: null });
}

function cellAt(ws: WorkSheet, header: string, match: (row: Record<string, unknown>) => boolean): { address: string; cell: NonNullable<WorkSheet[string]> } {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  let column = -1;
  for (let c = 0; c <= range.e.c; c++) if (ws[XLSX.utils.encode_cell({ r: 0, c })]?.v === header) column = c;
  const rows = rowsOf(ws);
  const index = rows.findIndex(match);
  if (index === -1) throw new Error(`no row matches in the ${header} column`);
  const address = XLSX.utils.encode_cell({ r: index + 1, c: column });
  return { address, cell: ws[address] };
}

describe('exportWorkbook on the sample project', () => {
  let fx: ExportFixture;
  let output: WorkbookOutput;
  let wb: WorkBook;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    fx = await buildExportFixture(await tempDir());
    const agreement = [{ name: 'Agreement', columns: [{ header: 'Code' }, { header: "Cohen's κ", type: 'number' as const }], rows: [['Zero suicide', 0.71]] }];
    const { sink, bytes } = memorySink();
    const result = await exportWorkbook(fx.store, everything, {
      attributeColumns: 'all',
      crossAttribute: ['Borough', 'Stakeholder group'],
      sheetPerCode: true,
      agreement,
      onProgress: (done, total, stage) => progress.push([done, total, stage]),
      now: () => new Date(2026, 0, 6, 10, 0),
    }, sink);
    output = { ...result, bytes: bytes() };
    wb = XLSX.read(Buffer.from(output.bytes), { type: 'buffer', cellNF: true });
  }, 60_000);

  const total = () => fx.store.data.coders.reduce((n, c) => n + fx.store.codingsOf(c.id).length, 0);
  const codeId = (name: string) => fx.store.data.codebook.find((c) => c.name === name)!.id;

  it('has the sheets of the write-up, in order, then the per-code, agreement, About and Notes sheets', () => {
    expect(wb.SheetNames.slice(0, 9)).toEqual([
      'Coded segments',
      'Codebook',
      'Code × document',
      'Code × Borough',
      'Code × Borough (docs)',
      'Code × Stakeholder group',
      'Code × Stakeholder group (docs)',
      'Co-occurrence',
      'Memos',
    ]);
    expect(wb.SheetNames).toContain('Tackling stigma');
    expect(wb.SheetNames).toContain('Zero suicide');
    expect(wb.SheetNames.slice(-3)).toEqual(['Agreement', 'About', 'Notes']);
    expect(wb.Sheets.Agreement!.B2).toMatchObject({ t: 'n', v: 0.71 });
    for (const name of wb.SheetNames) expect(wb.Sheets[name]!['!autofilter'], name).toBeDefined();
  });

  it('writes one row per coding with the document attributes, speaker, code path, coder and dates', () => {
    const ws = wb.Sheets['Coded segments']!;
    const rows = rowsOf(ws);
    expect(rows).toHaveLength(total());
    expect(Object.keys(rows[0]!)).toEqual(['Document', 'Borough', 'Stakeholder group', 'Date', 'Participants', 'Speaker', 'Code', 'Code path', 'Top-level code', 'Coder', 'Start', 'End', 'Coded text', 'Memo', 'Created']);
    const hackney = fx.store.data.documents.find((d) => d.name.startsWith('01 Hackney'))!;
    const amara = fx.store.data.coders.find((c) => c.name === 'Amara Okafor')!;
    const coding = fx.store.codingsOf(amara.id).find((c) => c.documentId === hackney.id)!;
    const isIt = (r: Record<string, unknown>) => r.Document === hackney.name && r.Start === coding.start && r.End === coding.end && r.Coder === 'Amara Okafor';
    const row = rows.find(isIt)!;
    expect(row).toMatchObject({ Borough: 'Hackney', 'Stakeholder group': 'Young people', Participants: 48, End: coding.end });
    expect(row['Code path']).toBe(codePath(fx.store.data.codebook, coding.codeId).join(' > '));
    expect(row['Top-level code']).toBe(codePath(fx.store.data.codebook, coding.codeId)[0]);
    const date = cellAt(ws, 'Date', isIt).cell;
    expect(date).toMatchObject({ t: 'n', z: 'yyyy-mm-dd', w: '2017-03-14' });
    const created = cellAt(ws, 'Created', isIt).cell;
    expect(created).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
    expect(cellAt(ws, 'Participants', isIt).cell.t).toBe('n');
    expect(cellAt(ws, 'Start', isIt).cell.t).toBe('n');
  });

  it('writes the passage starting with "=" as text, never as a formula, with its memo and speaker', () => {
    const ws = wb.Sheets['Coded segments']!;
    const { cell } = cellAt(ws, 'Coded text', (r) => r.Document === 'Formula leaflet');
    expect(cell.t).toBe('s');
    expect(cell.f).toBeUndefined();
    expect(cell.v).toBe(`${FORMULA} was all it`);
    const row = rowsOf(ws).find((r) => r.Document === 'Formula leaflet')!;
    expect(row).toMatchObject({ Speaker: 'Resident', Code: 'Tackling stigma', Coder: 'Test Coder', Memo: fx.codingMemo, Borough: 'Camden' });
    const perCode = rowsOf(wb.Sheets['Tackling stigma']!).find((r) => r.Document === 'Formula leaflet')!;
    expect(perCode['Coded text']).toBe(`${FORMULA} was all it`);
  });

  it('cuts the passage longer than a cell, with the marker, and explains it in Notes', async () => {
    const { cell, address } = cellAt(wb.Sheets['Coded segments']!, 'Coded text', (r) => r.Document === 'Long answer');
    const text = cell.v as string;
    expect(text).toHaveLength(32_767);
    expect(text.endsWith(`… [cut: ${LONG_LENGTH.toLocaleString('en-US')} characters in all; see Notes]`)).toBe(true);
    expect(output.notes).toContainEqual(expect.stringContaining(`Sheet "Coded segments", cell ${address} (Coded text): 41,234 characters`));
    expect(output.notes).toContainEqual(expect.stringContaining('Sheet "Zero suicide"'));
    expect(rowsOf(wb.Sheets.Notes!).map((r) => r.Note)).toEqual(output.notes);
    const entries = await unzip(output.bytes);
    const sheets = [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(wb.SheetNames.length);
    for (const name of sheets) expect(entries.get(name)!.toString()).toContain('state="frozen"');
    expect(entries.get('xl/styles.xml')!.toString()).toContain('<alignment wrapText="1" vertical="top"/>');
  });

  it('counts distinct passages per code × document and code × attribute value, saying so in the sheet', () => {
    const { data } = fx.store;
    const codings = data.coders.flatMap((c) => fx.store.codingsOf(c.id));
    // Distinct passages: every coder's codings at the code in the document joined, each stretch once.
    const passages = (code: string, docs: (id: string) => boolean) =>
      data.documents.filter((d) => docs(d.id)).reduce((n, d) => n + unionSpans(codings.filter((c) => c.codeId === code && c.documentId === d.id)).length, 0);
    const allPassages = data.codebook.reduce((n, code) => n + passages(code.id, () => true), 0);
    const byDoc = rowsOf(wb.Sheets['Code × document']!);
    const stigmaPath = codePath(data.codebook, codeId('Tackling stigma')).join(' > ');
    const stigma = byDoc.find((r) => r.Code === stigmaPath)!;
    for (const doc of data.documents) {
      expect(stigma[doc.name], doc.name).toBe(passages(codeId('Tackling stigma'), (id) => id === doc.id));
    }
    // Two coders coded many of the same passages: fewer passages than codings.
    expect(stigma['Total passages']).toBe(passages(codeId('Tackling stigma'), () => true));
    expect(stigma['Total passages']).toBeLessThan(codings.filter((c) => c.codeId === codeId('Tackling stigma')).length);
    expect(stigma.Documents).toBe(new Set(codings.filter((c) => c.codeId === codeId('Tackling stigma')).map((c) => c.documentId)).size);
    expect(byDoc.at(-2)).toMatchObject({ Code: 'Total', 'Total passages': allPassages });
    expect(byDoc.at(-1)!.Code).toMatch(/^Counting distinct passages/);

    const byBorough = rowsOf(wb.Sheets['Code × Borough']!);
    const hackneyDocs = new Set(data.documents.filter((d) => d.attributes.Borough === 'Hackney').map((d) => d.id));
    expect(hackneyDocs.size).toBe(2);
    const stigmaBorough = byBorough.find((r) => r.Code === stigmaPath)!;
    expect(stigmaBorough.Hackney).toBe(passages(codeId('Tackling stigma'), (id) => hackneyDocs.has(id)));
    const docsBorough = rowsOf(wb.Sheets['Code × Borough (docs)']!);
    expect(docsBorough.at(-1)).toMatchObject({ Code: 'Documents with this value', Hackney: 2, 'Total documents': 20 });
    const byGroup = rowsOf(wb.Sheets['Code × Stakeholder group']!);
    expect(byGroup.at(-2)!['Total passages']).toBe(allPassages);
  });

  it('puts codings per code on the co-occurrence diagonal and matches the codebook counts', () => {
    const { data } = fx.store;
    const codebook = rowsOf(wb.Sheets.Codebook!);
    const co = wb.Sheets['Co-occurrence']!;
    const coRows = rowsOf(co);
    for (const row of coRows) {
      const path = row.Code as string;
      expect(row[path], path).toBe(codebook.find((c) => c['Code path'] === path)!.Codings);
      for (const other of coRows) expect(row[other.Code as string]).toBe(other[path]);
    }
    const folder = codebook.find((c) => c.Codable === false)!;
    const folderId = data.codebook.find((c) => codePath(data.codebook, c.id).join(' > ') === folder['Code path'])!.id;
    const codings = data.coders.flatMap((c) => fx.store.codingsOf(c.id));
    expect(folder['Codings with sub-codes']).toBe(codings.filter((c) => subtreeIds(data.codebook, folderId).includes(c.codeId)).length);
    expect(codebook.find((c) => c['Code path'] === 'Tackling stigma')).toMatchObject({ Colour: '#e76f51', Coders: 'Amara Okafor, Tom Reilly, Test Coder' });
  });

  it('lists the memos with what they are about', () => {
    const memos = rowsOf(wb.Sheets.Memos!);
    expect(memos.map((m) => m.About)).toEqual(['Project', 'Document', 'Code', 'Coded passage']);
    expect(memos[3]).toMatchObject({ Document: 'Formula leaflet', Code: 'Tackling stigma', 'Coded text': `${FORMULA} was all it`, Memo: fx.codingMemo, Author: 'Test Coder' });
    expect(memos[2]).toMatchObject({ Code: 'Zero suicide', Memo: 'Careful with this one.' });
  });

  it('reports progress in order up to the total, and describes the export in About', () => {
    const last = progress.at(-1)!;
    expect(last[0]).toBe(last[1]);
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
    expect(progress.filter((p) => p[2] === 'Reading documents').length).toBeGreaterThanOrEqual(20);
    const about = rowsOf(wb.Sheets.About!);
    expect(about.find((r) => r.Item === 'Codings')!.Value).toBe(total());
    expect(about.find((r) => r.Item === 'Counting')!.Value).toMatch(/^Counting distinct passages/);
    expect(about.find((r) => r.Item === 'Co-occurrence')!.Value).toMatch(/by the same coder/);
  });
});

async function workbookOf(fx: ExportFixture, selection: typeof everything, options: ExcelExportOptions): Promise<Uint8Array> {
  const { sink, bytes } = memorySink();
  await exportWorkbook(fx.store, selection, options, sink);
  return bytes();
}

describe('exportWorkbook selections', () => {
  it('exports only the chosen codes (with sub-codes), coders and documents', async () => {
    const fx = await buildExportFixture(await tempDir());
    const { data } = fx.store;
    const folder = data.codebook.find((c) => !c.codable && data.codebook.some((k) => k.parentId === c.id))!;
    const amara = data.coders.find((c) => c.name === 'Amara Okafor')!;
    const bytes = await workbookOf(fx, { codeIds: [folder.id], documentIds: null, attributes: {}, coderIds: [amara.id] }, { attributeColumns: [] });
    const wb = XLSX.read(Buffer.from(bytes), { type: 'buffer' });
    const rows = rowsOf(wb.Sheets['Coded segments']!);
    const inFolder = new Set(subtreeIds(data.codebook, folder.id));
    const expected = fx.store.codingsOf(amara.id).filter((c) => inFolder.has(c.codeId));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.Coder))).toEqual(new Set(['Amara Okafor']));
    expect(new Set(rows.map((r) => r['Top-level code']))).toEqual(new Set([folder.name]));
    expect(Object.keys(rows[0]!).slice(0, 2)).toEqual(['Document', 'Speaker']);
    expect(rowsOf(wb.Sheets.Codebook!)).toHaveLength(inFolder.size);

    const twoDocs = data.documents.slice(0, 2).map((d) => d.id);
    const narrowed = await workbookOf(fx, { codeIds: null, documentIds: twoDocs, attributes: {}, coderIds: null }, { attributeColumns: 'all' });
    const docs = new Set(rowsOf(XLSX.read(Buffer.from(narrowed), { type: 'buffer' }).Sheets['Coded segments']!).map((r) => r.Document));
    expect(docs).toEqual(new Set(data.documents.slice(0, 2).map((d) => d.name)));

    await expect(workbookOf(fx, { ...everything, codeIds: ['nope'] }, { attributeColumns: 'all' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workbookOf(fx, everything, { attributeColumns: ['Ward'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
