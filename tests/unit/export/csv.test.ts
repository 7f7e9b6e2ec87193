import { describe, expect, it } from 'vitest';
import { exportCodedSegmentsCsv } from '../../../electron/services/export/csv-export';
import { everything } from '../../../electron/services/export/coded-data';
import { BOM, csvLine } from '../../../electron/services/export/csv';
import type { ExportSelection } from '../../../electron/services/export/coded-data';
import type { CsvExportOptions } from '../../../electron/services/export/csv-export';
import type { ProjectStore } from '../../../electron/services/project/project-store';
import type { CellValue, ColumnSpec } from '../../../electron/services/export/workbook';
import { memorySink } from '../../../electron/services/export/workbook';
import { useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture, FORMULA, LONG_LENGTH } from './export-fixture';

const tempDir = useTempDirs();

/** A small RFC 4180 reader, to check that what is written parses back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last line does not end with CRLF');
  return rows;
}

/** A whole CSV file's text, as the export writes it line by line. */
function toCsv(columns: readonly (string | ColumnSpec)[], rows: readonly CellValue[][]): string {
  const specs = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  return BOM + csvLine(specs.map((c) => c.header), specs) + rows.map((row) => csvLine(row, specs)).join('');
}

async function csvOf(store: ProjectStore, selection: ExportSelection, options: CsvExportOptions): Promise<string> {
  const { sink, bytes } = memorySink();
  await exportCodedSegmentsCsv(store, selection, options, sink);
  return Buffer.from(bytes()).toString('utf8');
}

describe('CSV lines', () => {
  it('starts with a BOM, ends lines with CRLF, and quotes only what RFC 4180 requires', () => {
    const csv = toCsv(['Name', 'Text'], [
      ['plain', 'a, b'],
      ['quote', 'she said "no"'],
      ['lines', 'one\ntwo\r\nthree'],
      ['Zoë', 'naïve 🌳'],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('Name,Text\r\nplain,"a, b"\r\nquote,"she said ""no"""\r\nlines,"one\ntwo\r\nthree"\r\nZoë,naïve 🌳\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ['Name', 'Text'],
      ['plain', 'a, b'],
      ['quote', 'she said "no"'],
      ['lines', 'one\ntwo\r\nthree'],
      ['Zoë', 'naïve 🌳'],
    ]);
  });

  it('neutralises formulas: text starting with = + - @ tab or CR gets an apostrophe; numbers stay numbers', () => {
    const csv = toCsv(['=Header', 'N'], [[FORMULA, -5], ['+1', 3.25], ['-2', null], ['@SUM(A1)', 0], ['\t=1', 1], ['\r=1', 1], ['a=1', 1]]);
    expect(parseCsv(csv.slice(1))).toEqual([
      ["'=Header", 'N'],
      [`'${FORMULA}`, '-5'],
      ["'+1", '3.25'],
      ["'-2", ''],
      ["'@SUM(A1)", '0'],
      ["'\t=1", '1'],
      ["'\r=1", '1'],
      ['a=1', '1'],
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('writes dates as ISO 8601: days for date columns, UTC instants otherwise', () => {
    const csv = toCsv([{ header: 'Day', type: 'date' }, 'When', 'Bool'], [[new Date(2017, 2, 14), new Date(Date.UTC(2026, 0, 5, 9, 0, 1)), true]]);
    expect(csv.slice(1).split('\r\n')[1]).toBe('2017-03-14,2026-01-05T09:00:01.000Z,TRUE');
  });
});

describe('exportCodedSegmentsCsv', () => {
  it('writes every coded segment of the selection, with attributes, and the formula passage neutralised', async () => {
    const fx = await buildExportFixture(await tempDir());
    const progress: string[] = [];
    const csv = await csvOf(fx.store, everything, { attributeColumns: 'all', onProgress: (d, t, s) => progress.push(`${s} ${d}/${t}`) });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Document', 'Borough', 'Stakeholder group', 'Date', 'Participants', 'Speaker', 'Code', 'Code path', 'Top-level code', 'Coder', 'Start', 'End', 'Coded text', 'Memo', 'Created']);
    const total = fx.store.data.coders.reduce((n, c) => n + fx.store.codingsOf(c.id).length, 0);
    expect(rows).toHaveLength(total + 1);
    const formula = rows.find((r) => r[0] === 'Formula leaflet')!;
    expect(formula[12]).toBe(`'${FORMULA} was all it`);
    expect(formula.slice(1, 7)).toEqual(['Camden', 'Young people', '2017-05-02', '12', 'Resident', 'Tackling stigma']);
    expect(formula[13]).toBe(fx.codingMemo);
    expect(rows.find((r) => r[0] === 'Long answer')![12]).toHaveLength(LONG_LENGTH);
    expect(progress.at(-1)).toBe('Reading documents 20/20');

    const hackneyOnly = parseCsv((await csvOf(fx.store, { ...everything, attributes: { Borough: ['Hackney'] } }, { attributeColumns: ['Borough'] })).slice(1));
    expect(hackneyOnly[0]!.slice(0, 3)).toEqual(['Document', 'Borough', 'Speaker']);
    expect(hackneyOnly.length).toBeGreaterThan(2);
    expect(new Set(hackneyOnly.slice(1).map((r) => r[1]))).toEqual(new Set(['Hackney']));
  });
});
