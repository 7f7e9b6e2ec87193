import { subtreeIds } from '../../../shared/domain/codebook';
import { CO_OCCURRENCE_STATEMENT, DEFAULT_COUNTING, countingStatement } from '../../../shared/export/matrices';
import type { Counting } from '../../../shared/export/matrices';
import { isConsensusCoder } from '../../../shared/operations/consensus-ops';
import type { ProjectStore } from '../project/project-store';
import {
  attributeColumns,
  codeByAttributeTable,
  codeByDocumentTable,
  codebookTable,
  codedSegmentRows,
  codedSegmentTable,
  coOccurrenceTable,
  memoTable,
  selectData,
} from './coded-data';
import type { ExportSelection, SelectedData, Table } from './coded-data';
import { writeWorkbook } from './workbook';
import type { SheetSpec, WorkbookOutput } from './workbook';

/**
 * The workbook for the write-up: Coded segments, Codebook, Code × document, Code × <attribute>
 * (codings, and documents), Co-occurrence, Memos, optionally one sheet per code, the agreement
 * sheets the caller made, and About (what was exported); Notes when Excel's limits cut or
 * renamed anything.
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

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function sheet(name: string, table: Table): SheetSpec {
  return { name, columns: table.columns, rows: table.rows };
}

function describeSelection(data: SelectedData, selection: ExportSelection, options: ExcelExportOptions, now: Date): SheetSpec {
  const { project } = data;
  const consensusLeftOut = selection.coderIds === null && project.coders.some(isConsensusCoder);
  const filter = Object.entries(selection.attributes)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => `${name}: ${values.join(', ')}`)
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

export async function exportWorkbook(store: ProjectStore, selection: ExportSelection, options: ExcelExportOptions): Promise<WorkbookOutput> {
  const data = selectData(store, selection);
  const attributes = attributeColumns(data.project, options.attributeColumns);
  const crossed = options.crossAttribute === undefined ? [] : [options.crossAttribute].flat();
  const codeSheets = options.sheetPerCode ? data.codes : [];
  // Progress: one step per document read, one per sheet built, one for writing the file.
  const total = data.documents.length + 5 + crossed.length + (codeSheets.length ? 1 : 0) + 1;
  let done = 0;
  const step = async (stage: string) => {
    options.onProgress?.(++done, total, stage);
    await turn();
  };

  options.onProgress?.(0, total, 'Reading documents');
  const segments = await codedSegmentRows(store, data, () => step('Reading documents'));
  const sheets: SheetSpec[] = [];
  sheets.push(sheet('Coded segments', codedSegmentTable(segments, attributes)));
  await step('Coded segments');
  sheets.push(sheet('Codebook', codebookTable(data)));
  await step('Codebook');
  sheets.push(sheet('Code × document', codeByDocumentTable(data, options.rollUp, options.counting)));
  await step('Code × document');
  for (const name of crossed) {
    sheets.push(sheet(`Code × ${name}`, codeByAttributeTable(data, name, 'codings', options.rollUp, options.counting)));
    sheets.push(sheet(`Code × ${name} (docs)`, codeByAttributeTable(data, name, 'documents', options.rollUp)));
    await step(`Code × ${name}`);
  }
  sheets.push(sheet('Co-occurrence', coOccurrenceTable(data)));
  await step('Co-occurrence');
  sheets.push(sheet('Memos', memoTable(data, segments)));
  await step('Memos');
  if (codeSheets.length) {
    const { codebook } = data.project;
    for (const code of codeSheets) {
      const ids = new Set(subtreeIds(codebook, code.id));
      const rows = segments.filter((s) => ids.has(s.codeId));
      if (rows.length === 0) continue;
      sheets.push(sheet(code.name, codedSegmentTable(rows, attributes)));
    }
    await step('Sheets per code');
  }
  sheets.push(...(options.agreement ?? []));
  sheets.push(describeSelection(data, selection, options, (options.now ?? (() => new Date()))()));
  // Writing is one synchronous step (SheetJS); everything before it has yielded in turns.
  const output = await writeWorkbook(sheets);
  await step('Writing the workbook');
  return output;
}
