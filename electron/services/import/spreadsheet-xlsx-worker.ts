/**
 * The body of the worker thread that runs SheetJS (xlsx 0.18.5) on an .xlsx file.
 *
 * It is JavaScript source in a string, started as `new Worker(source, { eval: true })`, so it
 * runs the same under tsx (tests, browser mode) and in the Electron main bundle, where a
 * separate worker file would not exist. An eval worker is CommonJS: it `require`s SheetJS from
 * the path the parent resolved (workerData.xlsxPath).
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
 *
 * Reply: { ok: true, sheets: { name: string, rows: string[][] }[] }
 *      | { ok: false, reason: 'limit' | 'crafted' | 'unreadable' | 'internal', message: string }
 */
export const xlsxWorkerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const ERROR_TEXT = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };
const BUILT_INS = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype,
  Boolean.prototype, Date.prototype, RegExp.prototype, Map.prototype, Set.prototype, Promise.prototype];

function snapshot() {
  return BUILT_INS.map((proto) => {
    const props = new Map();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      props.set(key, d && (Object.prototype.hasOwnProperty.call(d, 'value') ? d.value : d.get));
    }
    return props;
  });
}

function unchangedSince(before) {
  const after = snapshot();
  for (let i = 0; i < before.length; i++) {
    if (before[i].size !== after[i].size) return false;
    for (const [key, value] of before[i]) {
      if (!after[i].has(key) || after[i].get(key) !== value) return false;
    }
  }
  return true;
}

const pad = (n, width) => String(n).padStart(width, '0');
const count = (n) => n.toLocaleString('en-GB');

function dateText(d) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return '';
  // SheetJS builds dates from local-time parts, so local parts give back what Excel shows.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const y = t.getFullYear(), m = t.getMonth() + 1, day = t.getDate();
  const h = t.getHours(), min = t.getMinutes(), s = t.getSeconds();
  const time = pad(h, 2) + ':' + pad(min, 2) + (s ? ':' + pad(s, 2) : '');
  if (y === 1899 && m === 12 && day === 30) return time; // a time of day with no date
  const date = pad(y, 4) + '-' + pad(m, 2) + '-' + pad(day, 2);
  return h || min || s ? date + ' ' + time : date;
}

function numberText(v) {
  if (!Number.isFinite(v)) return '';
  // Excel shows at most 15 significant digits: 0.1 + 0.2 is 0.3 there, so here too.
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
}

function cellText(cell) {
  if (cell === null || typeof cell !== 'object') return '';
  const v = cell.v;
  switch (cell.t) {
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
      return Object.prototype.hasOwnProperty.call(ERROR_TEXT, v) ? ERROR_TEXT[v] : '#ERROR!';
    default:
      return '';
  }
}

function main() {
  const limits = workerData.limits;
  const stop = (reason, message) => parentPort.postMessage({ ok: false, reason, message: String(message).slice(0, 500) });

  let XLSX;
  try {
    XLSX = require(workerData.xlsxPath);
  } catch (err) {
    return stop('internal', 'the spreadsheet reader could not be loaded: ' + (err && err.message));
  }

  const before = snapshot();
  let wb;
  try {
    wb = XLSX.read(Buffer.from(workerData.bytes), {
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
    });
  } catch (err) {
    if (!unchangedSince(before)) return stop('crafted', 'a built-in object was altered while reading');
    return stop('unreadable', (err && err.message) || String(err));
  }
  if (!unchangedSince(before)) return stop('crafted', 'a built-in object was altered while reading');

  const names = Array.isArray(wb && wb.SheetNames) ? wb.SheetNames : [];
  if (names.length > limits.maxSheets) return stop('limit', 'it has more than ' + count(limits.maxSheets) + ' sheets');
  let cells = 0;
  let chars = 0;
  const sheets = [];
  for (const rawName of names) {
    const name = String(rawName).slice(0, 200);
    const ws = Object.prototype.hasOwnProperty.call(wb.Sheets, rawName) ? wb.Sheets[rawName] : null;
    const rows = [];
    const rowCount = Array.isArray(ws) ? Math.min(ws.length, limits.maxRows + 1) : 0;
    let lastUsed = -1;
    for (let r = 0; r < rowCount; r++) {
      const src = ws[r];
      const row = [];
      if (Array.isArray(src)) {
        let width = 0;
        for (let c = 0; c < src.length; c++) {
          const text = cellText(src[c]);
          if (text !== '') {
            if (c >= limits.maxColumns) return stop('limit', 'sheet "' + name + '" has more than ' + count(limits.maxColumns) + ' columns');
            if (text.length > limits.maxCellChars) {
              return stop('limit', 'sheet "' + name + '" has a cell longer than ' + count(limits.maxCellChars) + ' characters');
            }
            chars += text.length;
            width = c + 1;
          }
          row.push(text);
        }
        row.length = width;
      }
      if (row.length > 0) lastUsed = r;
      cells += row.length;
      if (cells > limits.maxCells) return stop('limit', 'it has more than ' + count(limits.maxCells) + ' cells');
      if (chars > limits.maxTotalChars) return stop('limit', 'it holds more than ' + count(limits.maxTotalChars) + ' characters of text');
      rows.push(row);
    }
    rows.length = lastUsed + 1;
    if (rows.length > limits.maxRows) return stop('limit', 'sheet "' + name + '" has more than ' + count(limits.maxRows) + ' rows');
    sheets.push({ name, rows });
  }
  parentPort.postMessage({ ok: true, sheets });
}

main();
`;
