import type { ProjectStore } from '../project/project-store';
import { attributeColumns, codedSegmentRows, codedSegmentTable, selectData } from './coded-data';
import type { ExportSelection } from './coded-data';
import { toCsv } from './csv';

export interface CsvExportOptions {
  /** Document attributes to add as columns after the document's name. */
  attributeColumns: string[] | 'all';
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** The coded segments of a selection as CSV (same columns as the workbook's Coded segments sheet). */
export async function exportCodedSegmentsCsv(store: ProjectStore, selection: ExportSelection, options: CsvExportOptions): Promise<{ text: string; rows: number }> {
  const data = selectData(store, selection);
  const attributes = attributeColumns(data.project, options.attributeColumns);
  const rows = await codedSegmentRows(store, data, async (done, total) => {
    options.onProgress?.(done, total, 'Reading documents');
    // Give the event loop a turn between documents, so a large export never blocks it for long.
    await new Promise<void>((resolve) => setImmediate(resolve));
  });
  const table = codedSegmentTable(rows, attributes);
  return { text: toCsv(table.columns, table.rows), rows: table.rows.length };
}
