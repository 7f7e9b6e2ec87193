import type { Writable } from 'node:stream';
import { SET_FILTER_KEY } from '../../../shared/api/limits';
import { subtreeIds } from '../../../shared/domain/codebook';
import { CO_OCCURRENCE_STATEMENT, DEFAULT_COUNTING, countingStatement } from '../../../shared/export/matrices';
import type { Counting } from '../../../shared/export/matrices';
import { isConsensusCoder } from '../../../shared/operations/consensus-ops';
import type { ProjectStore } from '../project/project-store';
import { attributeColumns, codeByAttributeTable, codeByDocumentTable, codebookTable, coOccurrenceTable, selectData } from './coded-data';
import type { ExportSelection, SelectedData, Table } from './coded-data';
import { codedSegments, memoTable, segmentCells, segmentColumns, withPages } from './coded-segments';
import type { CodedSegmentRow } from './coded-segments';
import { writeWorkbook } from './workbook';
import type { SheetSpec, WorkbookResult } from './workbook';

/**
 * The workbook for the write-up: Coded segments, Codebook, Code × document, Code × <attribute>
 * (codings, and documents), Co-occurrence, Memos, optionally one sheet per code, the agreement
 * sheets the caller made, and About (what was exported); Notes when Excel's limits cut or
 * renamed anything. Each sheet is made when the one before it has been written, and the coded
 * segments as their documents are read, so the workbook is never whole in memory.
 */

export interface ExcelExportOptions {
  /** Document attributes shown as columns on the coded-segment sheets. */
  attributeColumns: string[] | 'all';
  /** Attributes to cross with the codes (e.g. "Borough", "Stakeholder group"). */
  crossAttribute?: string | string[];
  /** Count a coding at a sub-code for its parent codes too, in the count sheets. */
  rollUp?: boolean;
  /** How several coders' passages count in the count sheets (default: distinct passages). */
  counting?: Counting;
  /** A sheet per code with everything coded at it or its sub-codes. */
  sheetPerCode?: boolean;
  /** Agreement sheets, made by the caller from an agreement report. */
  agreement?: SheetSpec[];
  onProgress?: (done: number, total: number, stage: string) => void;
  /** The export's time, for the About sheet. */
  now?: () => Date;
}

function sheet(name: string, table: Table): SheetSpec {
  return { name, columns: table.columns, rows: table.rows };
}

function describeSelection(data: SelectedData, selection: ExportSelection, options: ExcelExportOptions, now: Date): SheetSpec {
  const { project } = data;
  const consensusLeftOut = selection.coderIds === null && project.coders.some(isConsensusCoder);
  const filter = Object.entries(selection.attributes)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) =>
      name === SET_FILTER_KEY ? `Document set: ${values.map((id) => project.sets.find((s) => s.id === id)?.name ?? id).join(', ')}` : `${name}: ${values.join(', ')}`,
    )
    .join('; ');
  const rows: [string, string | number | Date][] = [
    ['Project', project.name],
    ['Exported', now],
    ['Codes', selection.codeIds === null ? `All (${data.codes.length})` : `${data.codes.length}, with sub-codes`],
    ['Documents', selection.documentIds === null && !filter ? `All (${data.documents.length})` : data.documents.length],
    ['Document filter', filter || 'None'],
    ['Coders', `${data.coders.map((c) => c.name).join(', ') || 'None'}${consensusLeftOut ? ' (the Consensus coder is counted only when chosen)' : ''}`],
    ['Codings', data.codings.length],
    ['Counting', `${countingStatement(options.counting ?? DEFAULT_COUNTING)} ${options.rollUp ? 'A passage at a sub-code also counts for its parent codes.' : 'Each passage counts for its own code only.'}`],
    ['Co-occurrence', CO_OCCURRENCE_STATEMENT],
    ['Offsets', 'Start and End are character positions (UTF-16 units, from 0) in the document text as Marginalia stores it.'],
  ];
  return {
    name: 'About',
    columns: [
      { header: 'Item', width: 18 },
      { header: 'Value', width: 100, type: 'datetime' },
    ],
    rows,
  };
}

/** Writes the workbook to `output` (and ends it). */
export async function exportWorkbook(
  store: ProjectStore,
  selection: ExportSelection,
  options: ExcelExportOptions,
  output: Writable,
): Promise<WorkbookResult & { codings: number }> {
  const { sheets, codings } = workbookSheets(store, selection, options);
  const result = await writeWorkbook(sheets, output);
  return { ...result, codings };
}

/** The workbook's sheets, each made when the one before it has been written; throws first on a selection naming what is not there. */
export function workbookSheets(store: ProjectStore, selection: ExportSelection, options: ExcelExportOptions): { sheets: AsyncGenerator<SheetSpec>; codings: number } {
  const data = selectData(store, selection);
  const attributes = attributeColumns(data.project, options.attributeColumns);
  const crossed = options.crossAttribute === undefined ? [] : [options.crossAttribute].flat();
  attributeColumns(data.project, crossed);
  // Progress: one step per document read, one per sheet made after the coded segments, and
  // the last for finishing the file.
  const total = data.documents.length + 5 + crossed.length + (options.sheetPerCode ? 1 : 0);
  let done = 0;
  const step = (stage: string) => options.onProgress?.(++done, total, stage);
  options.onProgress?.(0, total, 'Reading documents');

  // What later sheets need from the coded segments, kept as they go by.
  const codedText = new Map<string, string>();
  const kept: CodedSegmentRow[] | null = options.sheetPerCode ? [] : null;
  const pages = withPages(data);
  async function* segmentRows() {
    const cells = segmentCells(attributes, pages);
    for await (const row of codedSegments(store, data, () => step('Reading documents'))) {
      if (data.codingMemos.has(row.codingId)) codedText.set(row.codingId, row.text);
      kept?.push(row);
      yield cells(row);
    }
  }

  async function* sheets(): AsyncGenerator<SheetSpec> {
    yield { name: 'Coded segments', columns: segmentColumns(attributes, pages), rows: segmentRows() };
    step('Codebook');
    yield sheet('Codebook', codebookTable(data));
    step('Code × document');
    yield sheet('Code × document', codeByDocumentTable(data, options.rollUp, options.counting));
    for (const name of crossed) {
      step(`Code × ${name}`);
      yield sheet(`Code × ${name}`, codeByAttributeTable(data, name, 'codings', options.rollUp, options.counting));
      yield sheet(`Code × ${name} (docs)`, codeByAttributeTable(data, name, 'documents', options.rollUp));
    }
    step('Co-occurrence');
    yield sheet('Co-occurrence', coOccurrenceTable(data));
    step('Memos');
    yield sheet('Memos', memoTable(data, codedText));
    if (kept) {
      step('Sheets per code');
      const { codebook } = data.project;
      for (const code of data.codes) {
        const ids = new Set(subtreeIds(codebook, code.id));
        const rows = kept.filter((s) => ids.has(s.codeId));
        if (rows.length > 0) yield { name: code.name, columns: segmentColumns(attributes, pages), rows: rows.map(segmentCells(attributes, pages)) };
      }
    }
    yield* options.agreement ?? [];
    yield describeSelection(data, selection, options, (options.now ?? (() => new Date()))());
    step('Writing the workbook');
  }

  return { sheets: sheets(), codings: data.codings.length };
}
