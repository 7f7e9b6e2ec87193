import { unionSpans } from '../../text/spans';
import type { Span } from '../../text/spans';

/** What an agreement comparison reads: the documents, codes and coders chosen, and their codings. */
export interface AgreementInput {
  documents: { id: string; name: string; length: number }[];
  codes: { id: string; name: string }[];
  coders: { id: string; name: string }[];
  codings: { coderId: string; documentId: string; codeId: string; start: number; end: number }[];
}

/**
 * Each coder's coded characters per code and document, as a union: a coder's own overlapping
 * codings of one code count once.
 */
export class CodedSpans {
  private readonly spans = new Map<string, Span[]>();

  constructor(input: AgreementInput) {
    const raw = new Map<string, Span[]>();
    for (const c of input.codings) {
      const key = CodedSpans.key(c.coderId, c.codeId, c.documentId);
      let list = raw.get(key);
      if (!list) raw.set(key, (list = []));
      list.push({ start: c.start, end: c.end });
    }
    for (const [key, list] of raw) this.spans.set(key, unionSpans(list));
  }

  private static key(coderId: string, codeId: string, documentId: string): string {
    return `${coderId}\u0000${codeId}\u0000${documentId}`;
  }

  of(coderId: string, codeId: string, documentId: string): Span[] {
    return this.spans.get(CodedSpans.key(coderId, codeId, documentId)) ?? [];
  }
}

/**
 * Characters of [0, length) by how many of the span sets cover them: h[j] = characters coded
 * by exactly j coders. Each set must be a union (sorted, disjoint).
 */
export function coverageHistogram(sets: Span[][], length: number): number[] {
  const events: [number, number][] = [];
  for (const set of sets) for (const s of set) events.push([s.start, 1], [s.end, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const h = new Array<number>(sets.length + 1).fill(0);
  let depth = 0;
  let pos = 0;
  for (const [at, delta] of events) {
    h[depth]! += at - pos;
    pos = at;
    depth += delta;
  }
  h[0]! += length - pos;
  return h;
}
