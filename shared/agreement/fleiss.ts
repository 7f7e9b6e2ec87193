import { UndefinedMeasure, requireDefined } from './undefined-measure';

/**
 * Fleiss' κ (1971) for m raters per subject: counts[i][j] = raters who put subject i in
 * category j; every subject must have the same number of ratings m ≥ 2.
 */
export function fleissKappa(counts: number[][]): number {
  requireDefined(counts.length > 0, 'there are no subjects');
  const m = counts[0]!.reduce((a, b) => a + b, 0);
  if (counts.some((row) => row.reduce((a, b) => a + b, 0) !== m || row.length !== counts[0]!.length)) {
    throw new RangeError("Fleiss' κ needs the same number of ratings for every subject and the same categories.");
  }
  requireDefined(m >= 2, "Fleiss' κ needs at least two ratings per subject");
  const N = counts.length;
  const pBar = counts.reduce((sum, row) => sum + (row.reduce((a, x) => a + x * x, 0) - m) / (m * (m - 1)), 0) / N;
  const pe = counts[0]!.reduce((sum, _, j) => {
    const pj = counts.reduce((a, row) => a + row[j]!, 0) / (N * m);
    return sum + pj * pj;
  }, 0);
  if (pe >= 1) throw new UndefinedMeasure("Fleiss' κ needs variation: every rating fell in one category");
  return (pBar - pe) / (1 - pe);
}
