import { SeededRandom } from './seeded-random';

/**
 * Bootstrap confidence intervals by resampling units (Efron & Tibshirani 1993): draw as many
 * units as there are, with replacement, recompute the figure, and repeat; the 2.5th and 97.5th
 * percentiles of the resampled figures bound the 95 % interval, and the share of resampled α
 * below a chosen minimum is the probability that α falls short of it — both as Hayes &
 * Krippendorff's KALPHA reports them.
 *
 * KALPHA itself draws pairs of values from the coincidence matrix and keeps the expected
 * disagreement fixed; that ignores how values cluster in units and gives intervals too narrow
 * (Gwet 2015; Zapf et al. 2016, BMC Medical Research Methodology 16:93, found about 60 %
 * coverage for a nominal 95 % interval), so here whole units are resampled. In a project the
 * units resampled are documents: the characters of one document are not independent, and a
 * resample of characters would give falsely narrow intervals.
 *
 * Every figure of a report is a function of tables summed over documents, so a resample only
 * needs each document's table per code. Most documents hold nothing at most codes: those add
 * the same "background" table (all "neither") whatever the code, so codes list only the
 * documents that differ, and a resample costs one pass over the coded cells.
 */

export interface ResampleSettings {
  /** Resamples to draw; 0 draws none (no intervals). */
  samples: number;
  /** The same seed gives the same intervals. */
  seed: number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20_260_105;

/** Per-document tables at every code, as sums the measures are computed from. */
export interface DocumentTables {
  /** Numbers per table (4 for a 2×2 table). */
  width: number;
  /** Documents resampled. */
  documents: number;
  /** What each document adds to a code's table when nothing is coded at the code: documents × width. */
  background: Float64Array;
  /** Per code: the documents that add something else, and how much more (entries × width). */
  codes: { documents: Int32Array; extra: Float64Array }[];
  /**
   * Set when every number is a whole count and each document's table (4 wide) adds up to the
   * same total whatever is coded (character mode: each character is in exactly one of the four
   * cells): the last number of a sum is then the total less the others, and the hot loop adds up
   * three numbers instead of four. Whole numbers add up exactly in any order: the same figures.
   */
  lastIsRest?: boolean;
}

/** A figure of a table summed over the resampled documents; NaN where it is undefined. */
export type TableStatistic = (table: Float64Array) => number;

export interface Resampled {
  /** [code][statistic] → one value per resample. */
  codes: Float64Array[][];
  /** [statistic] → one value per resample, for every code's table added up. */
  overall: Float64Array[];
}

export function resampleDocuments(tables: DocumentTables, statistics: TableStatistic[], settings: ResampleSettings): Resampled {
  const { width, documents: D, background } = tables;
  const B = settings.samples;
  const codeCount = tables.codes.length;
  const result: Resampled = {
    codes: tables.codes.map(() => statistics.map(() => new Float64Array(B))),
    overall: statistics.map(() => new Float64Array(B)),
  };
  if (D === 0) return result;
  const random = new SeededRandom(settings.seed);
  const weights = new Int32Array(D);
  const base = new Float64Array(width);
  const sum = new Float64Array(width);
  const total = new Float64Array(width);
  for (let b = 0; b < B; b++) {
    weights.fill(0);
    for (let i = 0; i < D; i++) weights[random.below(D)]!++;
    base.fill(0);
    for (let d = 0; d < D; d++) {
      const w = weights[d]!;
      if (w === 0) continue;
      for (let j = 0; j < width; j++) base[j]! += w * background[d * width + j]!;
    }
    total.fill(0);
    for (let c = 0; c < codeCount; c++) {
      const { documents, extra } = tables.codes[c]!;
      sum.set(base);
      // The hot loop: one pass over the code's coded documents, 2×2 tables kept in locals and
      // no branch on undrawn documents (weight 0): a mispredicted branch costs more than the sums.
      if (width === 4) {
        let s0 = sum[0]!;
        let s1 = sum[1]!;
        let s2 = sum[2]!;
        for (let i = 0; i < documents.length; i++) {
          const w = weights[documents[i]!]!;
          const at = i << 2;
          s0 += w * extra[at]!;
          s1 += w * extra[at + 1]!;
          s2 += w * extra[at + 2]!;
        }
        let s3 = sum[3]!;
        if (tables.lastIsRest) s3 -= s0 - sum[0]! + (s1 - sum[1]!) + (s2 - sum[2]!);
        else for (let i = 0; i < documents.length; i++) s3 += weights[documents[i]!]! * extra[(i << 2) + 3]!;
        sum[0] = s0;
        sum[1] = s1;
        sum[2] = s2;
        sum[3] = s3;
      } else {
        for (let i = 0; i < documents.length; i++) {
          const w = weights[documents[i]!]!;
          const at = i * width;
          for (let j = 0; j < width; j++) sum[j]! += w * extra[at + j]!;
        }
      }
      for (let j = 0; j < width; j++) total[j]! += sum[j]!;
      const out = result.codes[c]!;
      for (let s = 0; s < statistics.length; s++) out[s]![b] = statistics[s]!(sum);
    }
    for (let s = 0; s < statistics.length; s++) result.overall[s]![b] = statistics[s]!(total);
  }
  return result;
}

/** A 95 % bootstrap interval, or why there is none. */
export type IntervalValue =
  | {
      defined: true;
      low: number;
      high: number;
      /** Share of resamples below the minimum asked for (KALPHA's q); null when none was asked for. */
      belowMinimum: number | null;
      /** Resamples the interval is taken from. */
      samples: number;
    }
  | { defined: false; reason: string };

/** Above this share of resamples without a figure, an interval would describe a different population. */
const MAX_UNDEFINED_SHARE = 0.05;

/**
 * The percentile interval of resampled figures, KALPHA's way: of B sorted values the
 * ⌊0.025·B⌋-th and the (⌊0.975·B⌋ + 1)-th (counting from 1).
 */
export function percentileInterval(values: Float64Array, minimum: number | null, documents: number): IntervalValue {
  if (values.length === 0) return { defined: false, reason: 'no resamples were drawn' };
  if (documents < 2) return { defined: false, reason: 'a bootstrap over documents needs at least two documents' };
  // A copy, so the resamples keep their draw order; plain loops (this runs for every figure).
  const defined = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) defined[n++] = values[i]!;
  const sorted = defined.subarray(0, n).sort();
  const missing = values.length - n;
  if (missing > MAX_UNDEFINED_SHARE * values.length) {
    const share = Math.round((100 * missing) / values.length);
    return { defined: false, reason: `the figure is undefined in ${share} % of the resampled sets of documents (too few documents hold this code)` };
  }
  const low = sorted[Math.max(0, Math.floor(0.025 * n) - 1)]!;
  const high = sorted[Math.min(n - 1, Math.floor(0.975 * n))]!;
  let under = 0;
  if (minimum !== null) for (let i = 0; i < n && sorted[i]! < minimum; i++) under++;
  const below = minimum === null ? null : under / n;
  return { defined: true, low, high, belowMinimum: below, samples: n };
}
