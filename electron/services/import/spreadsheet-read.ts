import type { TextEncodingName } from '../../../shared/text/encodings';
import { parseCsv } from './spreadsheet-csv';
import { baseName, spreadsheetLimits } from './spreadsheet-types';
import type { SpreadsheetLimits, Table } from './spreadsheet-types';
import { readXlsx } from './spreadsheet-xlsx';
import { ImportError, importLimits } from './types';
import type { SourceFile } from './types';

export type { Table, TableSheet, SpreadsheetLimits } from './spreadsheet-types';
export { spreadsheetLimits } from './spreadsheet-types';

export interface ReadTableOptions {
  /** How long an .xlsx may take to parse; default importLimits.spreadsheetTimeoutMs. */
  timeoutMs?: number;
  limits?: SpreadsheetLimits;
  /** A CSV file's encoding, chosen by the user over the detected one. */
  encoding?: TextEncodingName;
}

const saveAs = 'Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or CSV.';

/** Extensions readTable accepts. */
export { spreadsheetExtensions } from '../../../shared/import/formats';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

/**
 * A .csv/.tsv or .xlsx/.xlsm file as sheets of rows of strings. A CSV is one sheet named after
 * the file. Workbooks are parsed only in an isolated worker (see spreadsheet-xlsx.ts).
 * Throws ImportError for anything else, or anything beyond the limits.
 */
export async function readTable(file: SourceFile, options: ReadTableOptions = {}): Promise<Table> {
  const limits = options.limits ?? spreadsheetLimits;
  if (file.bytes.byteLength > importLimits.maxFileBytes) {
    throw new ImportError(file.name, `is larger than ${Math.round(importLimits.maxFileBytes / 1024 / 1024)} MB, the most Marginalia reads.`);
  }
  switch (extensionOf(file.name)) {
    case '.csv':
    case '.tsv': {
      const { rows, encoding } = parseCsv(file, limits, options.encoding);
      return { sheets: [{ name: baseName(file.name), rows }], encoding };
    }
    case '.xlsx':
    case '.xlsm':
      return { sheets: await readXlsx(file, { limits, ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) }) };
    case '.xls':
      throw new ImportError(file.name, `is an Excel 97–2003 workbook (.xls), which Marginalia cannot read. ${saveAs}`);
    case '.xlsb':
      throw new ImportError(file.name, `is an Excel binary workbook (.xlsb), which Marginalia cannot read. ${saveAs}`);
    case '.ods':
    case '.fods':
      throw new ImportError(file.name, `is an OpenDocument spreadsheet, which Marginalia cannot read. ${saveAs}`);
    default:
      throw new ImportError(file.name, 'is not a spreadsheet Marginalia can read: choose a .csv or .xlsx file.');
  }
}
