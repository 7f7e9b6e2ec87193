import { formatFigure } from '../../../../shared/agreement/format';
import { bandSchemeNames } from '../../../../shared/agreement/interpretation';
import { summaryTable } from '../../../../shared/agreement/report-tables';
import { buildTable, columnName } from '../../../../shared/agreement/table-model';
import type { CellValue, Column, TableModel } from '../../../../shared/agreement/table-model';
import type { AgreementResult } from '../../../../shared/api/contract';
import { PATH_SEPARATOR } from './report-model';
import type { ReportCell, ReportTableData } from './report-model';

/**
 * The agreement summary a printed page can hold: per code the counts each coder is compared on,
 * the pooled figures with their intervals, and the reading of the main one. The full tables
 * (every aggregation, the code × document detail) would need some 25 columns: the report says
 * where to get them instead.
 */

/** Characters (or documents) nobody coded: most of the text, and not what agreement turns on. */
const LEFT_OUT = new Set(['neither', 'none']);

/** `marginalia agreement --mode` for each kind of report. */
const MODE_OPTION: Record<AgreementResult['report']['mode'], string> = {
  character: '',
  'character-multi': '',
  unitized: ' --mode unitized',
  segment: ' --mode segment',
  presence: ' --mode presence',
};

function measureOf(cell: CellValue | undefined) {
  return cell?.kind === 'measure' ? cell : null;
}

/** A count as a number; a figure as the screen writes it (97.72 %, 0.535), its interval after it. */
function cellValue(cell: CellValue | undefined): ReportCell {
  if (!cell) return null;
  if (cell.kind === 'count') return cell.value;
  if (!cell.value.defined) return `undefined: ${cell.value.reason}`;
  const figure = formatFigure(cell.value.value, cell.format);
  const interval = cell.interval?.defined ? cell.interval : null;
  return interval ? `${figure} (${formatFigure(interval.low, 'coefficient')}–${formatFigure(interval.high, 'coefficient')})` : figure;
}

function reading(model: TableModel, cells: Record<string, CellValue>): ReportCell {
  const m = measureOf(cells[model.primary]);
  return m?.band ? `${m.band.label}${m.belowMinimum ? ` (below ${model.minimum.toFixed(3)})` : ''}` : null;
}

function whereTheFullTablesAre(result: AgreementResult): string {
  const coders = result.coders.map((c) => c.name).join(',');
  return (
    'The full agreement tables (every aggregation over documents, each code by document) are in the Excel export: ' +
    'the export dialog’s Excel workbook with “Add agreement sheets for two coders”, or ' +
    `marginalia agreement PROJECT --coders "${coders}"${MODE_OPTION[result.report.mode]} --xlsx FILE.`
  );
}

export function agreementSummary(result: AgreementResult): ReportTableData {
  const model = buildTable(result);
  const columns = model.columns.filter((c) => !LEFT_OUT.has(c.id));
  const everyRow = [...model.rows.map((r) => r.cells), model.overall.cells];
  const withInterval = (c: Column) => everyRow.some((cells) => measureOf(cells[c.id])?.interval?.defined);
  const primary = model.columns.find((c) => c.id === model.primary)!;
  const read = everyRow.some((cells) => measureOf(cells[model.primary])?.band);
  const line = (label: string, cells: Record<string, CellValue>): ReportCell[] => [label, ...columns.map((c) => cellValue(cells[c.id])), ...(read ? [reading(model, cells)] : [])];
  const counted = columns.some((c) => c.kind === 'count') ? `Counts are ${model.unit}, added up over the documents compared. ` : '';
  const intervals = columns.some(withInterval) ? 'Bracketed: the 95 % confidence interval. ' : '';
  return {
    caption: summaryTable(result, model).name,
    columns: [
      { header: 'Code', numeric: false },
      ...columns.map((c) => ({ header: withInterval(c) ? `${columnName(c)} (95 % CI)` : columnName(c), numeric: true })),
      ...(read ? [{ header: `Reading of ${columnName(primary)}`, numeric: false }] : []),
    ],
    rows: model.rows.map((r) => line(r.path.join(PATH_SEPARATOR), r.cells)),
    totals: [line(model.overall.label, model.overall.cells)],
    note: `${counted}${intervals}${read ? `Reading: ${bandSchemeNames[model.bands]}. ` : ''}${whereTheFullTablesAre(result)}`,
  };
}
