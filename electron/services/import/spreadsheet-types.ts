import type { TextEncodingName } from '../../../shared/text/encodings';

/**
 * A spreadsheet as Marginalia reads it: sheets of rows of cell texts, nothing else. Whatever
 * the file was (.csv or .xlsx), every cell arrives as a string: numbers as their text, dates
 * as YYYY-MM-DD (with " HH:MM" when they carry a time), empty cells as "".
 */
export interface TableSheet {
  name: string;
  /** Row 1 of the sheet is rows[0]; rows may be ragged (missing cells are empty). */
  rows: string[][];
}

export interface Table {
  sheets: TableSheet[];
  /** The encoding a CSV file was read in; absent for workbooks, which carry their own. */
  encoding?: TextEncodingName;
}

/** Bounds on what a spreadsheet may hold, so a hostile or broken file cannot exhaust memory. */
export interface SpreadsheetLimits {
  maxSheets: number;
  /** Rows per sheet, header included. */
  maxRows: number;
  /** Columns per sheet. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Non-empty-row cells in all sheets together. */
  maxCells: number;
  /** Characters in all cells together. */
  maxTotalChars: number;
}

export const spreadsheetLimits: SpreadsheetLimits = {
  maxSheets: 200,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCellChars: 1_000_000,
  maxCells: 3_000_000,
  maxTotalChars: 150_000_000,
};

/** "100000" → "100,000": limits are quoted to the user. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** The file name without folder or extension: "data/survey456.csv" → "survey456". */
export function baseName(name: string): string {
  const leaf = name.split(/[\\/]/).pop() ?? name;
  const dot = leaf.lastIndexOf('.');
  return dot > 0 ? leaf.slice(0, dot) : leaf;
}
