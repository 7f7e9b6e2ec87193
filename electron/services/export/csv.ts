import type { CellValue, ColumnSpec } from './workbook';

/**
 * CSV as Excel and statistics packages read it: UTF-8 with a byte-order mark (without it Excel
 * guesses a legacy code page and mangles accents), CRLF line ends, and RFC 4180 quoting (a
 * field holding a comma, double quote, CR or LF is put in double quotes, its quotes doubled).
 *
 * Formula injection: a spreadsheet opening a CSV treats a field that starts with =, +, - or @
 * as a formula (and a leading tab or CR can hide one), so coded text such as
 * `=HYPERLINK("http://x","y")` would run. Following OWASP's recommendation, every text field
 * starting with one of = + - @ tab CR gets a leading apostrophe, which makes Excel show it as
 * text (and hides the apostrophe). Numbers are written as numbers, negative ones included:
 * they are not text and cannot be formulas. The price is a visible apostrophe in programs that
 * do not hide it (R, pandas), where `'-` at the start of a field should be read as `-`.
 *
 * Dates: a 'date' column as YYYY-MM-DD, any other date as full ISO 8601 in UTC
 * (2026-01-05T09:00:01.000Z), which every program parses the same way.
 */

export const BOM = '\ufeff';
const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatValue(value: CellValue | undefined, column: ColumnSpec | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutraliseFormula(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Number.isNaN(value.getTime())) return '';
  if (column?.type === 'date') return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  return value.toISOString();
}

/** One CSV line (CRLF ended) of values, formatted for their columns (dates by the column's type). */
export function csvLine(values: readonly (CellValue | undefined)[], columns: readonly ColumnSpec[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + quote(formatValue(values[i], columns[i]));
  return `${line}\r\n`;
}
