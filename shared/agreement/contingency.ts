import { UndefinedMeasure, requireDefined } from './undefined-measure';

/**
 * Two-coder measures on a square contingency table: table[c][k] counts the units coder A put
 * in category c and coder B in category k (rows A, columns B).
 */

interface Margins {
  n: number;
  q: number;
  observed: number;
  rows: number[];
  cols: number[];
}

function margins(table: readonly (readonly number[])[]): Margins {
  const q = table.length;
  if (q === 0 || table.some((row) => row.length !== q)) throw new RangeError('The agreement table must be square (q × q).');
  if (table.some((row) => row.some((x) => !Number.isFinite(x) || x < 0))) throw new RangeError('Table counts must be non-negative numbers.');
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, k) => table.reduce((a, row) => a + row[k]!, 0));
  const n = rows.reduce((a, b) => a + b, 0);
  requireDefined(n > 0, 'there are no units to compare (the table is empty)');
  const observed = table.reduce((a, row, c) => a + row[c]!, 0) / n;
  return { n, q, observed, rows, cols };
}

function chanceCorrected(observed: number, expected: number, measure: string): number {
  if (expected >= 1) {
    throw new UndefinedMeasure(`${measure} needs variation: every unit fell in one category, so chance agreement is already 1`);
  }
  return (observed - expected) / (1 - expected);
}

/** Share of units both coders put in the same category: Σ n[c][c] / n. */
export function percentAgreement(table: number[][]): number {
  return margins(table).observed;
}

/** Cohen's κ (1960): chance from each coder's own category shares, p_e = Σ (row_c/n)(col_c/n). */
export function cohenKappa(table: number[][]): number {
  const { n, observed, rows, cols } = margins(table);
  const expected = rows.reduce((a, row, c) => a + (row / n) * (cols[c]! / n), 0);
  return chanceCorrected(observed, expected, "Cohen's κ");
}

/** Scott's π (1955): chance from the pooled shares, p_e = Σ π_c², π_c = (row_c + col_c)/2n. Equals Fleiss' κ for two coders. */
export function scottPi(table: number[][]): number {
  const { n, observed, rows, cols } = margins(table);
  const expected = rows.reduce((a, row, c) => a + ((row + cols[c]!) / (2 * n)) ** 2, 0);
  return chanceCorrected(observed, expected, "Scott's π");
}

/**
 * Bennett, Alpert & Goldstein's S (1954), also Brennan & Prediger's κ_n (1981): chance is 1/q
 * for q equally likely categories. Tools differ on q, so pass the q you mean and report it.
 */
export function bennettS(table: number[][], q: number = table.length): number {
  const { observed } = margins(table);
  requireDefined(Number.isInteger(q) && q >= 2, `S needs at least two possible categories (q = ${q})`);
  return chanceCorrected(observed, 1 / q, "Bennett's S");
}

/** Gwet's AC1 (2008): p_e = (1/(q−1)) Σ π_c (1 − π_c), π_c the pooled share of category c. */
export function gwetAC1(table: number[][]): number {
  const { n, q, observed, rows, cols } = margins(table);
  requireDefined(q >= 2, 'AC1 needs at least two categories');
  const expected = rows.reduce((a, row, c) => {
    const pi = (row + cols[c]!) / (2 * n);
    return a + pi * (1 - pi);
  }, 0) / (q - 1);
  return chanceCorrected(observed, expected, "Gwet's AC1");
}

/** Holsti's (1969) coefficient: 2A / (N1 + N2), A units agreed on, N1 and N2 each coder's units. */
export function holsti(agreed: number, unitsA: number, unitsB: number): number {
  requireDefined(unitsA + unitsB > 0, 'neither coder has any units');
  return (2 * agreed) / (unitsA + unitsB);
}

/**
 * Krippendorff's α for two coders with no missing values, from their contingency table: the
 * coincidence matrix is o_ck = t[c][k] + t[k][c], so α needs no per-unit data (nominal).
 */
export function krippendorffAlphaFromTable(table: number[][]): number {
  const { n, q } = margins(table);
  const values = 2 * n;
  const nc = Array.from({ length: q }, (_, c) => table[c]!.reduce((a, b) => a + b, 0) + table.reduce((a, row) => a + row[c]!, 0));
  let disagreeing = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      disagreeing += table[c]![k]! + table[k]![c]!;
      expected += nc[c]! * nc[k]!;
    }
  }
  if (expected === 0) throw new UndefinedMeasure("Krippendorff's α needs variation: every unit fell in one category");
  return 1 - ((values - 1) * disagreeing) / expected;
}
