import type { AgreementResult } from '../../../../shared/api/contract';
import { measureExplanations } from '../../../../shared/agreement/explanations';
import type { ExplainedMeasure } from '../../../../shared/agreement/explanations';
import type { MeasureValue } from '../../../../shared/agreement/undefined-measure';

/**
 * The agreement report as the view's table: columns per mode, one row per code and an Overall
 * row, sorting, formatting and footnotes. Pure, so what the table shows is tested directly.
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
    };

export interface Column {
  id: string;
  /** The heading; `detail` is shown smaller under it and is part of its name. */
  label: string;
  detail?: string;
  kind: 'count' | 'measure';
  /** The explanation shown on hover, from explanations.ts for measures. */
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
  /** The measures to explain beside the table, in order. */
  explain: ExplainedMeasure[];
  /** Two coders compared (A, B), when the mode compares a pair. */
  pair: { coderA: string; coderB: string } | null;
}

const count = (value: number): CellValue => ({ kind: 'count', value });
const coefficient = (value: MeasureValue, note?: string): CellValue =>
  note ? { kind: 'measure', value, format: 'coefficient', note } : { kind: 'measure', value, format: 'coefficient' };
const percent = (value: MeasureValue, note?: string): CellValue =>
  note ? { kind: 'measure', value, format: 'percent', note } : { kind: 'measure', value, format: 'percent' };

/** "mean over 3 of 17 documents: 14 left out, where κ is undefined" — or nothing when none were left out. */
export function leftOutNote(leftOut: number, documents: number, measure: string): string | undefined {
  if (leftOut === 0) return undefined;
  const used = documents - leftOut;
  return `Mean over ${used} of ${documents} document${documents === 1 ? '' : 's'}: ${leftOut} left out, where ${measure} is undefined.`;
}

/** The table for a report; `aggregation` chooses character mode's figures over documents. */
export function buildTable(result: AgreementResult, aggregation: Aggregation): TableModel {
  const { report } = result;
  const coderName = (id: string) => result.coders.find((c) => c.id === id)?.name ?? 'Unknown coder';
  const codeOf = (id: string) => result.codes.find((c) => c.id === id);
  const row = (codeId: string, cells: Record<string, CellValue>): TableRow => {
    const code = codeOf(codeId);
    return { codeId, name: code?.name ?? 'Unknown code', path: code?.path ?? [], color: code?.color ?? '#5b6266', cells };
  };
  switch (report.mode) {
    case 'character': {
      const a = coderName(report.coderA);
      const b = coderName(report.coderB);
      const agg = aggregationLabels[aggregation];
      const columns: Column[] = [
        { id: 'both', label: 'Both', kind: 'count', title: `Characters both ${a} and ${b} coded, all documents added up.` },
        { id: 'onlyA', label: `Only ${a}`, kind: 'count', title: `Characters only ${a} coded.` },
        { id: 'onlyB', label: `Only ${b}`, kind: 'count', title: `Characters only ${b} coded.` },
        { id: 'neither', label: 'Neither', kind: 'count', title: 'Characters neither coder coded.' },
        { id: 'percent', label: '% agreement', detail: agg, kind: 'measure', title: explanationTitle('percent') },
        { id: 'kappa', label: 'κ', detail: agg, kind: 'measure', title: explanationTitle('kappa') },
        { id: 'alpha', label: 'α', detail: agg, kind: 'measure', title: explanationTitle('alpha') },
      ];
      const rows = report.codes.map((c) => {
        const n = c.cells.length;
        const t = c.pooled.table;
        const counts = { both: count(t.both), onlyA: count(t.onlyA), onlyB: count(t.onlyB), neither: count(t.neither) };
        if (aggregation === 'pooled') {
          return row(c.codeId, { ...counts, percent: percent(c.pooled.percent), kappa: coefficient(c.pooled.kappa), alpha: coefficient(c.pooled.alpha) });
        }
        const m = c[aggregation];
        return row(c.codeId, {
          ...counts,
          percent: percent(m.percent, leftOutNote(m.leftOut.percent, n, 'percent agreement')),
          kappa: coefficient(m.kappa, leftOutNote(m.leftOut.kappa, n, 'κ')),
          alpha: coefficient(m.alpha, leftOutNote(m.leftOut.alpha, n, 'α')),
        });
      });
      const t = report.overall.table;
      const pooledNote = aggregation === 'pooled' ? undefined : 'The Overall row is always pooled: every code’s and document’s characters added up, then measured once.';
      return {
        columns,
        rows,
        overall: {
          label: 'Overall (all codes pooled)',
          cells: {
            both: count(t.both),
            onlyA: count(t.onlyA),
            onlyB: count(t.onlyB),
            neither: count(t.neither),
            percent: percent(report.overall.percent, pooledNote),
            kappa: coefficient(report.overall.kappa, pooledNote),
            alpha: coefficient(report.overall.alpha, pooledNote),
          },
        },
        primary: 'kappa',
        chartable: ['kappa', 'alpha', 'percent'],
        explain: ['percent', 'kappa', 'alpha', aggregation],
        pair: { coderA: report.coderA, coderB: report.coderB },
      };
    }
    case 'character-multi': {
      const m = report.coderIds.length;
      const histogramCells = (h: number[]) => ({
        none: count(h[0] ?? 0),
        some: count(h.slice(1, m).reduce((s, x) => s + x, 0)),
        all: count(h[m] ?? 0),
      });
      const columns: Column[] = [
        { id: 'none', label: 'Coded by none', kind: 'count', title: 'Characters no coder coded, all documents added up.' },
        { id: 'some', label: 'By some', kind: 'count', title: `Characters coded by between 1 and ${m - 1} of the ${m} coders.` },
        { id: 'all', label: `By all ${m}`, kind: 'count', title: `Characters every one of the ${m} coders coded.` },
        { id: 'fleiss', label: "Fleiss' κ", kind: 'measure', title: explanationTitle('fleiss') },
        { id: 'alpha', label: 'α', kind: 'measure', title: explanationTitle('alpha') },
      ];
      return {
        columns,
        rows: report.codes.map((c) => row(c.codeId, { ...histogramCells(c.histogram), fleiss: coefficient(c.fleiss), alpha: coefficient(c.alpha) })),
        overall: {
          label: 'Overall (all codes pooled)',
          cells: { ...histogramCells(report.overall.histogram), fleiss: coefficient(report.overall.fleiss), alpha: coefficient(report.overall.alpha) },
        },
        primary: 'fleiss',
        chartable: ['fleiss', 'alpha'],
        explain: ['fleiss', 'alpha', 'kappa'],
        pair: null,
      };
    }
    case 'unitized':
      return {
        columns: [{ id: 'alphaU', label: 'α_U', kind: 'measure', title: explanationTitle('alphaU') }],
        rows: report.codes.map((c) => row(c.codeId, { alphaU: coefficient(c.alphaU) })),
        overall: { label: 'Overall (all codes)', cells: { alphaU: coefficient(report.overall) } },
        primary: 'alphaU',
        chartable: ['alphaU'],
        explain: ['alphaU'],
        pair: null,
      };
    case 'segment': {
      const a = coderName(report.coderA);
      const b = coderName(report.coderB);
      const columns: Column[] = [
        { id: 'segmentsA', label: `Segments ${a}`, kind: 'count', title: `Segments ${a} coded (a coder's overlapping codings joined).` },
        { id: 'matchedA', label: `Matched ${a}`, kind: 'count', title: `Segments of ${a} that ${b} matched at the threshold.` },
        { id: 'segmentsB', label: `Segments ${b}`, kind: 'count', title: `Segments ${b} coded.` },
        { id: 'matchedB', label: `Matched ${b}`, kind: 'count', title: `Segments of ${b} that ${a} matched at the threshold.` },
        { id: 'percent', label: '% agreement', kind: 'measure', title: `${explanationTitle('segment')}\n\n${explanationTitle('percent')}` },
        { id: 'kappaN', label: 'κ_n', detail: `q = ${report.q}`, kind: 'measure', title: explanationTitle('kappaN') },
      ];
      const cells = (c: (typeof report.codes)[number] | typeof report.overall) => ({
        segmentsA: count(c.counts.segmentsA),
        matchedA: count(c.counts.matchedA),
        segmentsB: count(c.counts.segmentsB),
        matchedB: count(c.counts.matchedB),
        percent: percent(c.percent),
        kappaN: coefficient(c.kappaN),
      });
      return {
        columns,
        rows: report.codes.map((c) => row(c.codeId, cells(c))),
        overall: { label: 'Overall (all codes)', cells: cells(report.overall) },
        primary: 'kappaN',
        chartable: ['kappaN', 'percent'],
        explain: ['segment', 'percent', 'kappaN'],
        pair: { coderA: report.coderA, coderB: report.coderB },
      };
    }
    case 'presence': {
      const a = coderName(report.coderA);
      const b = coderName(report.coderB);
      const columns: Column[] = [
        { id: 'both', label: 'Both', detail: 'documents', kind: 'count', title: `Documents where both ${a} and ${b} used the code.` },
        { id: 'onlyA', label: `Only ${a}`, kind: 'count', title: `Documents where only ${a} used the code.` },
        { id: 'onlyB', label: `Only ${b}`, kind: 'count', title: `Documents where only ${b} used the code.` },
        { id: 'neither', label: 'Neither', kind: 'count', title: 'Documents where neither coder used the code.' },
        { id: 'percent', label: '% agreement', kind: 'measure', title: explanationTitle('percent') },
        { id: 'kappa', label: 'κ', kind: 'measure', title: explanationTitle('kappa') },
        { id: 'alpha', label: 'α', kind: 'measure', title: explanationTitle('alpha') },
      ];
      const cells = (c: (typeof report.codes)[number] | typeof report.overall) => ({
        both: count(c.table.both),
        onlyA: count(c.table.onlyA),
        onlyB: count(c.table.onlyB),
        neither: count(c.table.neither),
        percent: percent(c.percent),
        kappa: coefficient(c.kappa),
        alpha: coefficient(c.alpha),
      });
      return {
        columns,
        rows: report.codes.map((c) => row(c.codeId, cells(c))),
        overall: { label: 'Overall (all codes pooled)', cells: cells(report.overall) },
        primary: 'kappa',
        chartable: ['kappa', 'alpha', 'percent'],
        explain: ['presence', 'percent', 'kappa', 'alpha'],
        pair: { coderA: report.coderA, coderB: report.coderB },
      };
    }
  }
}

function explanationTitle(measure: ExplainedMeasure): string {
  return measureExplanations[measure];
}

/** A column's full name: "κ (length-weighted mean)". */
export function columnName(column: Column): string {
  return column.detail ? `${column.label} (${column.detail})` : column.label;
}

// ---------- Formatting ----------

const MINUS = '\u2212';

/** Coefficients to three decimals, percentages to two, with a true minus sign; never "−0.000". */
export function formatFigure(value: number, format: 'percent' | 'coefficient'): string {
  const digits = format === 'percent' ? 2 : 3;
  const scaled = format === 'percent' ? value * 100 : value;
  let text = Math.abs(scaled).toFixed(digits);
  const negative = scaled < 0 && Number(text) !== 0;
  if (negative) text = `${MINUS}${text}`;
  return format === 'percent' ? `${text}\u00a0%` : text;
}

/** The figure as stored, for a tooltip: every digit there is, so it can be checked. */
export function exactFigure(value: number, format: 'percent' | 'coefficient'): string {
  return format === 'percent' ? `${value} (as a share; ${value * 100} %)` : String(value);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

// ---------- Sorting ----------

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: string;
  direction: SortDirection;
}

/** Where a click on a heading leads: the same column flips; a new measure starts worst first. */
export function nextSort(current: SortState, column: Column | 'code'): SortState {
  const id = column === 'code' ? 'code' : column.id;
  if (current.column === id) return { column: id, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  if (column === 'code') return { column: id, direction: 'ascending' };
  return { column: id, direction: column.kind === 'measure' ? 'ascending' : 'descending' };
}

const byPath = (a: TableRow, b: TableRow) => a.path.join('\u0000').localeCompare(b.path.join('\u0000'), 'en-GB') || a.codeId.localeCompare(b.codeId);

/**
 * Rows in the order asked. Undefined figures come last whichever way the column is sorted: they
 * are not the worst or the best, they are not there. Ties keep codebook order by path.
 */
export function sortRows(rows: readonly TableRow[], sort: SortState): TableRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'code') return [...rows].sort((a, b) => sign * byPath(a, b));
  const numeric = (row: TableRow): number | null => {
    const cell = row.cells[sort.column];
    if (!cell) return null;
    if (cell.kind === 'count') return cell.value;
    return cell.value.defined ? cell.value.value : null;
  };
  return [...rows].sort((a, b) => {
    const x = numeric(a);
    const y = numeric(b);
    if (x === null && y === null) return byPath(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || byPath(a, b);
  });
}

// ---------- Footnotes for undefined figures ----------

/**
 * One footnote per distinct reason a figure is undefined, numbered in reading order (rows as
 * shown, then the Overall row, left to right).
 */
export function undefinedReasons(rows: readonly TableRow[], overall: TableModel['overall'], columns: readonly Column[]): Map<string, number> {
  const notes = new Map<string, number>();
  for (const cells of [...rows.map((r) => r.cells), overall.cells]) {
    for (const column of columns) {
      const cell = cells[column.id];
      if (cell?.kind === 'measure' && !cell.value.defined && !notes.has(cell.value.reason)) notes.set(cell.value.reason, notes.size + 1);
    }
  }
  return notes;
}

// ---------- Chart ----------

export interface ChartBar {
  codeId: string;
  name: string;
  color: string;
  value: number;
}

export interface ChartData {
  bars: ChartBar[];
  /** Codes whose figure is undefined: listed apart, with why, never drawn as zero. */
  missing: { codeId: string; name: string; reason: string }[];
  /** The axis: from min(0, lowest value) — κ can fall below 0 — to 1. */
  min: number;
  max: number;
}

export function chartData(rows: readonly TableRow[], column: string): ChartData {
  const bars: ChartBar[] = [];
  const missing: ChartData['missing'] = [];
  for (const row of rows) {
    const cell = row.cells[column];
    if (cell?.kind !== 'measure') continue;
    if (cell.value.defined) bars.push({ codeId: row.codeId, name: row.name, color: row.color, value: cell.value.value });
    else missing.push({ codeId: row.codeId, name: row.name, reason: cell.value.reason });
  }
  const lowest = Math.min(0, ...bars.map((b) => b.value));
  // Round the negative end out to a tenth so the zero line sits on a tick.
  const min = lowest < 0 ? Math.max(-1, Math.floor(lowest * 10) / 10) : 0;
  return { bars, missing, min, max: 1 };
}

/** Where a value sits on the chart's axis, 0–1. */
export function axisPosition(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}
