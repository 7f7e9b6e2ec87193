import { percentileInterval, resampleDocuments } from '../bootstrap';
import { rawAlpha, rawKappa } from '../two-by-two';
import type { DocumentTables, IntervalValue, ResampleSettings } from '../bootstrap';

/** How the intervals are drawn, and the minimum whose shortfall they put a probability on. */
export interface UncertaintyOptions extends ResampleSettings {
  minimum: number;
}

/**
 * Resamples documents for the given per-code, per-document tables and sets each result's
 * `intervals` (and the overall one's) from the named statistics.
 */
export function addIntervals<K extends string>(
  tables: DocumentTables,
  statistics: Record<K, (sum: Float64Array) => number>,
  targets: { intervals: Record<K, IntervalValue> | null }[],
  overall: { intervals: Record<K, IntervalValue> | null },
  uncertainty: UncertaintyOptions | null,
  minimumFor: K | null,
): void {
  if (!uncertainty || uncertainty.samples === 0) return;
  const names = Object.keys(statistics) as K[];
  const resampled = resampleDocuments(tables, names.map((k) => statistics[k]), uncertainty);
  const intervals = (values: Float64Array[]) =>
    Object.fromEntries(names.map((k, i) => [k, percentileInterval(values[i]!, k === minimumFor ? uncertainty.minimum : null, tables.documents)])) as Record<K, IntervalValue>;
  targets.forEach((t, c) => (t.intervals = intervals(resampled.codes[c]!)));
  overall.intervals = intervals(resampled.overall);
}

/** Per-document tables from each code's coded documents (index → numbers), over a background shared by every code. */
export function sparseTables(width: number, documents: number, background: Float64Array, perCode: Map<number, number[]>[]): DocumentTables {
  return {
    width,
    documents,
    background,
    codes: perCode.map((docs) => ({ documents: Int32Array.from(docs.keys()), extra: Float64Array.from([...docs.values()].flat()) })),
  };
}

/** κ and α of a summed 2×2 table [both, only A, only B, neither]. */
export const twoByTwoStatistics = {
  kappa: (s: Float64Array) => rawKappa(s[0]!, s[1]!, s[2]!, s[3]!),
  alpha: (s: Float64Array) => rawAlpha(s[0]!, s[1]!, s[2]!, s[3]!),
};
