import { createRequire } from 'node:module';
import type * as SheetJS from 'xlsx';
import type { CellObject, WorkSheet } from 'xlsx';
import { SheetNames, withSuffix } from '../../../shared/export/sheet-names';
import { zipEntries } from './zip';
import type { ZipEntry } from './zip';

/**
 * Writing Excel workbooks researchers can read on opening.
 *
 * writeWorkbook(sheets) builds an .xlsx with SheetJS: per sheet a frozen header row, filters
 * on the header, column widths from `width` (characters), wrapped text, numbers as numbers,
 * dates as dates (a Date value, shown yyyy-mm-dd hh:mm or yyyy-mm-dd for 'date' columns), and
 * every string as text (never a formula, whatever it starts with). Excel's limits are handled
 * with a visible note, never a broken file: cells over 32,767 characters are cut with a marker,
 * sheets over 1,048,576 rows continue on "<name> (2)", sheet names are made valid (31
 * characters, none of []:*?/\, unique). Notes about anything cut or renamed are returned and
 * also written to a "Notes" sheet.
 */
export type CellValue = string | number | boolean | Date | null;

export interface ColumnSpec {
  header: string;
  /** Width in characters. */
  width?: number;
  type?: 'text' | 'number' | 'date' | 'datetime';
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: CellValue[][];
}

export interface WorkbookOutput {
  bytes: Uint8Array;
  notes: string[];
  /** How many sheets it has, Notes included. */
  sheets: number;
}

/**
 * How it is done. SheetJS CE builds the workbook (strings always as shared-string cells, so
 * nothing is ever a formula; numbers as numbers; dates as serial numbers with a date format)
 * but cannot write frozen panes or alignment, so the package it writes (uncompressed) is
 * opened with SheetJS's bundled CFB reader and patched: each sheet view gets a frozen pane
 * under the header row, the header cells a bold style, every cell format top alignment (and
 * text wrapping for ordinary cells), and the filter ranges properly quoted sheet names. The
 * parts are then zipped with Node's zlib (SheetJS's own deflate makes files about four times
 * larger, and slowly).
 *
 * Dates are written in local time: a Date shows in the sheet as the clock time on the
 * computer that made the export, which is what a researcher expects to read.
 */

export interface WorkbookLimits {
  /** Characters (UTF-16 units, as Excel counts them) per cell. */
  maxCellChars: number;
  /** Rows per sheet, the header included. */
  maxRows: number;
  maxColumns: number;
}

export const excelLimits: WorkbookLimits = { maxCellChars: 32_767, maxRows: 1_048_576, maxColumns: 16_384 };

/** Individual notes about cut cells before they are summed up in one. */
const MAX_CUT_NOTES = 100;
const NOTES_SHEET = 'Notes';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof SheetJS;

/** The part of SheetJS's bundled CFB library used here (its type is `any` in SheetJS's typings). */
interface CfbContainer {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content?: ArrayLike<number> | null }[];
}
const CFB = XLSX.CFB as { read(data: Uint8Array, options: { type: 'buffer' }): CfbContainer };

export function writeWorkbook(sheets: SheetSpec[]): Promise<WorkbookOutput> {
  return writeWorkbookWithLimits(sheets, excelLimits);
}

const number = (n: number): string => n.toLocaleString('en-US');

function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The Excel serial number (days since 1899-12-30, time as a fraction) of a Date's local time. */
export function excelSerial(date: Date): number | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const local = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
  let serial = local / 86_400_000 + 25_569;
  // Excel counts a 29 February 1900 that never was: days before 1 March 1900 are one lower.
  if (serial < 61) serial -= 1;
  return serial < 1 ? null : serial;
}

/** Lone surrogates cannot be encoded; Excel would read a literal _xHHHH_ as an escaped character. */
function cleanText(text: string): string {
  return text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
}

interface BuildContext {
  limits: WorkbookLimits;
  notes: string[];
  cutCells: number;
}

interface BuiltSheet {
  name: string;
  sheet: WorkSheet;
  /** The filter range, e.g. A1:K20, or null when the sheet has no columns. */
  filterRef: string | null;
}

function cutText(text: string, sheet: string, cell: string, header: string, context: BuildContext): string {
  const max = context.limits.maxCellChars;
  const marker = `… [cut: ${number(text.length)} characters in all; see Notes]`;
  let keep = Math.max(0, max - marker.length);
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  context.cutCells++;
  if (context.cutCells <= MAX_CUT_NOTES) {
    context.notes.push(
      `Sheet "${sheet}", cell ${cell} (${header}): ${number(text.length)} characters, more than Excel's ${number(max)} per cell. ` +
        `The cell holds the first ${number(keep)} and a marker; the whole text is in the project.`,
    );
  }
  return text.slice(0, keep) + marker;
}

/** A SheetJS cell for a value; `address` names the cell in a note if its text has to be cut. */
function toCell(value: CellValue | undefined, column: ColumnSpec, sheet: string, address: string, context: BuildContext): CellObject | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (value === '') return null;
    const text = value.length > context.limits.maxCellChars ? cutText(value, sheet, address, column.header, context) : value;
    return { t: 's', v: cleanText(text) };
  }
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return { t: 'n', v: value };
    return { t: 's', v: Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '-∞' };
  }
  if (typeof value === 'boolean') return { t: 'b', v: value };
  const serial = excelSerial(value);
  if (serial === null) return Number.isNaN(value.getTime()) ? null : { t: 's', v: value.toISOString() };
  return { t: 'n', v: column.type === 'date' ? Math.floor(serial) : serial, z: column.type === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' };
}

function displayLength(value: CellValue | undefined): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 16;
  const text = String(value);
  let longest = 0;
  for (const line of text.slice(0, 2000).split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

function columnWidth(column: ColumnSpec, index: number, rows: readonly CellValue[][], from: number, to: number): number {
  if (column.width !== undefined && column.width > 0) return column.width;
  if (column.type === 'date') return 12;
  if (column.type === 'datetime') return 17;
  let longest = column.header.length;
  for (let r = from; r < Math.min(to, from + 500); r++) longest = Math.max(longest, displayLength(rows[r]?.[index]));
  return Math.max(8, Math.min(60, longest + 2));
}

function buildSheet(name: string, columns: readonly ColumnSpec[], rows: readonly CellValue[][], from: number, to: number, context: BuildContext): BuiltSheet {
  const sheet: WorkSheet = {};
  const letters = columns.map((_, c) => columnLetters(c));
  columns.forEach((column, c) => {
    const cell = toCell(column.header, column, name, `${letters[c]}1`, context);
    if (cell) sheet[`${letters[c]}1`] = cell;
  });
  for (let r = from; r < to; r++) {
    const row = rows[r]!;
    const excelRow = r - from + 2;
    for (let c = 0; c < columns.length; c++) {
      const address = `${letters[c]}${excelRow}`;
      const cell = toCell(row[c], columns[c]!, name, address, context);
      if (cell) sheet[address] = cell;
    }
  }
  const lastRow = to - from + 1;
  if (columns.length === 0) {
    sheet['!ref'] = 'A1';
    return { name, sheet, filterRef: null };
  }
  const ref = `A1:${letters[columns.length - 1]}${lastRow}`;
  sheet['!ref'] = ref;
  sheet['!autofilter'] = { ref };
  sheet['!cols'] = columns.map((column, c) => ({ wch: columnWidth(column, c, rows, from, to) }));
  return { name, sheet, filterRef: ref };
}

/** writeWorkbook with other limits than Excel's (tests use small ones). */
export async function writeWorkbookWithLimits(sheets: SheetSpec[], limits: WorkbookLimits): Promise<WorkbookOutput> {
  const context: BuildContext = { limits, notes: [], cutCells: 0 };
  const names = new SheetNames();
  names.reserve(NOTES_SHEET);
  const built: BuiltSheet[] = [];
  for (const spec of sheets) {
    const name = names.allocate(spec.name);
    if (name !== spec.name) {
      context.notes.push(
        `The sheet "${spec.name}" is called "${name}" here: Excel's sheet names have at most 31 characters, none of [ ] : * ? / \\, and differ from each other.`,
      );
    }
    let columns = spec.columns;
    if (columns.length > limits.maxColumns) {
      context.notes.push(
        `Sheet "${name}" has ${number(columns.length)} columns, more than Excel's ${number(limits.maxColumns)}: the last ${number(columns.length - limits.maxColumns)} (from "${columns[limits.maxColumns]!.header}") are left out.`,
      );
      columns = columns.slice(0, limits.maxColumns);
    }
    const perSheet = Math.max(1, limits.maxRows - 1);
    const parts = Math.max(1, Math.ceil(spec.rows.length / perSheet));
    const partNames = [name];
    for (let part = 2; part <= parts; part++) partNames.push(names.allocate(withSuffix(name, ` (${part})`)));
    if (parts > 1) {
      context.notes.push(
        `Sheet "${name}" has ${number(spec.rows.length)} rows, more than Excel's ${number(limits.maxRows)} per sheet (the header included): ` +
          `it continues on ${partNames.slice(1).map((n) => `"${n}"`).join(', ')}, each with the header row.`,
      );
    }
    for (let part = 0; part < parts; part++) {
      built.push(buildSheet(partNames[part]!, columns, spec.rows, part * perSheet, Math.min(spec.rows.length, (part + 1) * perSheet), context));
    }
  }
  if (context.cutCells > MAX_CUT_NOTES) {
    context.notes.push(`${number(context.cutCells - MAX_CUT_NOTES)} more cells were cut in the same way.`);
  }
  if (built.length === 0) context.notes.push('There was nothing to export.');
  const notes = [...context.notes];
  if (notes.length > 0) {
    built.push(buildSheet(NOTES_SHEET, [{ header: 'Note', width: 120 }], notes.map((n) => [n]), 0, notes.length, context));
  }

  const workbook = XLSX.utils.book_new();
  for (const sheet of built) XLSX.utils.book_append_sheet(workbook, sheet.sheet, sheet.name);
  const raw = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: false, bookSST: true }) as Buffer;
  return { bytes: await finishPackage(new Uint8Array(raw), built), notes, sheets: built.length };
}

// ---- Post-processing the package SheetJS wrote -------------------------------------------

const FROZEN_HEADER = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
const WRAP_TOP = '<alignment wrapText="1" vertical="top"/>';
const TOP = '<alignment vertical="top"/>';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

function mustMatch(match: RegExpExecArray | null, what: string): RegExpExecArray {
  if (!match) throw new Error(`Unexpected workbook from SheetJS: ${what} not found.`);
  return match;
}

/** Gives an <xf> the alignment wanted (alignment is the first child of an xf). */
function withAlignment(xf: string, alignment: string): string {
  const selfClosing = /^<xf\b([^>]*?)\s*\/>$/.exec(xf);
  if (selfClosing) return `<xf${selfClosing[1]!.replace(/\sapplyAlignment="[^"]*"/, '')} applyAlignment="1">${alignment}</xf>`;
  const open = mustMatch(/^<xf\b([^>]*)>([\s\S]*)<\/xf>$/.exec(xf), 'a cell format');
  const attributes = open[1]!.replace(/\sapplyAlignment="[^"]*"/, '');
  const children = open[2]!.replace(/<alignment\b[^>]*\/>|<alignment\b[^>]*>[\s\S]*?<\/alignment>/, '');
  return `<xf${attributes} applyAlignment="1">${alignment}${children}</xf>`;
}

/** Top alignment everywhere, wrapping for ordinary cells, and a bold header format; returns its index. */
export function patchStyles(xml: string): { xml: string; headerXf: number } {
  const fonts = mustMatch(/<fonts count="(\d+)"([^>]*)>([\s\S]*?)<\/fonts>/.exec(xml), 'the font list');
  const fontCount = Number(fonts[1]);
  const firstFont = mustMatch(/<font>([\s\S]*?)<\/font>/.exec(fonts[3]!), 'the default font');
  const boldFont = `<font><b/>${firstFont[1]!.replace(/<b\/>|<b val="[^"]*"\/>/g, '')}</font>`;
  let out = xml.replace(fonts[0], `<fonts count="${fontCount + 1}"${fonts[2]}>${fonts[3]}${boldFont}</fonts>`);

  const xfs = mustMatch(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(out), 'the cell formats');
  const list = xfs[2]!.match(/<xf\b[^>]*\/>|<xf\b[^>]*[^/]>[\s\S]*?<\/xf>/g) ?? [];
  if (list.length === 0) throw new Error('Unexpected workbook from SheetJS: no cell formats.');
  // Format 0 is every cell without a number format: text, numbers. The others carry date formats.
  const patched = list.map((xf, i) => withAlignment(xf, i === 0 ? WRAP_TOP : TOP));
  const header = `<xf numFmtId="0" fontId="${fontCount}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">${WRAP_TOP}</xf>`;
  out = out.replace(xfs[0], `<cellXfs count="${patched.length + 1}">${patched.join('')}${header}</cellXfs>`);
  return { xml: out, headerXf: patched.length };
}

/** Freezes the header row and gives its cells the header format. */
export function patchWorksheet(xml: string, headerXf: number): string {
  let out: string;
  if (/<sheetView\b[^>]*\/>/.test(xml)) {
    out = xml.replace(/<sheetView\b([^>]*?)\s*\/>/, `<sheetView$1>${FROZEN_HEADER}</sheetView>`);
  } else if (/<sheetView\b[^>]*>/.test(xml)) {
    out = xml.replace(/<sheetView\b([^>]*)>/, `<sheetView$1>${FROZEN_HEADER}`);
  } else {
    const anchor = mustMatch(/<dimension\b[^>]*\/>/.exec(xml), 'the sheet dimension');
    out = xml.replace(anchor[0], `${anchor[0]}<sheetViews><sheetView workbookViewId="0">${FROZEN_HEADER}</sheetView></sheetViews>`);
  }
  return out.replace(/(<row r="1"[^>]*>)([\s\S]*?)(<\/row>)/, (_, open: string, cells: string, close: string) =>
    open + cells.replace(/<c r="([A-Z]+1)"(?![^>]*\ss=")/g, `<c r="$1" s="${headerXf}"`) + close,
  );
}

/** Filter ranges with the sheet name quoted as Excel requires ('It''s' for an apostrophe). */
function patchWorkbookXml(xml: string, sheets: readonly BuiltSheet[]): string {
  return xml.replace(
    /<definedName name="_xlnm\._FilterDatabase" localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g,
    (whole, id: string) => {
      const sheet = sheets[Number(id)];
      if (!sheet?.filterRef) return whole;
      const range = sheet.filterRef.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      const target = `'${sheet.name.replace(/'/g, "''")}'!${range}`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${id}" hidden="1">${escapeXml(target)}</definedName>`;
    },
  );
}

function finishPackage(raw: Uint8Array, sheets: readonly BuiltSheet[]): Promise<Uint8Array> {
  const container = CFB.read(raw, { type: 'buffer' });
  const entries: ZipEntry[] = [];
  container.FileIndex.forEach((file, i) => {
    // type 2: a file. SheetJS's container also holds a marker entry of its own, never written.
    if (file.type !== 2 || !file.content || file.name === '\u0001Sh33tJ5') return;
    const path = container.FullPaths[i]!.replace(/^[^/]*\//, '');
    entries.push({ name: path, data: Uint8Array.from(file.content) });
  });
  const text = (name: string): string => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`Unexpected workbook from SheetJS: no ${name}.`);
    return Buffer.from(entry.data).toString('utf8');
  };
  const replace = (name: string, xml: string) => {
    entries.find((e) => e.name === name)!.data = new Uint8Array(Buffer.from(xml, 'utf8'));
  };
  const styles = patchStyles(text('xl/styles.xml'));
  replace('xl/styles.xml', styles.xml);
  replace('xl/workbook.xml', patchWorkbookXml(text('xl/workbook.xml'), sheets));
  for (const entry of entries) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)) continue;
    // Only the start of a sheet changes (its view and header row): a large sheet's rows are
    // copied as bytes, never decoded into one huge string.
    const bytes = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const firstRowEnd = bytes.indexOf('</row>');
    const cut = firstRowEnd === -1 ? bytes.length : firstRowEnd + '</row>'.length;
    const head = patchWorksheet(bytes.subarray(0, cut).toString('utf8'), styles.headerXf);
    entry.data = new Uint8Array(Buffer.concat([Buffer.from(head, 'utf8'), bytes.subarray(cut)]));
  }
  // [Content_Types].xml first, as Office writes it.
  entries.sort((a, b) => Number(b.name === '[Content_Types].xml') - Number(a.name === '[Content_Types].xml'));
  return zipEntries(entries);
}
