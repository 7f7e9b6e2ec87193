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
  private sheet: { entry: TextWriter; columns: SheetColumn[]; letters: string[]; styles: string[]; row: number } | null = null;

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
    const styles = columns.map((c) => (cellStyle[c.type] ? ` s="${cellStyle[c.type]}"` : ''));
    this.sheet = { entry, columns: [...columns], letters, styles, row: 1 };
    this.sheets.push({ name, lastColumn: letters.at(-1) ?? 'A', lastRow: 1 });
    const header = columns.map((c, i) => this.stringCell(`${letters[i]}1`, c.header, ` s="${HEADER_STYLE}"`)).join('');
    await entry.write(`${worksheetHead(columns.map((c) => c.width), this.sheets.length === 1)}<row r="1">${header}</row>`);
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
    let xml = `<row r="${r}">`;
    for (let c = 0; c < sheet.columns.length; c++) {
      const value = values[c];
      if (value === null || value === undefined || value === '') continue;
      const ref = sheet.letters[c]! + r;
      if (typeof value === 'string') xml += this.stringCell(ref, value, '');
      else if (typeof value === 'number') {
        xml += Number.isFinite(value) ? `<c r="${ref}"${sheet.styles[c]}><v>${value}</v></c>` : this.stringCell(ref, Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '-∞', '');
      } else if (typeof value === 'boolean') xml += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      else xml += this.dateCell(ref, value, sheet.columns[c]!.type);
    }
    await sheet.entry.write(`${xml}</row>`);
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

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** A <t> element; spaces at either end are kept only when the element says so. */
function textElement(text: string): string {
  const escaped = cellText(text);
  return isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}
