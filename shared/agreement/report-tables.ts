import type { AgreementResult } from '../api/views';
import { bandSchemeNames } from './interpretation';
import { methodsText } from './methods';
import type { CharacterCell } from './project';
import { buildTable, columnName } from './table-model';
import type { CellValue, Column, TableModel } from './table-model';
import type { MeasureValue } from './undefined-measure';

/** A table of an agreement report, for a spreadsheet sheet, a CSV or a printed table. */
export interface ReportTable {
  name: string;
  columns: { header: string; width?: number; type?: 'text' | 'number' }[];
  rows: (string | number | null)[][];
}

/** A figure, or the reason it is undefined: reports never show a number that is not there. */
export function figure(m: MeasureValue): number | string {
  return m.defined ? m.value : `undefined: ${m.reason}`;
}

const num = (header: string, width = 12) => ({ header, width, type: 'number' as const });
const text = (header: string, width = 30) => ({ header, width, type: 'text' as const });

/**
 * The sheet columns one model column becomes: the figure, then (where the report has them) its
 * 95 % interval, the chance that α falls below the minimum, and its interpretation band.
 */
function expand(model: TableModel, column: Column): { header: ReportTable['columns'][number]; value: (cell: CellValue | undefined) => string | number | null }[] {
  const cells = [...model.rows.map((r) => r.cells[column.id]), model.overall.cells[column.id]];
  const measures = cells.filter((c): c is Extract<CellValue, { kind: 'measure' }> => c?.kind === 'measure');
  const name = columnName(column);
  const out: ReturnType<typeof expand> = [
    { header: num(name), value: (c) => (c === undefined ? null : c.kind === 'count' ? c.value : figure(c.value)) },
  ];
  const measureOf = (c: CellValue | undefined) => (c?.kind === 'measure' ? c : null);
  if (measures.some((c) => c.interval)) {
    const interval = (c: CellValue | undefined) => measureOf(c)?.interval;
    const bound = (side: 'low' | 'high') => (c: CellValue | undefined) => {
      const i = interval(c);
      return i === undefined ? null : i.defined ? i[side] : `undefined: ${i.reason}`;
    };
    out.push({ header: num(`${name}: 95 % CI low`), value: bound('low') }, { header: num(`${name}: 95 % CI high`), value: bound('high') });
    if (measures.some((c) => c.interval?.defined && c.interval.belowMinimum !== null)) {
      out.push({
        header: num(`${name}: P(below ${model.minimum.toFixed(3)})`),
        value: (c) => {
          const i = interval(c);
          return i?.defined && i.belowMinimum !== null ? i.belowMinimum : null;
        },
      });
    }
  }
  if (measures.some((c) => c.band)) {
    out.push({
      header: text(`${name}: reading`, 22),
      value: (c) => {
        const m = measureOf(c);
        return m?.band ? `${m.band.label}${m.belowMinimum ? ` (below ${model.minimum.toFixed(3)})` : ''}` : null;
      },
    });
  }
  return out;
}

/** A model (rows and the Overall row) as a sheet: Code, then each column expanded. */
function modelTable(name: string, model: TableModel): ReportTable {
  const columns = model.columns.flatMap((c) => expand(model, c).map((e) => ({ ...e, id: c.id })));
  const line = (label: string, cells: Record<string, CellValue>) => [label, ...columns.map((c) => c.value(cells[c.id]))];
  return {
    name,
    columns: [text('Code'), ...columns.map((c) => c.header)],
    rows: [...model.rows.map((r) => line(r.path.join(' › '), r.cells)), line(model.overall.label, model.overall.cells)],
  };
}

/** The per-code summary of a model as a sheet (or, pooled only, as the CLI prints it). */
export function summaryTable(result: AgreementResult, model: TableModel = buildTable(result)): ReportTable {
  return modelTable(SUMMARY_NAMES[result.report.mode], model);
}

const SUMMARY_NAMES: Record<AgreementResult['report']['mode'], string> = {
  character: 'Agreement by code',
  'character-multi': 'Agreement by code',
  unitized: 'Unitized alpha by code',
  segment: 'Segment agreement by code',
  presence: 'Code presence by code',
};

/**
 * The report as tables, from the same model the screen shows: one summary per code with an
 * Overall row (character mode with every aggregation side by side), the pairwise κ for more
 * than two coders, the code × document detail when `cells` are given, and About this report
 * (what was compared, the documents left out, the methods paragraph).
 */
export function agreementTables(result: AgreementResult, cells: ReadonlyMap<string, CharacterCell[]> | null = null): ReportTable[] {
  const { report } = result;
  const model = buildTable(result, report.mode === 'character' ? ['pooled', 'lengthWeighted', 'unweighted'] : ['pooled']);
  const coder = (id: string) => result.coders.find((c) => c.id === id)?.name ?? id;
  const tables: ReportTable[] = [summaryTable(result, model)];
  if (model.pairwise.length > 0) {
    tables.push({
      name: 'Pairwise κ',
      columns: [text('Coder'), text('Coder'), num("Cohen's κ (pooled)")],
      rows: model.pairwise.map((p) => [coder(p.coderA), coder(p.coderB), p.kappa.kind === 'measure' ? figure(p.kappa.value) : null]),
    });
  }
  if (cells && report.mode === 'character') {
    const a = coder(report.coderA);
    const b = coder(report.coderB);
    const code = (id: string) => result.codes.find((c) => c.id === id)!.path.join(' › ');
    const doc = (id: string) => result.documents.find((d) => d.id === id)?.name ?? id;
    tables.push({
      name: 'Agreement by code and document',
      columns: [text('Code'), text('Document'), num('Both'), num(`Only ${a}`), num(`Only ${b}`), num('Neither'), num('% agreement'), num('κ'), num('α')],
      rows: report.codes.flatMap((c) =>
        (cells.get(c.codeId) ?? []).map((cell) => [code(c.codeId), doc(cell.documentId), cell.table.both, cell.table.onlyA, cell.table.onlyB, cell.table.neither, figure(cell.percent), figure(cell.kappa), figure(cell.alpha)]),
      ),
    });
  }
  tables.push(aboutTable(result, model));
  return tables;
}

function aboutTable(result: AgreementResult, model: TableModel): ReportTable {
  const methods = methodsText(result, model);
  const leftOut = result.scope.leftOut.flatMap((l) => l.documents.map((d) => `Left out (${l.reason}): ${d.name}`));
  const lines = [
    ...result.description,
    `Reading of the figures: ${bandSchemeNames[result.settings.bands]}.`,
    ...(model.belowMinimum.length > 0 ? [`Below the minimum (${model.minimum.toFixed(3)}): ${model.belowMinimum.map((b) => b.name).join(', ')}.`] : []),
    ...leftOut,
    '',
    'Methods text:',
    methods.paragraph,
    '',
    'References:',
    ...methods.references,
  ];
  return { name: 'About this report', columns: [text('What was compared and how', 120)], rows: lines.map((d) => [d]) };
}

/** The whole report as JSON, every figure at full precision, with character mode's cells when given. */
export function agreementJson(result: AgreementResult, cells: ReadonlyMap<string, CharacterCell[]> | null): string {
  return JSON.stringify({ ...result, ...(cells && { cells: Object.fromEntries(cells) }), methods: methodsText(result) }, null, 2);
}
