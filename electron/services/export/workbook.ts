import { Writable } from 'node:stream';
import { SheetNames, withSuffix } from '../../../shared/export/sheet-names';
import { columnLetters } from './xlsx/spreadsheet-text';
import type { ColumnType } from './xlsx/styles';
import { XlsxWriter } from './xlsx/xlsx-writer';
import type { CellValue, SheetColumn, XlsxWriterOptions } from './xlsx/xlsx-writer';

export type { CellValue } from './xlsx/xlsx-writer';
export { excelSerial } from './xlsx/spreadsheet-text';

/**
 * Excel workbooks researchers can read on opening, written as they are produced: per sheet a
 * frozen header row, filters on the header, column widths from `width` (characters) or from
 * the first rows, wrapped text, numbers as numbers, dates as dates, percentages and
 * three-decimal figures formatted, every string as text (never a formula, whatever it starts
 * with), and set up to print (landscape, fitted to the page width, the header row on every
 * page, the sheet's name and the page number at the foot).
 *
 * Excel's limits are handled with a visible note, never a broken file: cells over 32,767
 * characters are cut with a marker, sheets over 1,048,576 rows continue on "<name> (2)",
 * sheet names are made valid (31 characters, none of []:*?/\, unique). Notes about anything
 * cut or renamed are returned and also written to a last "Notes" sheet.
 *
 * Rows are read from each sheet's `rows` (an array, or a generator that makes them as the
 * sheet is written) and written straight through, so memory does not grow with the workbook.
 * Dates are written in local time: a Date shows as the clock time on the computer that made
 * the export, which is what a researcher expects to read.
 */

export interface ColumnSpec {
  header: string;
  /** Width in characters; measured from the first rows when absent. */
  width?: number;
  /** 'percent': a fraction shown as a percentage; 'decimal': a figure shown with three decimals (κ, α). */
  type?: ColumnType;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: Iterable<readonly CellValue[]> | AsyncIterable<readonly CellValue[]>;
}

export interface WorkbookResult {
  notes: string[];
  /** How many sheets it has, Notes included. */
  sheets: number;
}

export interface WorkbookOutput extends WorkbookResult {
  bytes: Uint8Array;
}

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
/** Rows looked at to size columns that have no width of their own. */
const MEASURED_ROWS = 200;

const number = (n: number) => n.toLocaleString('en-US');

function displayLength(value: CellValue | undefined): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 16;
  if (typeof value === 'number') return Math.min(12, String(value).length);
  let longest = 0;
  for (const line of String(value).slice(0, 2000).split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

function columnWidth(column: ColumnSpec, index: number, sample: readonly (readonly CellValue[])[]): number {
  if (column.width !== undefined && column.width > 0) return column.width;
  if (column.type === 'date') return 12;
  if (column.type === 'datetime') return 17;
  // Headers wrap, so a long header needs no more than its longest word.
  let longest = Math.max(...column.header.split(/\s+/).map((w) => w.length));
  for (const row of sample) longest = Math.max(longest, displayLength(row[index]));
  return Math.max(8, Math.min(60, longest + 2));
}

class WorkbookBuilder {
  readonly notes: string[] = [];
  private cutCells = 0;
  private readonly names = new SheetNames();

  constructor(
    private readonly writer: XlsxWriter,
    private readonly limits: WorkbookLimits,
  ) {
    this.names.reserve(NOTES_SHEET);
  }

  private cut(text: string, column: number, header: string): string {
    const max = this.limits.maxCellChars;
    const marker = `… [cut: ${number(text.length)} characters in all; see Notes]`;
    let keep = Math.max(0, max - marker.length);
    const last = text.charCodeAt(keep - 1);
    if (last >= 0xd800 && last <= 0xdbff) keep--;
    this.cutCells++;
    if (this.cutCells <= MAX_CUT_NOTES) {
      const { name, nextRow } = this.writer.current!;
      const cell = `${columnLetters(column)}${nextRow}`;
      this.notes.push(
        `Sheet "${name}", cell ${cell} (${header}): ${number(text.length)} characters, more than Excel's ${number(max)} per cell. ` +
          `The cell holds the first ${number(keep)} and a marker; the whole text is in the project.`,
      );
    }
    return text.slice(0, keep) + marker;
  }

  /** The row with any text too long for a cell cut (a copy; the caller's row is left as it was). */
  private fitted(row: readonly CellValue[], columns: readonly ColumnSpec[]): readonly CellValue[] {
    let out = row;
    for (let c = 0; c < Math.min(row.length, columns.length); c++) {
      const value = row[c];
      if (typeof value === 'string' && value.length > this.limits.maxCellChars) {
        if (out === row) out = [...row];
        (out as CellValue[])[c] = this.cut(value, c, columns[c]!.header);
      }
    }
    return out;
  }

  async sheet(spec: SheetSpec): Promise<void> {
    const name = this.names.allocate(spec.name);
    if (name !== spec.name) {
      this.notes.push(
        `The sheet "${spec.name}" is called "${name}" here: Excel's sheet names have at most 31 characters, none of [ ] : * ? / \\, and differ from each other.`,
      );
    }
    let columns = spec.columns;
    if (columns.length > this.limits.maxColumns) {
      this.notes.push(
        `Sheet "${name}" has ${number(columns.length)} columns, more than Excel's ${number(this.limits.maxColumns)}: the last ${number(columns.length - this.limits.maxColumns)} (from "${columns[this.limits.maxColumns]!.header}") are left out.`,
      );
      columns = columns.slice(0, this.limits.maxColumns);
    }
    // The first rows are read ahead to size the columns, which come before the rows in a sheet.
    const rows = asyncRows(spec.rows);
    const sample: (readonly CellValue[])[] = [];
    let next = await rows.next();
    for (; !next.done && sample.length < MEASURED_ROWS; next = await rows.next()) sample.push(next.value);
    const layout: SheetColumn[] = columns.map((c, i) => ({ header: c.header, width: columnWidth(c, i, sample), type: c.type ?? 'text' }));
    const perSheet = Math.max(1, this.limits.maxRows - 1);
    const parts = [name];
    let inPart = 0;
    let total = 0;
    await this.writer.startSheet(name, layout);
    const write = async (row: readonly CellValue[]) => {
      if (inPart === perSheet) {
        parts.push(this.names.allocate(withSuffix(name, ` (${parts.length + 1})`)));
        await this.writer.startSheet(parts.at(-1)!, layout);
        inPart = 0;
      }
      await this.writer.row(this.fitted(row, columns));
      inPart++;
      total++;
    };
    for (const row of sample) await write(row);
    for (; !next.done; next = await rows.next()) await write(next.value);
    await this.writer.endSheet();
    if (parts.length > 1) {
      this.notes.push(
        `Sheet "${name}" has ${number(total)} rows, more than Excel's ${number(this.limits.maxRows)} per sheet (the header included): ` +
          `it continues on ${parts.slice(1).map((n) => `"${n}"`).join(', ')}, each with the header row.`,
      );
    }
  }

  /** Sums up the cut cells, writes the Notes sheet when there is anything to say, and finishes. */
  async finish(sheetsWritten: number): Promise<WorkbookResult> {
    if (this.cutCells > MAX_CUT_NOTES) this.notes.push(`${number(this.cutCells - MAX_CUT_NOTES)} more cells were cut in the same way.`);
    if (sheetsWritten === 0) this.notes.push('There was nothing to export.');
    const notes = [...this.notes];
    if (notes.length > 0) {
      await this.writer.startSheet(NOTES_SHEET, [{ header: 'Note', width: 120, type: 'text' }]);
      for (const note of notes) await this.writer.row([note]);
    }
    await this.writer.finish();
    return { notes, sheets: this.writer.sheetCount };
  }
}

async function* asyncRows<T>(source: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* source;
}

/** Writes the sheets, in order, to `output` as an .xlsx file (and ends it). */
export async function writeWorkbook(
  sheets: Iterable<SheetSpec> | AsyncIterable<SheetSpec>,
  output: Writable,
  limits: WorkbookLimits = excelLimits,
  options: XlsxWriterOptions = {},
): Promise<WorkbookResult> {
  const builder = new WorkbookBuilder(new XlsxWriter(output, options), limits);
  let count = 0;
  for await (const spec of sheets) {
    await builder.sheet(spec);
    count++;
  }
  return builder.finish(count);
}

/** A Writable that keeps what is written, for callers that want the file's bytes. */
export function memorySink(): { sink: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { sink, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

/** The workbook as bytes (small workbooks: a table from a view, an agreement report). */
export async function workbookBytes(sheets: Iterable<SheetSpec> | AsyncIterable<SheetSpec>, limits: WorkbookLimits = excelLimits): Promise<WorkbookOutput> {
  const { sink, bytes } = memorySink();
  const result = await writeWorkbook(sheets, sink, limits);
  return { ...result, bytes: bytes() };
}
