import type { Column, TableModel, TableRow } from '../../../../shared/agreement/table-model';

/**
 * How the view handles the agreement table model (shared/agreement/table-model.ts, which the
 * files render from too): sorting, footnotes for undefined figures, the chart's bars, and the
 * exact figure behind a rounded one. Pure, so what the table shows is tested directly.
 */

// ---------- Formatting ----------

/** The figure as stored, for a tooltip: every digit there is, so it can be checked. */
export function exactFigure(value: number, format: 'percent' | 'coefficient'): string {
  return format === 'percent' ? `${value} (as a share; ${value * 100} %)` : String(value);
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
