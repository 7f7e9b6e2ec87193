import Papa from 'papaparse';
import { looksLikeZip } from './archive';
import { isOleCompoundFile } from './docx-importer';
import { formatCount } from './spreadsheet-types';
import type { SpreadsheetLimits } from './spreadsheet-types';
import { decodeText } from './encoding';
import type { DecodedText } from './encoding';
import type { TextEncodingName } from '../../../shared/text/encodings';
import { ImportError } from './types';
import type { SourceFile } from './types';

/**
 * CSV as Excel, LibreOffice and survey tools write it: UTF-8 with or without a BOM, UTF-16
 * with a BOM (Excel's "Unicode text"), or Windows-1252 when the bytes are not valid UTF-8 (or
 * the encoding the user chose in the import preview);
 * comma, semicolon (European Excel) or tab separated, detected; RFC 4180 quotes, so a quoted
 * cell may hold separators, doubled quotes and line breaks.
 */

/** The CSV's text in `chosen` encoding, or the one detected (see encoding.ts). */
export function decodeCsvBytes(file: SourceFile, chosen?: TextEncodingName): DecodedText {
  if (looksLikeZip(file.bytes) || isOleCompoundFile(file.bytes)) {
    throw new ImportError(file.name, 'is not a CSV text file: it looks like an Excel workbook. Import it under its .xlsx name, or save it as CSV.');
  }
  return decodeText(file, chosen);
}

const CANDIDATES = ['\t', ';', ','] as const;
/** Never in text: parsing with it keeps each line one cell. */
const NO_DELIMITER = '\u001f';

/**
 * The delimiter that splits the first rows most consistently: the header into at least two
 * cells, and as many data rows as possible into as many cells as the header. Ties go to the
 * larger number of columns, then to tab, semicolon, comma (commas are common inside text,
 * tabs rare). A file no delimiter splits is one column.
 */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: string; share: number; columns: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const rows = Papa.parse<string[]>(sample, { delimiter, quoteChar: '"', preview: 30, skipEmptyLines: 'greedy' }).data;
    if (sample.length < text.length && rows.length > 1) rows.pop(); // may be cut short
    const columns = rows[0]?.length ?? 0;
    if (columns < 2) continue;
    const rest = rows.slice(1);
    const share = rest.length === 0 ? 1 : rest.filter((r) => r.length === columns).length / rest.length;
    if (!best || share > best.share || (share === best.share && columns > best.columns)) best = { delimiter, share, columns };
  }
  return best?.delimiter ?? NO_DELIMITER;
}

export function parseCsv(file: SourceFile, limits: SpreadsheetLimits, chosen?: TextEncodingName): { rows: string[][]; encoding: TextEncodingName } {
  const { text, encoding } = decodeCsvBytes(file, chosen);
  if (text.length > limits.maxTotalChars) {
    throw new ImportError(file.name, `is too large to import: it holds more than ${formatCount(limits.maxTotalChars)} characters.`);
  }
  const delimiter = file.name.toLowerCase().endsWith('.tsv') ? '\t' : guessDelimiter(text);
  const result = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: limits.maxRows + 1,
  });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const row = typeof unclosed.row === 'number' ? ` in row ${unclosed.row + 1}` : '';
    throw new ImportError(
      file.name,
      `cannot be read: a quoted cell${row} is never closed (a " is missing), so the rest of the file would run into one cell.`,
    );
  }
  const rows = result.data;
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  if (rows.length > limits.maxRows) {
    throw new ImportError(file.name, `is too large to import: it has more than ${formatCount(limits.maxRows)} rows.`);
  }
  let cells = 0;
  for (const [r, row] of rows.entries()) {
    let width = row.length;
    while (width > 0 && row[width - 1] === '') width--;
    row.length = width;
    if (width > limits.maxColumns) {
      throw new ImportError(file.name, `is too large to import: row ${r + 1} has more than ${formatCount(limits.maxColumns)} columns.`);
    }
    for (const cell of row) {
      if (cell.length > limits.maxCellChars) {
        throw new ImportError(file.name, `is too large to import: row ${r + 1} has a cell longer than ${formatCount(limits.maxCellChars)} characters.`);
      }
    }
    cells += width;
  }
  if (cells > limits.maxCells) throw new ImportError(file.name, `is too large to import: it has more than ${formatCount(limits.maxCells)} cells.`);
  return { rows, encoding };
}
