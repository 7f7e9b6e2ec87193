import type { IntervalValue } from '../bootstrap';
import { kappaOf } from '../two-by-two';
import { UndefinedMeasure, measured, requireDefined } from '../undefined-measure';
import type { MeasureValue } from '../undefined-measure';
import { characterAgreement } from './character-agreement';
import { CodedSpans, coverageHistogram } from './input';
import type { AgreementInput } from './input';
import { addIntervals, sparseTables } from './intervals';
import type { UncertaintyOptions } from './intervals';

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
  /** 95 % bootstrap intervals, resampling documents; null when none were asked for. */
  intervals: { fleiss: IntervalValue; alpha: IntervalValue } | null;
}

export interface MultiCoderReport {
  mode: 'character-multi';
  coderIds: string[];
  documents: number;
  codes: MultiCoderCodeResult[];
  overall: Omit<MultiCoderCodeResult, 'codeId'>;
  /** Cohen's κ for every pair of coders, character tables pooled over codes and documents. */
  pairwise: { coderA: string; coderB: string; kappa: MeasureValue }[];
}

const raw = (f: (h: number[]) => number) => (h: Float64Array) => {
  const m = measured(() => f([...h]));
  return m.defined ? m.value : NaN;
};

export function multiCoderAgreement(input: AgreementInput, uncertainty: UncertaintyOptions | null = null): MultiCoderReport {
  const spans = new CodedSpans(input);
  const coderIds = input.coders.map((c) => c.id);
  const width = coderIds.length + 1;
  const index = new Map(input.documents.map((d, i) => [d.id, i]));
  const totalLength = input.documents.reduce((s, d) => s + d.length, 0);
  // Per code, the histograms of the documents someone coded; the rest are all "coded by none".
  const coded = input.codes.map((code) => {
    const histograms = new Map<number, number[]>();
    for (const documentId of spans.documentsAt(code.id)) {
      const i = index.get(documentId);
      if (i !== undefined) histograms.set(i, coverageHistogram(coderIds.map((c) => spans.of(c, code.id, documentId)), input.documents[i]!.length));
    }
    return histograms;
  });
  const summed = (histograms: Map<number, number[]>) => {
    const h = new Array<number>(width).fill(0);
    let codedLength = 0;
    for (const [i, x] of histograms) {
      x.forEach((v, j) => (h[j]! += v));
      codedLength += input.documents[i]!.length;
    }
    h[0]! += totalLength - codedLength;
    return h;
  };
  const result = (histogram: number[]): Omit<MultiCoderCodeResult, 'codeId'> => ({
    histogram,
    fleiss: measured(() => fleissFromHistogram(histogram)),
    alpha: measured(() => alphaFromHistogram(histogram)),
    intervals: null,
  });
  const codes: MultiCoderCodeResult[] = input.codes.map((code, c) => ({ codeId: code.id, ...result(summed(coded[c]!)) }));
  const overall: MultiCoderReport['overall'] = result(codes.reduce((sum, c) => sum.map((x, j) => x + c.histogram[j]!), new Array<number>(width).fill(0)));
  const D = input.documents.length;
  const background = new Float64Array(D * width);
  input.documents.forEach((d, i) => (background[i * width] = d.length));
  const extra = coded.map((histograms) => new Map([...histograms].map(([i, h]) => [i, h.map((v, j) => (j === 0 ? v - input.documents[i]!.length : v))])));
  addIntervals<'fleiss' | 'alpha'>(sparseTables(width, D, background, extra), { fleiss: raw(fleissFromHistogram), alpha: raw(alphaFromHistogram) }, codes, overall, uncertainty, 'alpha');
  const pairwise = coderIds.flatMap((a, i) =>
    coderIds.slice(i + 1).map((b) => {
      const table = characterAgreement({ ...input, codings: input.codings.filter((x) => x.coderId === a || x.coderId === b) }, a, b).overall.table;
      return { coderA: a, coderB: b, kappa: kappaOf(table) };
    }),
  );
  return { mode: 'character-multi', coderIds, documents: input.documents.length, codes, overall, pairwise };
}
