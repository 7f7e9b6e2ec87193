import type { Writable } from 'node:stream';
import type { ProjectStore } from '../project/project-store';
import { attributeColumns, selectData } from './coded-data';
import type { ExportSelection } from './coded-data';
import { codedSegments, segmentCells, segmentColumns, withPages } from './coded-segments';
import { BOM, csvLine } from './csv';
import { TextWriter } from './text-writer';

export interface CsvExportOptions {
  /** Document attributes to add as columns after the document's name. */
  attributeColumns: string[] | 'all';
  onProgress?: (done: number, total: number, stage: string) => void;
}

/**
 * The coded segments of a selection as CSV (the same columns as the workbook's Coded segments
 * sheet), written to `output` line by line as the documents are read, and ended.
 */
export async function exportCodedSegmentsCsv(store: ProjectStore, selection: ExportSelection, options: CsvExportOptions, output: Writable): Promise<{ rows: number }> {
  const data = selectData(store, selection);
  const attributes = attributeColumns(data.project, options.attributeColumns);
  const pages = withPages(data);
  const columns = segmentColumns(attributes, pages);
  const writer = new TextWriter(output);
  await writer.write(BOM + csvLine(columns.map((c) => c.header), columns));
  const cells = segmentCells(attributes, pages);
  let rows = 0;
  for await (const row of codedSegments(store, data, (done, total) => options.onProgress?.(done, total, 'Reading documents'))) {
    await writer.write(csvLine(cells(row), columns));
    rows++;
  }
  await writer.end();
  return { rows };
}
