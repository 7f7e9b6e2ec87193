import type { IntervalValue } from '../bootstrap';
import { bennettS, percentAgreement } from '../contingency';
import { alphaOf, kappaOf, percentOf } from '../two-by-two';
import { measured } from '../undefined-measure';
import type { MeasureValue } from '../undefined-measure';
import { intersectSpans, spanLength } from '../../text/spans';
import type { Span } from '../../text/spans';
import { CodedSpans } from './input';
import type { AgreementInput } from './input';
import { addIntervals, sparseTables, twoByTwoStatistics } from './intervals';
import type { UncertaintyOptions } from './intervals';

export interface SegmentCounts {
  /** Segments of each coder, and how many found a match in the other coder's. */
  segmentsA: number;
  matchedA: number;
  segmentsB: number;
  matchedB: number;
}

export interface SegmentMeasures {
  counts: SegmentCounts;
  /** Matched segments of both coders / all segments of both coders. */
  percent: MeasureValue;
  /** Brennan & Prediger's κ_n = (p_o − 1/q)/(1 − 1/q). */
  kappaN: MeasureValue;
  /** 95 % bootstrap interval of κ_n, resampling documents; null when none was asked for. */
  intervals: { kappaN: IntervalValue } | null;
}

export interface SegmentReport {
  mode: 'segment';
  coderA: string;
  coderB: string;
  threshold: number;
  /** The number of categories chance is spread over (κ_n's q), as used. */
  q: number;
  documents: number;
  codes: (SegmentMeasures & { codeId: string })[];
  overall: SegmentMeasures;
}

/** True when some segment of `others` overlaps `segment` by at least `threshold` of their union. */
function matches(segment: Span, others: Span[], threshold: number): boolean {
  return others.some((o) => {
    const shared = intersectSpans(segment, o);
    if (!shared) return false;
    const union = Math.max(segment.end, o.end) - Math.min(segment.start, o.start);
    return spanLength(shared) / union >= threshold;
  });
}

function measures(counts: SegmentCounts, q: number): SegmentMeasures {
  const table = [
    [counts.matchedA + counts.matchedB, counts.segmentsA - counts.matchedA],
    [counts.segmentsB - counts.matchedB, 0],
  ];
  return { counts, percent: measured(() => percentAgreement(table)), kappaN: measured(() => bennettS(table, q)), intervals: null };
}


/**
 * Segment mode, as MAXQDA: a coder's segment agrees when the other coder applied the same code
 * to a segment overlapping it by at least `threshold` (default 0.9) of their union.
 */
export function segmentAgreement(
  input: AgreementInput,
  coderA: string,
  coderB: string,
  threshold = 0.9,
  q = Math.max(2, input.codes.length),
  uncertainty: UncertaintyOptions | null = null,
): SegmentReport {
  const spans = new CodedSpans(input);
  const index = new Map(input.documents.map((d, i) => [d.id, i]));
  const perDocument: Map<number, number[]>[] = [];
  const codes = input.codes.map((code) => {
    const counts: SegmentCounts = { segmentsA: 0, matchedA: 0, segmentsB: 0, matchedB: 0 };
    const docs = new Map<number, number[]>();
    for (const documentId of spans.documentsAt(code.id)) {
      const i = index.get(documentId);
      if (i === undefined) continue;
      const a = spans.of(coderA, code.id, documentId);
      const b = spans.of(coderB, code.id, documentId);
      const here = [a.length, a.filter((s) => matches(s, b, threshold)).length, b.length, b.filter((s) => matches(s, a, threshold)).length];
      if (here[0] === 0 && here[2] === 0) continue;
      docs.set(i, here);
      counts.segmentsA += here[0]!;
      counts.matchedA += here[1]!;
      counts.segmentsB += here[2]!;
      counts.matchedB += here[3]!;
    }
    perDocument.push(docs);
    return { codeId: code.id, ...measures(counts, q) };
  });
  const total = codes.reduce(
    (s, c) => ({
      segmentsA: s.segmentsA + c.counts.segmentsA,
      matchedA: s.matchedA + c.counts.matchedA,
      segmentsB: s.segmentsB + c.counts.segmentsB,
      matchedB: s.matchedB + c.counts.matchedB,
    }),
    { segmentsA: 0, matchedA: 0, segmentsB: 0, matchedB: 0 },
  );
  const overall = measures(total, q);
  const kappaN = (s: Float64Array) => {
    const n = s[0]! + s[2]!;
    return n > 0 ? ((s[1]! + s[3]!) / n - 1 / q) / (1 - 1 / q) : NaN;
  };
  const D = input.documents.length;
  addIntervals(sparseTables(4, D, new Float64Array(D * 4), perDocument), { kappaN }, codes, overall, uncertainty, null);
  return { mode: 'segment', coderA, coderB, threshold, q, documents: D, codes, overall };
}

export interface PresenceMeasures {
  /** Documents: both coders used the code / only A / only B / neither. */
  table: { both: number; onlyA: number; onlyB: number; neither: number };
  percent: MeasureValue;
  kappa: MeasureValue;
  alpha: MeasureValue;
  /** 95 % bootstrap intervals, resampling documents; null when none were asked for. */
  intervals: { kappa: IntervalValue; alpha: IntervalValue } | null;
}

export interface PresenceReport {
  mode: 'presence';
  coderA: string;
  coderB: string;
  documents: number;
  codes: (PresenceMeasures & { codeId: string })[];
  overall: PresenceMeasures;
}

function presenceMeasures(table: PresenceMeasures['table']): PresenceMeasures {
  return { table, percent: percentOf(table), kappa: kappaOf(table), alpha: alphaOf(table), intervals: null };
}

/** Code presence per document (MAXQDA's first mode): did each coder use the code in the document at all? */
export function presenceAgreement(input: AgreementInput, coderA: string, coderB: string, uncertainty: UncertaintyOptions | null = null): PresenceReport {
  const spans = new CodedSpans(input);
  const index = new Map(input.documents.map((d, i) => [d.id, i]));
  const D = input.documents.length;
  const perDocument: Map<number, number[]>[] = [];
  const codes = input.codes.map((code) => {
    const table = { both: 0, onlyA: 0, onlyB: 0, neither: D };
    const docs = new Map<number, number[]>();
    for (const documentId of spans.documentsAt(code.id)) {
      const i = index.get(documentId);
      if (i === undefined) continue;
      const a = spans.of(coderA, code.id, documentId).length > 0;
      const b = spans.of(coderB, code.id, documentId).length > 0;
      if (!a && !b) continue;
      // Instead of "neither": [both, only A, only B, −1].
      const here = [a && b ? 1 : 0, a && !b ? 1 : 0, b && !a ? 1 : 0, -1];
      docs.set(i, here);
      table.both += here[0]!;
      table.onlyA += here[1]!;
      table.onlyB += here[2]!;
      table.neither--;
    }
    perDocument.push(docs);
    return { codeId: code.id, ...presenceMeasures(table) };
  });
  const total = codes.reduce(
    (s, c) => ({ both: s.both + c.table.both, onlyA: s.onlyA + c.table.onlyA, onlyB: s.onlyB + c.table.onlyB, neither: s.neither + c.table.neither }),
    { both: 0, onlyA: 0, onlyB: 0, neither: 0 },
  );
  const overall = presenceMeasures(total);
  const background = new Float64Array(D * 4);
  for (let i = 0; i < D; i++) background[i * 4 + 3] = 1;
  addIntervals(
    sparseTables(4, D, background, perDocument),
    twoByTwoStatistics,
    codes,
    overall,
    uncertainty,
    'alpha',
  );
  return { mode: 'presence', coderA, coderB, documents: D, codes, overall };
}
