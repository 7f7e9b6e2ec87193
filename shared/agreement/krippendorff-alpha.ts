import { percentileInterval, resampleDocuments } from './bootstrap';
import type { IntervalValue, ResampleSettings } from './bootstrap';
import { UndefinedMeasure, requireDefined } from './undefined-measure';

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type Rating = number | string | null;

/**
 * Krippendorff's α (2011, "Computing Krippendorff's Alpha-Reliability"), any number of coders,
 * missing values allowed: data[coder][unit], null = not rated. Computed through the coincidence
 * matrix: each unit rated m_u ≥ 2 times adds its ordered value pairs / (m_u − 1).
 * α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 */
export function krippendorffAlpha(data: Rating[][], level: MeasurementLevel = 'nominal'): number {
  const { values, units } = coincidences(data, level);
  const size = values.length;
  const o = new Float64Array(size * size);
  for (const unit of units) for (let i = 0; i < o.length; i++) o[i]! += unit[i]!;
  return alphaFromCoincidences(o, values, level);
}

/**
 * The 95 % bootstrap interval of α, resampling the units (columns of `data`) with replacement,
 * with the share of resampled α below `minimum` (see bootstrap.ts).
 */
export function krippendorffAlphaInterval(data: Rating[][], level: MeasurementLevel, settings: ResampleSettings, minimum: number | null): IntervalValue {
  const { values, units } = coincidences(data, level);
  const width = values.length * values.length;
  // The project's document bootstrap, each unit in the part of a document with its coincidences as its table.
  const resampled = resampleDocuments(
    {
      width,
      documents: units.length,
      background: new Float64Array(units.length * width),
      codes: [{ documents: Int32Array.from(units.keys()), extra: Float64Array.from(units.flatMap((u) => [...u])) }],
    },
    [(o) => rawAlpha(o, values, level)],
    settings,
  );
  return percentileInterval(resampled.codes[0]![0]!, minimum, units.length);
}

/** The values used (sorted for the metric levels) and each pairable unit's coincidences, values × values. */
function coincidences(data: Rating[][], level: MeasurementLevel): { values: (number | string)[]; units: Float64Array[] } {
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const values: (number | string)[] = [];
  for (const row of data) for (const v of row) if (v !== null && v !== undefined && !values.includes(v)) values.push(v);
  if (level !== 'nominal' && values.some((v) => typeof v !== 'number')) {
    throw new RangeError(`${level} α needs numeric values`);
  }
  if (level !== 'nominal') (values as number[]).sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const units: Float64Array[] = [];
  for (let u = 0; u < unitCount; u++) {
    const ratings = data.map((row) => row[u]).filter((v): v is number | string => v !== null && v !== undefined);
    const m = ratings.length;
    if (m < 2) continue;
    const o = new Float64Array(size * size);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        if (a !== b) o[index.get(ratings[a]!)! * size + index.get(ratings[b]!)!]! += 1 / (m - 1);
      }
    }
    units.push(o);
  }
  return { values, units };
}

/** α from a coincidence matrix (values × values, row-major), NaN where it is undefined. */
function rawAlpha(o: Float64Array, values: (number | string)[], level: MeasurementLevel): number {
  try {
    return alphaFromCoincidences(o, values, level);
  } catch (err) {
    if (err instanceof UndefinedMeasure) return NaN;
    throw err;
  }
}

function alphaFromCoincidences(o: Float64Array, values: (number | string)[], level: MeasurementLevel): number {
  const size = values.length;
  const nc = Array.from({ length: size }, (_, c) => {
    let s = 0;
    for (let k = 0; k < size; k++) s += o[c * size + k]!;
    return s;
  });
  const n = nc.reduce((a, b) => a + b, 0);
  requireDefined(n > 1, 'fewer than two pairable values: no unit was rated by two or more coders');

  const delta2 = distance(level, values as number[], nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta2(c, k);
      observed += o[c * size + k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) throw new UndefinedMeasure('α needs variation: every pairable value is the same');
  return 1 - ((n - 1) * observed) / expected;
}

/** δ² between the c-th and k-th values (sorted, for the metric levels). */
function distance(level: MeasurementLevel, values: number[], nc: number[]): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal':
      return (c, k) => {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let between = 0;
        for (let g = lo; g <= hi; g++) between += nc[g]!;
        return (between - (nc[c]! + nc[k]!) / 2) ** 2;
      };
    case 'interval':
      return (c, k) => (values[c]! - values[k]!) ** 2;
    case 'ratio':
      return (c, k) => {
        const sum = values[c]! + values[k]!;
        return sum === 0 ? 0 : ((values[c]! - values[k]!) / sum) ** 2;
      };
  }
}
