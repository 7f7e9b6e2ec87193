import { UndefinedMeasure, measured, requireDefined } from '../undefined-measure';
import type { MeasureValue } from '../undefined-measure';
import { characterTable, sumTables } from './character-agreement';
import { CodedSpans, coverageHistogram } from './input';
import type { AgreementInput } from './input';
import { cohenKappa } from '../contingency';

/**
 * Fleiss' κ over characters, m coders each saying coded / not coded, from h[j] = characters
 * coded by exactly j coders: the same value as fleissKappa on one row per character.
 */
export function fleissFromHistogram(h: number[]): number {
  const m = h.length - 1;
  const N = h.reduce((a, b) => a + b, 0);
  requireDefined(m >= 2, "Fleiss' κ needs at least two coders");
  requireDefined(N > 0, 'there are no characters to compare');
  const pBar = h.reduce((a, count, j) => a + count * (j * (j - 1) + (m - j) * (m - j - 1)), 0) / (N * m * (m - 1));
  const p1 = h.reduce((a, count, j) => a + count * j, 0) / (N * m);
  const pe = p1 * p1 + (1 - p1) * (1 - p1);
  if (pe >= 1) throw new UndefinedMeasure("Fleiss' κ needs variation: every character is coded by everyone or by no one");
  return (pBar - pe) / (1 - pe);
}

/** Krippendorff's α (nominal, no missing values) over characters from the same histogram. */
export function alphaFromHistogram(h: number[]): number {
  const m = h.length - 1;
  const N = h.reduce((a, b) => a + b, 0);
  requireDefined(m >= 2 && N > 0, 'α needs two coders and at least one character');
  const disagreeing = h.reduce((a, count, j) => a + (count * j * (m - j)) / (m - 1), 0);
  const n1 = h.reduce((a, count, j) => a + count * j, 0);
  const n0 = N * m - n1;
  if (n0 === 0 || n1 === 0) throw new UndefinedMeasure('α needs variation: every character is coded by everyone or by no one');
  return 1 - ((N * m - 1) * disagreeing) / (n0 * n1);
}

export interface MultiCoderCodeResult {
  codeId: string;
  /** h[j]: characters coded by exactly j of the coders, all documents together. */
  histogram: number[];
  fleiss: MeasureValue;
  alpha: MeasureValue;
}

export interface MultiCoderReport {
  mode: 'character-multi';
  coderIds: string[];
  codes: MultiCoderCodeResult[];
  overall: { histogram: number[]; fleiss: MeasureValue; alpha: MeasureValue };
  /** Cohen's κ for every pair of coders, character tables pooled over codes and documents. */
  pairwise: { coderA: string; coderB: string; kappa: MeasureValue }[];
}

export function multiCoderAgreement(input: AgreementInput): MultiCoderReport {
  const spans = new CodedSpans(input);
  const coderIds = input.coders.map((c) => c.id);
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
  const zero = () => new Array<number>(coderIds.length + 1).fill(0);
  const codes = input.codes.map((code) => {
    const histogram = input.documents.reduce(
      (sum, doc) => add(sum, coverageHistogram(coderIds.map((c) => spans.of(c, code.id, doc.id)), doc.length)),
      zero(),
    );
    return { codeId: code.id, histogram, fleiss: measured(() => fleissFromHistogram(histogram)), alpha: measured(() => alphaFromHistogram(histogram)) };
  });
  const overall = codes.reduce((sum, c) => add(sum, c.histogram), zero());
  const pairwise = coderIds.flatMap((a, i) =>
    coderIds.slice(i + 1).map((b) => {
      const table = sumTables(input.codes.flatMap((code) => input.documents.map((doc) => characterTable(spans, a, b, code.id, doc))));
      return { coderA: a, coderB: b, kappa: measured(() => cohenKappa([[table.both, table.onlyA], [table.onlyB, table.neither]])) };
    }),
  );
  return {
    mode: 'character-multi',
    coderIds,
    codes,
    overall: { histogram: overall, fleiss: measured(() => fleissFromHistogram(overall)), alpha: measured(() => alphaFromHistogram(overall)) },
    pairwise,
  };
}
