import { cohenKappa, krippendorffAlphaFromTable, percentAgreement } from '../contingency';
import { measured } from '../undefined-measure';
import type { MeasureValue } from '../undefined-measure';
import { CodedSpans, coverageHistogram } from './input';
import type { AgreementInput } from './input';

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

export interface CharacterCell extends CharacterMeasures {
  documentId: string;
  table: CharacterTable;
}

export interface MeanMeasures extends CharacterMeasures {
  /** Documents whose value was undefined and so left out of the mean. */
  leftOut: { percent: number; kappa: number; alpha: number };
}

export interface CharacterCodeResult {
  codeId: string;
  cells: CharacterCell[];
  /** Tables summed over documents, then measured. */
  pooled: CharacterMeasures & { table: CharacterTable };
  /** Mean of the per-document values, weighted by document length. */
  lengthWeighted: MeanMeasures;
  /** Plain mean of the per-document values. */
  unweighted: MeanMeasures;
}

export interface CharacterReport {
  mode: 'character';
  coderA: string;
  coderB: string;
  codes: CharacterCodeResult[];
  /** Every code's tables summed, then measured. */
  overall: CharacterMeasures & { table: CharacterTable };
}

function asMatrix(t: CharacterTable): number[][] {
  return [
    [t.both, t.onlyA],
    [t.onlyB, t.neither],
  ];
}

function measure(t: CharacterTable): CharacterMeasures {
  const m = asMatrix(t);
  return {
    percent: measured(() => percentAgreement(m)),
    kappa: measured(() => cohenKappa(m)),
    alpha: measured(() => krippendorffAlphaFromTable(m)),
  };
}

const UNCODED = measure({ both: 0, onlyA: 0, onlyB: 0, neither: 1 });

export function sumTables(tables: CharacterTable[]): CharacterTable {
  return tables.reduce(
    (s, t) => ({ both: s.both + t.both, onlyA: s.onlyA + t.onlyA, onlyB: s.onlyB + t.onlyB, neither: s.neither + t.neither }),
    { both: 0, onlyA: 0, onlyB: 0, neither: 0 },
  );
}

function mean(values: { value: MeasureValue; weight: number }[], label: string): { value: MeasureValue; leftOut: number } {
  const defined = values.filter((v) => v.value.defined && v.weight > 0);
  const weight = defined.reduce((a, v) => a + v.weight, 0);
  const leftOut = values.length - defined.length;
  if (weight === 0) return { value: { defined: false, reason: `no document has a defined ${label}` }, leftOut };
  const sum = defined.reduce((a, v) => a + (v.value as { value: number }).value * v.weight, 0);
  return { value: { defined: true, value: sum / weight }, leftOut };
}

function means(cells: CharacterCell[], weightOf: (c: CharacterCell) => number): MeanMeasures {
  const p = mean(cells.map((c) => ({ value: c.percent, weight: weightOf(c) })), 'percent agreement');
  const k = mean(cells.map((c) => ({ value: c.kappa, weight: weightOf(c) })), 'κ');
  const a = mean(cells.map((c) => ({ value: c.alpha, weight: weightOf(c) })), 'α');
  return { percent: p.value, kappa: k.value, alpha: a.value, leftOut: { percent: p.leftOut, kappa: k.leftOut, alpha: a.leftOut } };
}

/** The 2×2 character table of two coders at one code in one document. */
export function characterTable(spans: CodedSpans, coderA: string, coderB: string, codeId: string, doc: { id: string; length: number }): CharacterTable {
  const [neither, once, both] = coverageHistogram([spans.of(coderA, codeId, doc.id), spans.of(coderB, codeId, doc.id)], doc.length) as [number, number, number];
  const a = spans.of(coderA, codeId, doc.id).reduce((s, x) => s + x.end - x.start, 0);
  return { both, onlyA: a - both, onlyB: once - (a - both), neither };
}

/**
 * Character mode, as NVivo's coding comparison: each code is its own yes/no variable per
 * character, per document; then per code pooled, length-weighted and unweighted over documents.
 */
export function characterAgreement(input: AgreementInput, coderA: string, coderB: string): CharacterReport {
  const spans = new CodedSpans(input);
  const lengths = new Map(input.documents.map((d) => [d.id, d.length]));
  const codes = input.codes.map((code): CharacterCodeResult => {
    const cells = input.documents.map((doc) => {
      const table = characterTable(spans, coderA, coderB, code.id, doc);
      // Most cells of a large study are uncoded by both: their measures are the same whatever
      // the length, so they are worked out once rather than once per cell.
      const uncoded = table.both + table.onlyA + table.onlyB === 0 && table.neither > 0;
      return { documentId: doc.id, table, ...(uncoded ? UNCODED : measure(table)) };
    });
    const pooledTable = sumTables(cells.map((c) => c.table));
    return {
      codeId: code.id,
      cells,
      pooled: { table: pooledTable, ...measure(pooledTable) },
      lengthWeighted: means(cells, (c) => lengths.get(c.documentId) ?? 0),
      unweighted: means(cells, () => 1),
    };
  });
  const overallTable = sumTables(codes.map((c) => c.pooled.table));
  return { mode: 'character', coderA, coderB, codes, overall: { table: overallTable, ...measure(overallTable) } };
}
