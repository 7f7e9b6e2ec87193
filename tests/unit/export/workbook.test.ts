import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excelLimits, excelSerial, workbookBytes } from '../../../electron/services/export/workbook';
import type { CellValue, SheetSpec } from '../../../electron/services/export/workbook';
import { useTempDirs } from '../../helpers/temp-dir';
import { FORMULA, XLSX, XMLLINT, unzip, xmllint } from './export-fixture';
import { existsSync } from 'node:fs';

const tempDir = useTempDirs();

const created = new Date(2026, 0, 5, 9, 30, 0);
const day = new Date(2017, 2, 14);

function segmentsSheet(extraRows: CellValue[][] = []): SheetSpec {
  return {
    name: 'Coded segments',
    columns: [
      { header: 'Document', width: 28 },
      { header: 'Date', type: 'date' },
      { header: 'Participants', type: 'number' },
      { header: 'Coded text', width: 80 },
      { header: 'Created', type: 'datetime' },
      { header: 'Codable' },
    ],
    rows: [
      ['01 Hackney', day, 48, 'We started the walking group ourselves.', created, true],
      ['02 Tower Hamlets', null, -3.5, FORMULA, created, false],
      ...extraRows,
    ],
  };
}

function read(bytes: Uint8Array) {
  return XLSX.read(Buffer.from(bytes), { type: 'buffer', cellNF: true });
}

describe('writeWorkbook', () => {
  it('writes headers, text as text, numbers as numbers and dates as dated numbers', async () => {
    const { bytes, notes } = await workbookBytes([segmentsSheet()]);
    expect(notes).toEqual([]);
    const wb = read(bytes);
    expect(wb.SheetNames).toEqual(['Coded segments']);
    const ws = wb.Sheets['Coded segments']!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((a) => ws[a]?.v)).toEqual(['Document', 'Date', 'Participants', 'Coded text', 'Created', 'Codable']);
    expect(ws.D2).toMatchObject({ t: 's', v: 'We started the walking group ourselves.' });
    expect(ws.C2).toMatchObject({ t: 'n', v: 48 });
    expect(ws.C3).toMatchObject({ t: 'n', v: -3.5 });
    expect(ws.F2).toMatchObject({ t: 'b', v: true });
    expect(ws.B3).toBeUndefined();
    // Dates: serial numbers with a date format, read back as the same local time.
    expect(ws.B2).toMatchObject({ t: 'n', v: 42808, z: 'yyyy-mm-dd' });
    expect(ws.B2!.w).toBe('2017-03-14');
    expect(ws.E2).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
    expect(ws.E2!.w).toBe('2026-01-05 09:30');
    const asDates = XLSX.read(Buffer.from(bytes), { type: 'buffer', cellDates: true }).Sheets['Coded segments']!;
    expect(asDates.B2!.t).toBe('d');
    expect(asDates.E2!.t).toBe('d');
  });

  it('writes a coded passage that looks like a formula as a string, never a formula', async () => {
    const { bytes } = await workbookBytes([segmentsSheet([['x', null, null, '+1+1', null, null], ['y', null, null, '@SUM(A1)', null, null]])]);
    const ws = read(bytes).Sheets['Coded segments']!;
    expect(ws.D3).toMatchObject({ t: 's', v: FORMULA });
    expect(ws.D3!.f).toBeUndefined();
    expect(ws.D4).toMatchObject({ t: 's', v: '+1+1' });
    expect(ws.D5).toMatchObject({ t: 's', v: '@SUM(A1)' });
    const entries = await unzip(bytes);
    const sheetXml = entries.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheetXml).not.toContain('<f>');
    // A string cell: shared (t="s", its text in sharedStrings.xml) or inline (t="inlineStr").
    expect(sheetXml).toMatch(/<c r="D3"[^>]* t="(s|inlineStr)"/);
    const strings = `${sheetXml}${entries.get('xl/sharedStrings.xml')?.toString() ?? ''}`;
    expect(strings).toContain('<t>=HYPERLINK("http://x","y")</t>');
  });

  it('freezes the header row, turns filters on, sets widths, wraps text and keeps date formats', async () => {
    const { bytes } = await workbookBytes([segmentsSheet(), { name: 'Second', columns: [{ header: 'Only' }], rows: [] }]);
    const wb = read(bytes);
    expect(wb.Sheets['Coded segments']!['!autofilter']).toEqual({ ref: 'A1:F3' });
    expect(wb.Sheets.Second!['!autofilter']).toEqual({ ref: 'A1' });
    const cols = XLSX.read(Buffer.from(bytes), { type: 'buffer', cellStyles: true }).Sheets['Coded segments']!['!cols']!;
    expect(cols[0]!.wch).toBeCloseTo(28, 0);
    expect(cols[3]!.wch).toBeCloseTo(80, 0);
    const entries = await unzip(bytes);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const xml = entries.get(name)!.toString();
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      expect(xml).toMatch(/<sheetView [^>]*><pane [^>]*\/><selection pane="bottomLeft"[^>]*\/><\/sheetView>/);
    }
    const styles = entries.get('xl/styles.xml')!.toString();
    const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
    const list = xfs[2]!.match(/<xf\b[\s\S]*?<\/xf>/g)!;
    expect(list.length).toBe(Number(xfs[1]));
    expect(list[0]).toContain('<alignment wrapText="1" vertical="top"/>');
    expect(list[0]).toContain('applyAlignment="1"');
    // The date formats are still there, with their number formats.
    const numFmts = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]);
    const dateIds = numFmts.filter(([, code]) => code === 'yyyy-mm-dd' || code === 'yyyy-mm-dd hh:mm').map(([id]) => id);
    expect(dateIds).toHaveLength(2);
    for (const id of dateIds) expect(list.some((xf) => xf.includes(`numFmtId="${id}"`) && xf.includes('vertical="top"'))).toBe(true);
    // Header cells use a bold format.
    const header = list[list.length - 1]!;
    const fonts = styles.match(/<font>[\s\S]*?<\/font>/g)!;
    const fontId = Number(/fontId="(\d+)"/.exec(header)![1]);
    expect(fonts[fontId]).toContain('<b/>');
    const sheetXml = entries.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheetXml).toMatch(new RegExp(`<c r="A1" s="${list.length - 1}"`));
    // Filter ranges are defined for Excel with absolute references.
    expect(entries.get('xl/workbook.xml')!.toString()).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;Coded segments&apos;!$A$1:$F$3</definedName>`);
  });

  it('sets every sheet up to print, and gives rows the height of their wrapped text', async () => {
    const passage = 'We started the walking group ourselves because nobody else was going to. '.repeat(6);
    const { bytes } = await workbookBytes([segmentsSheet([['long', null, null, passage, null, null]]), { name: "Children's views", columns: [{ header: 'A' }], rows: [['x']] }]);
    const entries = await unzip(bytes);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const xml = entries.get(name)!.toString();
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      // Footer: the sheet's name on the left, "Page 2 of 5" on the right.
      expect(xml).toContain('<oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter>');
    }
    const workbook = entries.get('xl/workbook.xml')!.toString();
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Coded segments&apos;!$1:$1</definedName>');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Children&apos;&apos;s views&apos;!$1:$1</definedName>');
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString();
    // 444 characters in an 80-character column: about six lines; a one-line row keeps the default.
    const height = Number(/<row r="4" ht="(\d+)"/.exec(sheet)?.[1]);
    expect(height).toBeGreaterThanOrEqual(5 * 15);
    expect(height).toBeLessThanOrEqual(7 * 15);
    expect(sheet).toMatch(/<row r="2">/);
    // Every cell names its format: LibreOffice neither wraps nor aligns a cell without one.
    expect(sheet.match(/<c r="[A-Z]+\d+"(?! s=")/g)).toBeNull();
  });

  it('writes well-formed XML in every part it patched', async () => {
    if (!existsSync(XMLLINT)) return;
    const dir = await tempDir();
    const { bytes } = await workbookBytes([segmentsSheet(), { name: "Children's views", columns: [{ header: 'A' }], rows: [['x']] }]);
    const entries = await unzip(bytes);
    for (const [name, data] of entries) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const file = join(dir, name.replace(/[/[\]]/g, '_'));
      await writeFile(file, data);
      expect(xmllint(file), name).toBe('');
    }
    expect(entries.get('xl/workbook.xml')!.toString()).toContain('&apos;Children&apos;&apos;s views&apos;!$A$1:$A$2');
  });

  it('cuts a cell over 32,767 characters with a visible marker, and says so in a Notes sheet', async () => {
    const long = 'word '.repeat(9000).trim() + ' END';
    const { bytes, notes } = await workbookBytes([segmentsSheet([['long', null, null, long, null, null]])]);
    const wb = read(bytes);
    const cell = wb.Sheets['Coded segments']!.D4!;
    expect(cell.t).toBe('s');
    const text = cell.v as string;
    expect(text.length).toBe(32_767);
    expect(text.endsWith(`… [cut: ${long.length.toLocaleString('en-US')} characters in all; see Notes]`)).toBe(true);
    expect(text.startsWith('word word')).toBe(true);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/Sheet "Coded segments", cell D4 \(Coded text\): 45,003 characters/);
    expect(wb.SheetNames).toEqual(['Coded segments', 'Notes']);
    expect(wb.Sheets.Notes!.A1!.v).toBe('Note');
    expect(wb.Sheets.Notes!.A2!.v).toBe(notes[0]);
  });

  it('never splits an emoji when cutting', async () => {
    const { bytes } = await workbookBytes([{ name: 'S', columns: [{ header: 'T' }], rows: [['🌳'.repeat(100)]] }], { ...excelLimits, maxCellChars: 60 });
    const text = read(bytes).Sheets.S!.A2!.v as string;
    expect(text.length).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^(🌳)+… \[cut: 200 characters in all; see Notes\]$/);
  });

  it('continues a sheet with too many rows on "<name> (2)", with the header, and notes it', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`row ${i + 1}`, i + 1]);
    const { bytes, notes } = await workbookBytes([{ name: 'Coded segments', columns: [{ header: 'Text' }, { header: 'N' }], rows }], { ...excelLimits, maxRows: 4 });
    const wb = read(bytes);
    expect(wb.SheetNames).toEqual(['Coded segments', 'Coded segments (2)', 'Coded segments (3)', 'Notes']);
    const all = wb.SheetNames.slice(0, 3).map((n) => XLSX.utils.sheet_to_json<{ Text: string; N: number }>(wb.Sheets[n]!));
    expect(all.map((r) => r.length)).toEqual([3, 3, 1]);
    expect(all.flat().map((r) => r.N)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(notes).toEqual([expect.stringMatching(/"Coded segments" has 7 rows, more than Excel's 4 per sheet .*"Coded segments \(2\)", "Coded segments \(3\)"/)]);
    expect(excelLimits.maxRows).toBe(1_048_576);
  });

  it('makes sheet names valid and unique, and notes each change', async () => {
    const sheet = (name: string): SheetSpec => ({ name, columns: [{ header: 'A' }], rows: [] });
    const { bytes, notes } = await workbookBytes([
      sheet('Work/life: [balance]?*'),
      sheet('Services there when and where needed, and more'),
      sheet('Services there when and where needed, and less'),
      sheet('codebook'),
      sheet('Codebook'),
      sheet('History'),
      sheet("'Quoted'"),
      sheet('Notes'),
      sheet(''),
    ]);
    const names = read(bytes).SheetNames;
    expect(names).toEqual([
      'Work-life- (balance)',
      'Services there when and where n',
      'Services there when and whe (2)',
      'codebook',
      'Codebook (2)',
      'History (2)',
      'Quoted',
      'Notes (2)',
      'Sheet',
      'Notes',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    expect(notes).toHaveLength(8);
    expect(notes[0]).toBe(`The sheet "Work/life: [balance]?*" is called "Work-life- (balance)" here: Excel's sheet names have at most 31 characters, none of [ ] : * ? / \\, and differ from each other.`);
  });

  it('writes a readable workbook even with no sheets', async () => {
    const { bytes, notes } = await workbookBytes([]);
    expect(notes).toEqual(['There was nothing to export.']);
    expect(read(bytes).SheetNames).toEqual(['Notes']);
  });

  it('keeps literal _xHHHH_ text, control characters and lone surrogates readable', async () => {
    const { bytes } = await workbookBytes([{ name: 'S', columns: [{ header: 'T' }], rows: [['a _x0041_ b'], ['bell\u0007'], ['lone \ud800 x']] }]);
    const ws = read(bytes).Sheets.S!;
    expect(ws.A2!.v).toBe('a _x0041_ b');
    expect(ws.A3!.v).toBe('bell\u0007');
    expect(ws.A4!.v).toBe('lone \ufffd x');
  });

  it('turns a Date into the serial number Excel shows as the same local time', () => {
    expect(excelSerial(new Date(1900, 0, 1))).toBe(1);
    expect(excelSerial(new Date(1900, 2, 1))).toBe(61);
    expect(excelSerial(new Date(2017, 2, 14))).toBe(42808);
    expect(excelSerial(new Date(2017, 2, 14, 12))).toBe(42808.5);
    expect(excelSerial(new Date(1899, 0, 1))).toBeNull();
    expect(excelSerial(new Date(Number.NaN))).toBeNull();
  });
});
