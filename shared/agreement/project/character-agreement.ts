import type { DocumentTables, IntervalValue } from '../bootstrap';
import { alphaOf, kappaOf, percentOf, rawAlpha, rawKappa, rawPercent } from '../two-by-two';
import type { MeasureValue } from '../undefined-measure';
import type { AgreementInput } from './input';
import { addIntervals, twoByTwoStatistics } from './intervals';
import { pairTables } from './pair-tables';
import type { PairTables } from './pair-tables';
import type { UncertaintyOptions } from './intervals';

/** Characters of one document (or several, summed) by who coded them at one code. */
export interface CharacterTable {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface CharacterMeasures {
  percent: MeasureValue;
  kappa: MeasureValue;
  alpha: MeasureValue;
}

/** 95 % bootstrap intervals of a pooled figure, resampling documents; null when none were asked for. */
export type PooledIntervals = { kappa: IntervalValue; alpha: IntervalValue } | null;

export interface PooledMeasures extends CharacterMeasures {
  table: CharacterTable;
  intervals: PooledIntervals;
}

export interface CharacterCell extends CharacterMeasures {
  documentId: string;
  table: CharacterTable;
}

export interface MeanMeasures extends CharacterMeasures {
  /** Documents whose value was undefined and so left out of the mean. */
  leftOut: { percent: number; kappa: number; alpha: number };
}

/** One code's figures. The code × document cells behind them come on demand: characterCells. */
export interface CharacterCodeResult {
  codeId: string;
  /** Tables summed over documents, then measured. */
  pooled: PooledMeasures;
  /** Mean of the per-document values, weighted by document length. */
  lengthWeighted: MeanMeasures;
  /** Plain mean of the per-document values. */
  unweighted: MeanMeasures;
}

export interface CharacterReport {
  mode: 'character';
  coderA: string;
  coderB: string;
  /** Documents compared: what the means are taken over. */
  documents: number;
  codes: CharacterCodeResult[];
  /** Every code's tables summed, then measured. */
  overall: PooledMeasures;
}

function measure(t: CharacterTable): CharacterMeasures {
  return { percent: percentOf(t), kappa: kappaOf(t), alpha: alphaOf(t) };
}

export function sumTables(tables: CharacterTable[]): CharacterTable {
  return tables.reduce(
    (s, t) => ({ both: s.both + t.both, onlyA: s.onlyA + t.onlyA, onlyB: s.onlyB + t.onlyB, neither: s.neither + t.neither }),
    { both: 0, onlyA: 0, onlyB: 0, neither: 0 },
  );
}

/** The table of cell `i` of the pair's coded cells. */
function cellTable(p: PairTables, i: number, length: number): CharacterTable {
  const coded = p.both[i]! + p.onlyA[i]! + p.onlyB[i]!;
  return { both: p.both[i]!, onlyA: p.onlyA[i]!, onlyB: p.onlyB[i]!, neither: length - coded };
}

/** A document nobody coded at a code: all "neither", so % agreement is 1 and κ, α are undefined. */
const UNCODED = measure({ both: 0, onlyA: 0, onlyB: 0, neither: 1 });

/** Every document's weight in a mean, added up once: the documents nobody coded are these less the coded ones. */
interface DocumentWeights {
  /** Documents with text, and their total weight (length, or 1 each). */
  count: number;
  weight: number;
  /** Documents without text: every figure is undefined there. */
  empty: number;
}

function documentWeights(input: AgreementInput, weighted: boolean): DocumentWeights {
  const withText = input.documents.filter((d) => d.length > 0);
  return { count: withText.length, weight: weighted ? withText.reduce((s, d) => s + d.length, 0) : withText.length, empty: input.documents.length - withText.length };
}

const MEASURES = [
  { raw: rawPercent, uncoded: UNCODED.percent, label: 'percent agreement' },
  { raw: rawKappa, uncoded: UNCODED.kappa, label: 'κ' },
  { raw: rawAlpha, uncoded: UNCODED.alpha, label: 'α' },
] as const;

/**
 * The mean of each per-document figure over every document compared: the coded cells each with
 * their own value, the rest all sharing the uncoded value (1 for % agreement; κ and α undefined,
 * so those documents are left out). Documents where a figure is undefined are left out and counted.
 */
function means(input: AgreementInput, p: PairTables, code: number, weighted: boolean, all: DocumentWeights): MeanMeasures {
  const sum = [0, 0, 0];
  const weight = [0, 0, 0];
  const used = [0, 0, 0];
  let codedCount = 0;
  let codedWeight = 0;
  for (let i = p.codeStart[code]!; i < p.codeStart[code + 1]!; i++) {
    const length = input.documents[p.document[i]!]!.length;
    const w = weighted ? length : 1;
    codedCount++;
    if (length > 0) codedWeight += w;
    const neither = length - p.both[i]! - p.onlyA[i]! - p.onlyB[i]!;
    MEASURES.forEach((m, k) => {
      const v = m.raw(p.both[i]!, p.onlyA[i]!, p.onlyB[i]!, neither);
      if (Number.isNaN(v) || !(w > 0)) return;
      sum[k]! += v * w;
      weight[k]! += w;
      used[k]!++;
    });
  }
  // Coded documents are never empty (a coding needs text), so the empty ones are all uncoded.
  const uncodedCount = all.count + all.empty - codedCount;
  const uncodedWeight = all.weight - codedWeight;
  const results = MEASURES.map((m, k) => {
    if (m.uncoded.defined) {
      sum[k]! += m.uncoded.value * uncodedWeight;
      weight[k]! += uncodedWeight;
      used[k]! += uncodedCount - all.empty;
    }
    const leftOut = codedCount + uncodedCount - used[k]!;
    const value: MeasureValue = weight[k]! > 0 ? { defined: true, value: sum[k]! / weight[k]! } : { defined: false, reason: `no document has a defined ${m.label}` };
    return { value, leftOut };
  });
  return {
    percent: results[0]!.value,
    kappa: results[1]!.value,
    alpha: results[2]!.value,
    leftOut: { percent: results[0]!.leftOut, kappa: results[1]!.leftOut, alpha: results[2]!.leftOut },
  };
}

/**
 * Character mode, as NVivo's coding comparison: each code is its own yes/no variable per
 * character, per document; then per code pooled, length-weighted and unweighted over documents.
 * With `uncertainty`, the pooled κ and α get 95 % intervals from resampled documents.
 */
export function characterAgreement(input: AgreementInput, coderA: string, coderB: string, uncertainty: UncertaintyOptions | null = null): CharacterReport {
  const p = pairTables(input, coderA, coderB);
  const totalLength = input.documents.reduce((s, d) => s + d.length, 0);
  const byLength = documentWeights(input, true);
  const each = documentWeights(input, false);
  const codes = input.codes.map((code, c): CharacterCodeResult => {
    const table = { both: 0, onlyA: 0, onlyB: 0, neither: totalLength };
    for (let i = p.codeStart[c]!; i < p.codeStart[c + 1]!; i++) {
      table.both += p.both[i]!;
      table.onlyA += p.onlyA[i]!;
      table.onlyB += p.onlyB[i]!;
      table.neither -= p.both[i]! + p.onlyA[i]! + p.onlyB[i]!;
    }
    return {
      codeId: code.id,
      pooled: { table, ...measure(table), intervals: null },
      lengthWeighted: means(input, p, c, true, byLength),
      unweighted: means(input, p, c, false, each),
    };
  });
  const overallTable = sumTables(codes.map((c) => c.pooled.table));
  const report: CharacterReport = { mode: 'character', coderA, coderB, documents: input.documents.length, codes, overall: { table: overallTable, ...measure(overallTable), intervals: null } };
  if (uncertainty && uncertainty.samples > 0) addIntervals(documentTables(input, p), twoByTwoStatistics, codes.map((c) => c.pooled), report.overall, uncertainty, 'alpha');
  return report;
}

/** The cells as the bootstrap reads them: every document "neither" throughout, plus what was coded. */
function documentTables(input: AgreementInput, p: PairTables): DocumentTables {
  const background = new Float64Array(input.documents.length * 4);
  input.documents.forEach((d, i) => (background[i * 4 + 3] = d.length));
  const extra = new Float64Array(p.document.length * 4);
  for (let i = 0; i < p.document.length; i++) extra.set([p.both[i]!, p.onlyA[i]!, p.onlyB[i]!, -(p.both[i]! + p.onlyA[i]! + p.onlyB[i]!)], i * 4);
  return {
    width: 4,
    documents: input.documents.length,
    background,
    codes: input.codes.map((_, c) => ({ documents: p.document.subarray(p.codeStart[c]!, p.codeStart[c + 1]!), extra: extra.subarray(p.codeStart[c]! * 4, p.codeStart[c + 1]! * 4) })),
    // Characters: whole numbers, each document's four adding up to its length.
    lastIsRest: true,
  };
}

/** Every code × document cell of character mode, each document's table measured: for the detail tables, on demand. */
export function characterCells(input: AgreementInput, coderA: string, coderB: string): Map<string, CharacterCell[]> {
  const p = pairTables(input, coderA, coderB);
  return new Map(
    input.codes.map((code, c) => {
      const coded = new Map<number, number>();
      for (let i = p.codeStart[c]!; i < p.codeStart[c + 1]!; i++) coded.set(p.document[i]!, i);
      const cells = input.documents.map((doc, d): CharacterCell => {
        const i = coded.get(d);
        if (i !== undefined) {
          const table = cellTable(p, i, doc.length);
          return { documentId: doc.id, table, ...measure(table) };
        }
        const table = { both: 0, onlyA: 0, onlyB: 0, neither: doc.length };
        // Uncoded cells share their figures (unless empty): worked out once, not per cell.
        return { documentId: doc.id, table, ...(doc.length === 0 ? measure(table) : UNCODED) };
      });
      return [code.id, cells];
    }),
  );
}
