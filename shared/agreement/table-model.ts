import type { AgreementResult } from '../api/views';
import type { IntervalValue } from './bootstrap';
import type { AgreementUnit, ExplainedMeasure } from './explanations';
import { measureExplanation } from './explanations';
import { bandOf } from './interpretation';
import type { Band, BandScheme } from './interpretation';
import type { MeasureValue } from './undefined-measure';

/**
 * The agreement report as a table: columns per mode, one row per code and an Overall row, each
 * figure with its interval and interpretation band where it has them. The one model both the
 * screen (renderer/…/agreement) and the files (report-tables.ts: workbook, CLI) render from,
 * so what a researcher reads and what they export cannot drift apart.
 */

/** How character-mode figures are taken over documents. */
export type Aggregation = 'pooled' | 'lengthWeighted' | 'unweighted';

export const aggregationLabels: Record<Aggregation, string> = {
  pooled: 'pooled',
  lengthWeighted: 'length-weighted mean',
  unweighted: 'unweighted mean',
};

export type CellValue =
  | { kind: 'count'; value: number }
  | {
      kind: 'measure';
      value: MeasureValue;
      format: 'percent' | 'coefficient';
      /** A remark on how the figure was taken (a mean leaving documents out). */
      note?: string;
      /** Its 95 % bootstrap interval, where one was drawn. */
      interval?: IntervalValue;
      /** What a chance-corrected figure is usually taken to mean. */
      band?: Band;
      /** Below the minimum the report holds figures to. */
      belowMinimum?: boolean;
    };

export interface Column {
  id: string;
  /** The heading; `detail` is shown smaller under it and is part of its name. */
  label: string;
  detail?: string;
  kind: 'count' | 'measure';
  /** The explanation shown on hover. */
  title: string;
}

export interface TableRow {
  codeId: string;
  name: string;
  path: string[];
  color: string;
  cells: Record<string, CellValue>;
}

export interface TableModel {
  columns: Column[];
  rows: TableRow[];
  overall: { label: string; cells: Record<string, CellValue> };
  /** The measure the table is sorted by at first (worst first), and the chart shows at first. */
  primary: string;
  /** Measure columns a chart can show. */
  chartable: string[];
  /** The measures to explain beside the table, in order, and the unit they count in. */
  explain: ExplainedMeasure[];
  unit: AgreementUnit;
  /** Two coders compared (A, B), when the mode compares a pair. */
  pair: { coderA: string; coderB: string } | null;
  /** Cohen's κ for every pair of coders, when more than two are compared. */
  pairwise: { coderA: string; coderB: string; kappa: CellValue }[];
  minimum: number;
  bands: BandScheme;
  /** Codes whose main figure falls below the minimum, worst first: the ones a pair should talk about. */
  belowMinimum: { codeId: string; name: string; value: number }[];
}

const count = (value: number): CellValue => ({ kind: 'count', value });
const percent = (value: MeasureValue, note?: string): CellValue => ({ kind: 'measure', value, format: 'percent', ...(note && { note }) });

/** "Mean over 3 of 17 documents: 14 left out, where κ is undefined." — or nothing when none were left out. */
export function leftOutNote(leftOut: number, documents: number, measure: string): string | undefined {
  if (leftOut === 0) return undefined;
  return `Mean over ${documents - leftOut} of ${documents} document${documents === 1 ? '' : 's'}: ${leftOut} left out, where ${measure} is undefined.`;
}

/** A column's full name: "κ (length-weighted mean)". */
export function columnName(column: Column): string {
  return column.detail ? `${column.label} (${column.detail})` : column.label;
}

/**
 * The table for a report. `aggregations` chooses character mode's figures over documents: the
 * screen shows one at a time, the files all three side by side (column ids then carry the
 * aggregation after a colon, except the first's).
 */
export function buildTable(result: AgreementResult, aggregations: readonly Aggregation[] = ['pooled']): TableModel {
  const { report, settings } = result;
  const coderName = (id: string) => result.coders.find((c) => c.id === id)?.name ?? 'Unknown coder';
  const codeOf = (id: string) => result.codes.find((c) => c.id === id);
  const unit: AgreementUnit = report.mode === 'presence' ? 'documents' : report.mode === 'segment' ? 'segments' : 'characters';
  const title = (m: ExplainedMeasure) => measureExplanation(m, unit);
  const coefficient = (value: MeasureValue, interval?: IntervalValue | null, note?: string): CellValue => ({
    kind: 'measure',
    value,
    format: 'coefficient',
    ...(note && { note }),
    ...(interval && { interval }),
    ...(value.defined && { band: bandOf(value.value, settings.bands), belowMinimum: value.value < settings.minimum }),
  });
  const row = (codeId: string, cells: Record<string, CellValue>): TableRow => {
    const code = codeOf(codeId);
    return { codeId, name: code?.name ?? 'Unknown code', path: code?.path ?? [], color: code?.color ?? '#5b6266', cells };
  };
  const base = { unit, minimum: settings.minimum, bands: settings.bands, pairwise: [] as TableModel['pairwise'] };
  const finish = (model: Omit<TableModel, 'belowMinimum' | keyof typeof base> & Partial<typeof base>): TableModel => ({ ...base, ...model, belowMinimum: belowMinimum(model.rows, model.primary) });

  switch (report.mode) {
    case 'character': {
      const a = coderName(report.coderA);
      const b = coderName(report.coderB);
      const n = report.documents;
      const first = aggregations[0] ?? 'pooled';
      const id = (measure: string, agg: Aggregation) => (agg === first ? measure : `${measure}:${agg}`);
      const columns: Column[] = [
        { id: 'both', label: 'Both', kind: 'count', title: `Characters both ${a} and ${b} coded, all documents added up.` },
        { id: 'onlyA', label: `Only ${a}`, kind: 'count', title: `Characters only ${a} coded.` },
        { id: 'onlyB', label: `Only ${b}`, kind: 'count', title: `Characters only ${b} coded.` },
        { id: 'neither', label: 'Neither', kind: 'count', title: 'Characters neither coder coded.' },
        ...aggregations.flatMap((agg): Column[] => [
          { id: id('percent', agg), label: '% agreement', detail: aggregationLabels[agg], kind: 'measure', title: title('percent') },
          { id: id('kappa', agg), label: 'κ', detail: aggregationLabels[agg], kind: 'measure', title: title('kappa') },
          { id: id('alpha', agg), label: 'α', detail: aggregationLabels[agg], kind: 'measure', title: title('alpha') },
        ]),
      ];
      const counts = (t: { both: number; onlyA: number; onlyB: number; neither: number }) => ({ both: count(t.both), onlyA: count(t.onlyA), onlyB: count(t.onlyB), neither: count(t.neither) });
      const rows = report.codes.map((c) => {
        const cells: Record<string, CellValue> = counts(c.pooled.table);
        for (const agg of aggregations) {
          if (agg === 'pooled') {
            cells[id('percent', agg)] = percent(c.pooled.percent);
            cells[id('kappa', agg)] = coefficient(c.pooled.kappa, c.pooled.intervals?.kappa);
            cells[id('alpha', agg)] = coefficient(c.pooled.alpha, c.pooled.intervals?.alpha);
          } else {
            const m = c[agg];
            cells[id('percent', agg)] = percent(m.percent, leftOutNote(m.leftOut.percent, n, 'percent agreement'));
            cells[id('kappa', agg)] = coefficient(m.kappa, null, leftOutNote(m.leftOut.kappa, n, 'κ'));
            cells[id('alpha', agg)] = coefficient(m.alpha, null, leftOutNote(m.leftOut.alpha, n, 'α'));
          }
        }
        return row(c.codeId, cells);
      });
      // The Overall row is pooled; where the pooled column is not shown, it stands in with a note.
      const o = report.overall;
      const overall: Record<string, CellValue> = counts(o.table);
      const standIn = aggregations.includes('pooled') ? null : 'The Overall row is always pooled: every code’s and document’s characters added up, then measured once.';
      for (const agg of aggregations) {
        if (agg !== 'pooled' && !standIn) continue;
        overall[id('percent', agg)] = percent(o.percent, standIn ?? undefined);
        overall[id('kappa', agg)] = coefficient(o.kappa, o.intervals?.kappa, standIn ?? undefined);
        overall[id('alpha', agg)] = coefficient(o.alpha, o.intervals?.alpha, standIn ?? undefined);
      }
      return finish({
        columns,
        rows,
        overall: { label: 'Overall (all codes pooled)', cells: overall },
        primary: id('kappa', first),
        chartable: [id('kappa', first), id('alpha', first), id('percent', first)],
        explain: ['percent', 'kappa', 'alpha', ...aggregations, ...(result.settings.resampling ? (['interval'] as const) : [])],
        pair: { coderA: report.coderA, coderB: report.coderB },
      });
    }
    case 'character-multi': {
      const m = report.coderIds.length;
      const cellsOf = (c: (typeof report.codes)[number] | typeof report.overall) => ({
        none: count(c.histogram[0] ?? 0),
        some: count(c.histogram.slice(1, m).reduce((s, x) => s + x, 0)),
        all: count(c.histogram[m] ?? 0),
        fleiss: coefficient(c.fleiss, c.intervals?.fleiss),
        alpha: coefficient(c.alpha, c.intervals?.alpha),
      });
      return finish({
        columns: [
          { id: 'none', label: 'Coded by none', kind: 'count', title: 'Characters no coder coded, all documents added up.' },
          { id: 'some', label: 'By some', kind: 'count', title: `Characters coded by between 1 and ${m - 1} of the ${m} coders.` },
          { id: 'all', label: `By all ${m}`, kind: 'count', title: `Characters every one of the ${m} coders coded.` },
          { id: 'fleiss', label: "Fleiss' κ", kind: 'measure', title: title('fleiss') },
          { id: 'alpha', label: 'α', kind: 'measure', title: title('alpha') },
        ],
        rows: report.codes.map((c) => row(c.codeId, cellsOf(c))),
        overall: { label: 'Overall (all codes pooled)', cells: cellsOf(report.overall) },
        primary: 'fleiss',
        chartable: ['fleiss', 'alpha'],
        explain: ['fleiss', 'alpha', 'kappa', ...(result.settings.resampling ? (['interval'] as const) : [])],
        pair: null,
        pairwise: report.pairwise.map((p) => ({ coderA: p.coderA, coderB: p.coderB, kappa: coefficient(p.kappa) })),
      });
    }
    case 'unitized':
      return finish({
        columns: [{ id: 'alphaU', label: 'α_U', kind: 'measure', title: title('alphaU') }],
        rows: report.codes.map((c) => row(c.codeId, { alphaU: coefficient(c.alphaU) })),
        overall: { label: 'Overall (all codes)', cells: { alphaU: coefficient(report.overall) } },
        primary: 'alphaU',
        chartable: ['alphaU'],
        explain: ['alphaU'],
        pair: null,
      });
    case 'segment': {
      const a = coderName(report.coderA);
      const b = coderName(report.coderB);
      const cellsOf = (c: (typeof report.codes)[number] | typeof report.overall) => ({
        segmentsA: count(c.counts.segmentsA),
        matchedA: count(c.counts.matchedA),
        segmentsB: count(c.counts.segmentsB),
        matchedB: count(c.counts.matchedB),
        percent: percent(c.percent),
        kappaN: coefficient(c.kappaN, c.intervals?.kappaN),
      });
      return finish({
        columns: [
          { id: 'segmentsA', label: `Segments ${a}`, kind: 'count', title: `Segments ${a} coded (a coder's overlapping codings joined).` },
          { id: 'matchedA', label: `Matched ${a}`, kind: 'count', title: `Segments of ${a} that ${b} matched at the threshold.` },
          { id: 'segmentsB', label: `Segments ${b}`, kind: 'count', title: `Segments ${b} coded.` },
          { id: 'matchedB', label: `Matched ${b}`, kind: 'count', title: `Segments of ${b} that ${a} matched at the threshold.` },
          { id: 'percent', label: '% agreement', kind: 'measure', title: `${title('segment')}\n\n${title('percent')}` },
          { id: 'kappaN', label: 'κ_n', detail: `q = ${report.q}`, kind: 'measure', title: title('kappaN') },
        ],
        rows: report.codes.map((c) => row(c.codeId, cellsOf(c))),
        overall: { label: 'Overall (all codes)', cells: cellsOf(report.overall) },
        primary: 'kappaN',
        chartable: ['kappaN', 'percent'],
        explain: ['segment', 'percent', 'kappaN', ...(result.settings.resampling ? (['interval'] as const) : [])],
        pair: { coderA: report.coderA, coderB: report.coderB },
      });
    }
    case 'presence': {
      const a = coderName(report.coderA);
      const b = coderName(report.coderB);
      const cellsOf = (c: (typeof report.codes)[number] | typeof report.overall) => ({
        both: count(c.table.both),
        onlyA: count(c.table.onlyA),
        onlyB: count(c.table.onlyB),
        neither: count(c.table.neither),
        percent: percent(c.percent),
        kappa: coefficient(c.kappa, c.intervals?.kappa),
        alpha: coefficient(c.alpha, c.intervals?.alpha),
      });
      return finish({
        columns: [
          { id: 'both', label: 'Both', detail: 'documents', kind: 'count', title: `Documents where both ${a} and ${b} used the code.` },
          { id: 'onlyA', label: `Only ${a}`, kind: 'count', title: `Documents where only ${a} used the code.` },
          { id: 'onlyB', label: `Only ${b}`, kind: 'count', title: `Documents where only ${b} used the code.` },
          { id: 'neither', label: 'Neither', kind: 'count', title: 'Documents where neither coder used the code.' },
          { id: 'percent', label: '% agreement', kind: 'measure', title: title('percent') },
          { id: 'kappa', label: 'κ', kind: 'measure', title: title('kappa') },
          { id: 'alpha', label: 'α', kind: 'measure', title: title('alpha') },
        ],
        rows: report.codes.map((c) => row(c.codeId, cellsOf(c))),
        overall: { label: 'Overall (all codes pooled)', cells: cellsOf(report.overall) },
        primary: 'kappa',
        chartable: ['kappa', 'alpha', 'percent'],
        explain: ['presence', 'percent', 'kappa', 'alpha', ...(result.settings.resampling ? (['interval'] as const) : [])],
        pair: { coderA: report.coderA, coderB: report.coderB },
      });
    }
  }
}

function belowMinimum(rows: TableRow[], primary: string): TableModel['belowMinimum'] {
  return rows
    .flatMap((r) => {
      const cell = r.cells[primary];
      return cell?.kind === 'measure' && cell.belowMinimum && cell.value.defined ? [{ codeId: r.codeId, name: r.name, value: cell.value.value }] : [];
    })
    .sort((x, y) => x.value - y.value);
}
