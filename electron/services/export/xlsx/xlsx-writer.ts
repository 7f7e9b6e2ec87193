import type { Writable } from 'node:stream';
import {
  contentTypesXml,
  rootRelsXml,
  sharedStringsXml,
  workbookRelsXml,
  workbookXml,
  worksheetHead,
  worksheetPath,
  worksheetTail,
} from './package-parts';
import type { WrittenSheet } from './package-parts';
import { cellText, columnLetters, excelSerial } from './spreadsheet-text';
import { HEADER_STYLE, cellStyle, stylesXml } from './styles';
import type { ColumnType } from './styles';
import type { TextWriter } from '../text-writer';
import { ZipStream } from './zip-stream';

/**
 * Writes SpreadsheetML straight into a zip stream, a row at a time: no cell objects, no
 * workbook held in memory, nothing patched afterwards. The caller has already made every
 * value fit (see ../workbook.ts); this only turns values into cells:
 * - text as text, never a formula, whatever it starts with;
 * - numbers as numbers (NaN and infinities, which a cell cannot hold, as words);
 * - dates as serial numbers in the column's date or date-and-time format;
 * - booleans as booleans; empty values as no cell at all.
 *
 * Strings: short ones (names, codes, speakers: what repeats) go to the shared-string table,
 * long ones (coded passages, memos: nearly all different) are written inline, where they add
 * nothing to keep in memory. Measured on the benchmark study (README), that mix writes faster
 * and smaller than either all-shared or all-inline.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  type: ColumnType;
}

export interface XlsxWriterOptions {
  /** Strings up to this length go to the shared-string table; longer ones inline. */
  sharedUpTo?: number;
  /** zlib's level for every part. */
  compressionLevel?: number;
}

export const defaultWriterOptions: Required<XlsxWriterOptions> = { sharedUpTo: 64, compressionLevel: 1 };

export class XlsxWriter {
  private readonly zip: ZipStream;
  private readonly sharedUpTo: number;
  private readonly shared = new Map<string, number>();
  private readonly sharedXml: string[] = [];
  private sharedReferences = 0;
  private readonly sheets: WrittenSheet[] = [];
  private sheet: { entry: TextWriter; columns: SheetColumn[]; letters: string[]; styles: string[]; lineChars: number[]; row: number } | null = null;

  constructor(output: Writable, options: XlsxWriterOptions = {}) {
    const { sharedUpTo, compressionLevel } = { ...defaultWriterOptions, ...options };
    this.sharedUpTo = sharedUpTo;
    this.zip = new ZipStream(output, compressionLevel);
    this.zip.add('[Content_Types].xml', contentTypesXml);
    this.zip.add('_rels/.rels', rootRelsXml);
    this.zip.add('xl/styles.xml', stylesXml);
  }

  /** Starts a sheet (ending any before it) and writes its header row. */
  async startSheet(name: string, columns: readonly SheetColumn[]): Promise<void> {
    await this.endSheet();
    const entry = this.zip.open(worksheetPath(this.sheets.length));
    const letters = columns.map((_, i) => columnLetters(i));
    // Every cell names its format, even the default one: LibreOffice applies no wrapping and
    // no alignment to a cell without one.
    const styles = columns.map((c) => ` s="${cellStyle[c.type]}"`);
    const lineChars = columns.map((c) => charactersPerLine(c.width));
    this.sheet = { entry, columns: [...columns], letters, styles, lineChars, row: 1 };
    this.sheets.push({ name, lastColumn: letters.at(-1) ?? 'A', lastRow: 1 });
    const header = columns.map((c, i) => this.stringCell(`${letters[i]}1`, c.header, ` s="${HEADER_STYLE}"`)).join('');
    const lines = Math.max(1, ...columns.map((c) => wrappedLines(c.header, Math.max(1, Math.floor(c.width)))));
    await entry.write(`${worksheetHead(columns.map((c) => c.width), this.sheets.length === 1)}${rowStart(1, lines)}${header}</row>`);
  }

  get sheetCount(): number {
    return this.sheets.length;
  }

  /** The sheet being written: its name, and the row the next call to `row` writes. */
  get current(): { name: string; nextRow: number } | null {
    return this.sheet ? { name: this.sheets.at(-1)!.name, nextRow: this.sheet.row + 1 } : null;
  }

  async row(values: readonly CellValue[]): Promise<void> {
    const sheet = this.sheet!;
    const r = ++sheet.row;
    let xml = '';
    let lines = 1;
    for (let c = 0; c < sheet.columns.length; c++) {
      const value = values[c];
      if (value === null || value === undefined || value === '') continue;
      const ref = sheet.letters[c]! + r;
      if (typeof value === 'string') {
        xml += this.stringCell(ref, value, sheet.styles[c]!);
        if (value.length > sheet.lineChars[c]! || value.includes('\n')) lines = Math.max(lines, lineCount(value, sheet.lineChars[c]!));
      } else if (typeof value === 'number') {
        xml += Number.isFinite(value) ? `<c r="${ref}"${sheet.styles[c]}><v>${value}</v></c>` : this.stringCell(ref, Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '-∞', sheet.styles[c]!);
      } else if (typeof value === 'boolean') xml += `<c r="${ref}"${sheet.styles[c]} t="b"><v>${value ? 1 : 0}</v></c>`;
      else xml += this.dateCell(ref, value, sheet.columns[c]!.type);
    }
    await sheet.entry.write(`${rowStart(r, lines)}${xml}</row>`);
  }

  private dateCell(ref: string, date: Date, type: ColumnType): string {
    const serial = excelSerial(date);
    if (serial === null) return Number.isNaN(date.getTime()) ? '' : this.stringCell(ref, date.toISOString(), '');
    return type === 'date' ? `<c r="${ref}" s="${cellStyle.date}"><v>${Math.floor(serial)}</v></c>` : `<c r="${ref}" s="${cellStyle.datetime}"><v>${serial}</v></c>`;
  }

  private stringCell(ref: string, text: string, style: string): string {
    if (text.length <= this.sharedUpTo) {
      let index = this.shared.get(text);
      if (index === undefined) {
        index = this.sharedXml.length;
        this.shared.set(text, index);
        this.sharedXml.push(`<si>${textElement(text)}</si>`);
      }
      this.sharedReferences++;
      return `<c r="${ref}"${style} t="s"><v>${index}</v></c>`;
    }
    return `<c r="${ref}"${style} t="inlineStr"><is>${textElement(text)}</is></c>`;
  }

  async endSheet(): Promise<void> {
    const sheet = this.sheet;
    if (!sheet) return;
    this.sheet = null;
    const written = this.sheets.at(-1)!;
    written.lastRow = sheet.row;
    await sheet.entry.end(worksheetTail(written));
  }

  /** Ends the last sheet, writes the shared strings and the workbook, and waits for the output. */
  async finish(): Promise<void> {
    await this.endSheet();
    this.zip.add('xl/sharedStrings.xml', sharedStringsXml(this.sharedXml, this.sharedReferences));
    this.zip.add('xl/workbook.xml', workbookXml(this.sheets));
    this.zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(this.sheets.length));
    await this.zip.finish();
  }
}

/**
 * Row heights. Spreadsheet programs do not size rows to wrapped text when they open a file
 * (LibreOffice keeps every row one line high, and prints it so), so each row is given the
 * height of its longest wrapped cell, estimated from the text's length and its column's
 * width: at most 409 points, Excel's limit.
 */
const LINE_POINTS = 15;
const MAX_LINES = Math.floor(409 / LINE_POINTS);

/** Characters of ordinary text on one line of a column this many digits wide (measured in LibreOffice: 1.2). */
const charactersPerLine = (width: number) => Math.max(1, Math.floor(width * 1.1));

/** Lines of a short text (a header, in bold) wrapped at spaces and hyphens, as the programs do. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/(?<=[\s-])/)) {
    if (used > 0 && used + word.trimEnd().length > perLine) {
      lines++;
      used = 0;
    }
    used += word.length;
  }
  return lines;
}

function lineCount(text: string, perLine: number): number {
  let lines = 0;
  for (let start = 0; start <= text.length && lines < MAX_LINES; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    lines += Math.max(1, Math.ceil((stop - start) / perLine));
    if (end === -1) break;
    start = end + 1;
  }
  return Math.min(lines, MAX_LINES);
}

function rowStart(r: number, lines: number): string {
  return lines > 1 ? `<row r="${r}" ht="${lines * LINE_POINTS}">` : `<row r="${r}">`;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** A <t> element; spaces at either end are kept only when the element says so. */
function textElement(text: string): string {
  const escaped = cellText(text);
  return isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}
