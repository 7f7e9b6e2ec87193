import type { AttributeType } from '../../../shared/domain/schemas';
import type { TextEncodingName } from '../../../shared/text/encodings';
import { cleanCell, inferAttributeType, oneLine } from './spreadsheet-values';
import type { Table, TableSheet } from './spreadsheet-types';
import { ImportError } from './types';

/**
 * A spreadsheet's sheets as header and data rows (see spreadsheet-read.ts for reading the file),
 * and what the import dialog is shown before the user chooses columns.
 *
 * The first row with anything in it is the header; rows after it with anything in them are
 * data rows. Rows are numbered as in the spreadsheet (the header of a sheet that starts at
 * A1 is row 1), so "survey row 7" is the row Excel shows as 7. Every cell is normalised
 * (shared/text/normalise.ts) and trimmed.
 */

const MAX_ATTRIBUTE_NAME = 100;
const SAMPLE_ROWS = 5;

export interface DataRow {
  /** 1-based, as the spreadsheet numbers it. */
  row: number;
  cells: string[];
}

export interface PreparedSheet {
  name: string;
  columns: string[];
  rows: DataRow[];
}

/**
 * Gives out names unique ignoring case: a repeat of "Age" becomes "Age (2)", then "Age (3)".
 * Remembers where each name's count got to, so ten thousand repeats cost no more than ten.
 */
export function uniqueNames(maxLength: number): (base: string) => string {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const fold = (s: string) => s.toLocaleLowerCase();
  return (base) => {
    let name = base.slice(0, maxLength);
    const key = fold(name);
    let n = nextSuffix.get(key) ?? 2;
    while (taken.has(fold(name))) {
      const suffix = ` (${n++})`;
      name = base.slice(0, maxLength - suffix.length) + suffix;
    }
    nextSuffix.set(key, n);
    taken.add(fold(name));
    return name;
  };
}

function prepareSheet(sheet: TableSheet): PreparedSheet {
  const headerIndex = sheet.rows.findIndex((r) => r.some((c) => cleanCell(c) !== ''));
  if (headerIndex === -1) return { name: sheet.name, columns: [], rows: [] };
  const rows: DataRow[] = [];
  let width = 0;
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!.map(cleanCell);
    if (!cells.some((c) => c !== '')) continue;
    rows.push({ row: i + 1, cells });
    width = Math.max(width, cells.length);
  }
  // A header "__proto__" would be a dangerous object key all the way to the project file.
  const header = sheet.rows[headerIndex]!.map((c) => oneLine(cleanCell(c)).replace(/:+$/, '').trim()).map((h) => (h === '__proto__' ? '' : h));
  width = Math.max(width, header.length);
  const unique = uniqueNames(MAX_ATTRIBUTE_NAME);
  const columns = Array.from({ length: width }, (_, i) => unique(header[i] || `Column ${i + 1}`));
  for (const r of rows) while (r.cells.length < width) r.cells.push('');
  return { name: sheet.name, columns, rows };
}

export function pickSheet(table: Table, fileName: string, sheetName: string | undefined): PreparedSheet {
  const sheet = sheetName === undefined ? table.sheets[0] : table.sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    throw new ImportError(fileName, sheetName === undefined ? 'has no sheets.' : `has no sheet named "${sheetName}".`);
  }
  return prepareSheet(sheet);
}

export function columnIndex(sheet: PreparedSheet, fileName: string, column: string, role: string): number {
  const i = sheet.columns.indexOf(column);
  if (i === -1) throw new ImportError(fileName, `has no column "${column}" (chosen as ${role}) in sheet "${sheet.name}".`);
  return i;
}

export interface SheetInspection {
  name: string;
  /** Header row; blank headers are "Column N", repeats get " (2)", " (3)"… */
  columns: string[];
  /** Data rows with anything in them. */
  rowCount: number;
  /** The first few data rows, one cell per column. */
  sample: string[][];
  suggested: { textColumns: string[]; nameColumn?: string; groupColumn?: string };
}

export interface TableInspection {
  /** A CSV's encoding, as read; null for workbooks. */
  encoding: TextEncodingName | null;
  sheets: SheetInspection[];
}

interface ColumnStats {
  name: string;
  filled: number;
  distinct: number;
  averageLength: number;
  type: AttributeType;
}

function columnStats(sheet: PreparedSheet): ColumnStats[] {
  return sheet.columns.map((name, i) => {
    const values = sheet.rows.map((r) => r.cells[i]!).filter((v) => v !== '');
    return {
      name,
      filled: values.length,
      distinct: new Set(values).size,
      averageLength: values.length ? values.reduce((sum, v) => sum + v.length, 0) / values.length : 0,
      type: inferAttributeType(values),
    };
  });
}

const NAME_HINT = /(^|[^a-z])(name|id|case|participant|respondent|interviewee|document|title)([^a-z]|$)/i;
const GROUP_HINT = /(^|[^a-z])(conversation|group|session|interview|meeting|focus|transcript|thread|discussion|case|id)s?([^a-z]|$)/i;

function suggest(sheet: PreparedSheet): SheetInspection['suggested'] {
  const stats = columnStats(sheet);
  const texts = stats.filter((s) => s.type === 'text' && s.filled > 0);
  const best = Math.max(0, ...texts.map((s) => s.averageLength));
  let textColumns = texts.filter((s) => s.averageLength >= Math.max(30, best / 2));
  if (textColumns.length === 0) textColumns = texts.filter((s) => s.averageLength === best).slice(0, 1);
  const chosen = new Set(textColumns.map((s) => s.name));
  const rest = stats.filter((s) => !chosen.has(s.name) && s.filled > 0 && s.averageLength <= 60);
  const rowCount = sheet.rows.length;
  const unique = rest.filter((s) => s.filled === rowCount && s.distinct === rowCount);
  const name = unique.find((s) => NAME_HINT.test(s.name)) ?? unique.find((s) => s.type === 'text');
  const group = rest.find((s) => s.filled >= 2 && s.distinct < s.filled && GROUP_HINT.test(s.name));
  return {
    textColumns: textColumns.map((s) => s.name),
    ...(name && { nameColumn: name.name }),
    ...(group && { groupColumn: group.name }),
  };
}

export function inspectTable(table: Table): TableInspection {
  return {
    encoding: table.encoding ?? null,
    sheets: table.sheets.map((s) => {
      const sheet = prepareSheet(s);
      return {
        name: sheet.name,
        columns: sheet.columns,
        rowCount: sheet.rows.length,
        sample: sheet.rows.slice(0, SAMPLE_ROWS).map((r) => [...r.cells]),
        suggested: suggest(sheet),
      };
    }),
  };
}
