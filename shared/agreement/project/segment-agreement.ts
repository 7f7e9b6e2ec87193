import { bennettS, cohenKappa, krippendorffAlphaFromTable, percentAgreement } from '../contingency';
import { measured } from '../undefined-measure';
import type { MeasureValue } from '../undefined-measure';
import { intersectSpans, spanLength } from '../../text/spans';
import type { Span } from '../../text/spans';
import { CodedSpans } from './input';
import type { AgreementInput } from './input';

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
}

export interface SegmentReport {
  mode: 'segment';
  coderA: string;
  coderB: string;
  threshold: number;
  /** The number of categories chance is spread over (κ_n's q), as used. */
  q: number;
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
  return { counts, percent: measured(() => percentAgreement(table)), kappaN: measured(() => bennettS(table, q)) };
}

/**
 * Segment mode, as MAXQDA: a coder's segment agrees when the other coder applied the same code
 * to a segment overlapping it by at least `threshold` (default 0.9) of their union.
 */
export function segmentAgreement(input: AgreementInput, coderA: string, coderB: string, threshold = 0.9, q = Math.max(2, input.codes.length)): SegmentReport {
  const spans = new CodedSpans(input);
  const codes = input.codes.map((code) => {
    const counts: SegmentCounts = { segmentsA: 0, matchedA: 0, segmentsB: 0, matchedB: 0 };
    for (const doc of input.documents) {
      const a = spans.of(coderA, code.id, doc.id);
      const b = spans.of(coderB, code.id, doc.id);
      counts.segmentsA += a.length;
      counts.segmentsB += b.length;
      counts.matchedA += a.filter((s) => matches(s, b, threshold)).length;
      counts.matchedB += b.filter((s) => matches(s, a, threshold)).length;
    }
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
  return { mode: 'segment', coderA, coderB, threshold, q, codes, overall: measures(total, q) };
}

export interface PresenceMeasures {
  /** Documents: both coders used the code / only A / only B / neither. */
  table: { both: number; onlyA: number; onlyB: number; neither: number };
  percent: MeasureValue;
  kappa: MeasureValue;
  alpha: MeasureValue;
}

export interface PresenceReport {
  mode: 'presence';
  coderA: string;
  coderB: string;
  codes: (PresenceMeasures & { codeId: string })[];
  overall: PresenceMeasures;
}

function presenceMeasures(table: PresenceMeasures['table']): PresenceMeasures {
  const m = [[table.both, table.onlyA], [table.onlyB, table.neither]];
  return {
    table,
    percent: measured(() => percentAgreement(m)),
    kappa: measured(() => cohenKappa(m)),
    alpha: measured(() => krippendorffAlphaFromTable(m)),
  };
}

/** Code presence per document (MAXQDA's first mode): did each coder use the code in the document at all? */
export function presenceAgreement(input: AgreementInput, coderA: string, coderB: string): PresenceReport {
  const spans = new CodedSpans(input);
  const codes = input.codes.map((code) => {
    const table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const doc of input.documents) {
      const a = spans.of(coderA, code.id, doc.id).length > 0;
      const b = spans.of(coderB, code.id, doc.id).length > 0;
      if (a && b) table.both++;
      else if (a) table.onlyA++;
      else if (b) table.onlyB++;
      else table.neither++;
    }
    return { codeId: code.id, ...presenceMeasures(table) };
  });
  const total = codes.reduce(
    (s, c) => ({ both: s.both + c.table.both, onlyA: s.onlyA + c.table.onlyA, onlyB: s.onlyB + c.table.onlyB, neither: s.neither + c.table.neither }),
    { both: 0, onlyA: 0, onlyB: 0, neither: 0 },
  );
  return { mode: 'presence', coderA, coderB, codes, overall: presenceMeasures(total) };
}
