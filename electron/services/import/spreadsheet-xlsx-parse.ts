import { createRequire } from 'node:module';
import type * as SheetJS from 'xlsx';
import type { ParsingOptions } from 'xlsx';
import type { SpreadsheetLimits } from './spreadsheet-types';

/**
 * SheetJS (xlsx 0.18.5) run on an .xlsx file, inside the worker thread that
 * spreadsheet-xlsx-worker.ts starts; nothing here ever runs in the app's own thread.
 *
 * xlsx 0.18.5 has known flaws on crafted files: prototype pollution (CVE-2023-30533) and
 * regular-expression backtracking (CVE-2024-22363). Here they are contained:
 * - the worker is its own V8 isolate: polluting its Object.prototype cannot reach the app;
 * - it parses in dense mode, which the comment-`ref` pollution vector does not reach, and
 *   with every optional feature off (no formulas, styles, HTML, VBA, text formatting);
 * - it compares the built-in prototypes before and after parsing and refuses the file if
 *   anything changed, before reading a single cell out of a possibly tampered realm;
 * - it posts back only strings in arrays (structured clone carries no prototypes), within
 *   the limits it was given; the parent enforces the time limit and validates the reply.
 */

export type WorkerReply =
  | { ok: true; sheets: { name: string; rows: string[][] }[] }
  | { ok: false; reason: 'limit' | 'crafted' | 'unreadable' | 'internal'; message: string };

const ERROR_TEXT: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };
const BUILT_INS: object[] = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Date.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  Promise.prototype,
];

function snapshot(): Map<PropertyKey, unknown>[] {
  return BUILT_INS.map((proto) => {
    const props = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      props.set(key, d && (Object.prototype.hasOwnProperty.call(d, 'value') ? d.value : d.get));
    }
    return props;
  });
}

function unchangedSince(before: Map<PropertyKey, unknown>[]): boolean {
  const after = snapshot();
  for (let i = 0; i < before.length; i++) {
    if (before[i]!.size !== after[i]!.size) return false;
    for (const [key, value] of before[i]!) {
      if (!after[i]!.has(key) || after[i]!.get(key) !== value) return false;
    }
  }
  return true;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const count = (n: number) => n.toLocaleString('en-GB');

function dateText(d: unknown): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return '';
  // SheetJS builds dates from local-time parts, so local parts give back what Excel shows.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const [y, m, day] = [t.getFullYear(), t.getMonth() + 1, t.getDate()];
  const [h, min, s] = [t.getHours(), t.getMinutes(), t.getSeconds()];
  const time = `${pad(h, 2)}:${pad(min, 2)}${s ? `:${pad(s, 2)}` : ''}`;
  if (y === 1899 && m === 12 && day === 30) return time; // a time of day with no date
  const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(day, 2)}`;
  return h || min || s ? `${date} ${time}` : date;
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  // Excel shows at most 15 significant digits: 0.1 + 0.2 is 0.3 there, so here too.
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
}

function cellText(cell: unknown): string {
  if (cell === null || typeof cell !== 'object') return '';
  const { t, v } = cell as { t?: unknown; v?: unknown };
  switch (t) {
    case 's':
    case 'str':
      return typeof v === 'string' ? v : v == null ? '' : String(v);
    case 'n':
      return typeof v === 'number' ? numberText(v) : '';
    case 'b':
      return v ? 'TRUE' : 'FALSE';
    case 'd':
      return dateText(v);
    case 'e':
      return typeof v === 'number' && Object.prototype.hasOwnProperty.call(ERROR_TEXT, v) ? ERROR_TEXT[v]! : '#ERROR!';
    default:
      return '';
  }
}

/** The cells of every sheet as text, within the limits; `overrides` only for tests (the unsafe sparse mode). */
export function parseWorkbook(bytes: ArrayBuffer, limits: SpreadsheetLimits, overrides: Partial<ParsingOptions> = {}): WorkerReply {
  const stop = (reason: 'limit' | 'crafted' | 'unreadable' | 'internal', message: unknown): WorkerReply => ({ ok: false, reason, message: String(message).slice(0, 500) });
  let XLSX: typeof SheetJS;
  try {
    XLSX = createRequire(import.meta.url)('xlsx') as typeof SheetJS;
  } catch (err) {
    return stop('internal', `the spreadsheet reader could not be loaded: ${(err as Error).message}`);
  }
  const before = snapshot();
  let wb: SheetJS.WorkBook;
  try {
    wb = XLSX.read(Buffer.from(bytes), {
      type: 'buffer',
      dense: true,
      cellDates: true,
      cellText: false,
      cellNF: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      bookProps: false,
      WTF: false,
      sheetRows: limits.maxRows + 1,
      ...overrides,
    });
  } catch (err) {
    if (!unchangedSince(before)) return stop('crafted', 'a built-in object was altered while reading');
    return stop('unreadable', (err as Error | undefined)?.message || String(err));
  }
  if (!unchangedSince(before)) return stop('crafted', 'a built-in object was altered while reading');

  const names: unknown[] = Array.isArray(wb?.SheetNames) ? wb.SheetNames : [];
  if (names.length > limits.maxSheets) return stop('limit', `it has more than ${count(limits.maxSheets)} sheets`);
  let cells = 0;
  let chars = 0;
  const sheets: { name: string; rows: string[][] }[] = [];
  for (const rawName of names) {
    const name = String(rawName).slice(0, 200);
    // Dense mode: a sheet is an array of rows, each an array of cells.
    const ws: unknown = Object.prototype.hasOwnProperty.call(wb.Sheets, String(rawName)) ? wb.Sheets[String(rawName)] : null;
    const rows: string[][] = [];
    const rowCount = Array.isArray(ws) ? Math.min(ws.length, limits.maxRows + 1) : 0;
    let lastUsed = -1;
    for (let r = 0; r < rowCount; r++) {
      const src: unknown = (ws as unknown[])[r];
      const row: string[] = [];
      if (Array.isArray(src)) {
        let width = 0;
        for (let c = 0; c < src.length; c++) {
          const text = cellText(src[c]);
          if (text !== '') {
            if (c >= limits.maxColumns) return stop('limit', `sheet "${name}" has more than ${count(limits.maxColumns)} columns`);
            if (text.length > limits.maxCellChars) return stop('limit', `sheet "${name}" has a cell longer than ${count(limits.maxCellChars)} characters`);
            chars += text.length;
            width = c + 1;
          }
          row.push(text);
        }
        row.length = width;
      }
      if (row.length > 0) lastUsed = r;
      cells += row.length;
      if (cells > limits.maxCells) return stop('limit', `it has more than ${count(limits.maxCells)} cells`);
      if (chars > limits.maxTotalChars) return stop('limit', `it holds more than ${count(limits.maxTotalChars)} characters of text`);
      rows.push(row);
    }
    rows.length = lastUsed + 1;
    if (rows.length > limits.maxRows) return stop('limit', `sheet "${name}" has more than ${count(limits.maxRows)} rows`);
    sheets.push({ name, rows });
  }
  return { ok: true, sheets };
}
