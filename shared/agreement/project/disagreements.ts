import { unionSpans } from '../../text/spans';
import type { Span } from '../../text/spans';
import { CodedSpans } from './input';
import type { AgreementInput } from './input';

export interface DisagreementPassage {
  documentId: string;
  codeId: string;
  /** The stretch where either coder coded, joined where their passages overlap. */
  start: number;
  end: number;
  /** Each coder's coded parts inside the passage. */
  spansA: Span[];
  spansB: Span[];
}

function clip(spans: Span[], start: number, end: number): Span[] {
  return spans.filter((s) => s.start < end && s.end > start).map((s) => ({ start: Math.max(s.start, start), end: Math.min(s.end, end) }));
}

const sameSpans = (a: Span[], b: Span[]) => a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end);

/**
 * Where two coders differ at one code: each stretch of text coded by either of them (their
 * passages joined where they overlap) in which the two did not code exactly the same characters.
 */
export function findDisagreements(input: AgreementInput, coderA: string, coderB: string, codeId: string): DisagreementPassage[] {
  const spans = new CodedSpans(input);
  const passages: DisagreementPassage[] = [];
  for (const doc of input.documents) {
    const a = spans.of(coderA, codeId, doc.id);
    const b = spans.of(coderB, codeId, doc.id);
    for (const region of unionSpans([...a, ...b])) {
      const spansA = clip(a, region.start, region.end);
      const spansB = clip(b, region.start, region.end);
      if (!sameSpans(spansA, spansB)) passages.push({ documentId: doc.id, codeId, start: region.start, end: region.end, spansA, spansB });
    }
  }
  return passages;
}
