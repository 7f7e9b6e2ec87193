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
 * codings of one code count once. Kept by code, then document, so a comparison visits only the
 * documents someone coded at a code (most of a large study's code × document cells are empty).
 */
export class CodedSpans {
  private readonly byCode = new Map<string, Map<string, Map<string, Span[]>>>();

  constructor(input: Pick<AgreementInput, 'codings'>) {
    for (const c of input.codings) {
      let docs = this.byCode.get(c.codeId);
      if (!docs) this.byCode.set(c.codeId, (docs = new Map()));
      let coders = docs.get(c.documentId);
      if (!coders) docs.set(c.documentId, (coders = new Map()));
      const list = coders.get(c.coderId);
      if (list) list.push({ start: c.start, end: c.end });
      else coders.set(c.coderId, [{ start: c.start, end: c.end }]);
    }
    for (const docs of this.byCode.values()) for (const coders of docs.values()) for (const [coder, list] of coders) coders.set(coder, unionSpans(list));
  }

  of(coderId: string, codeId: string, documentId: string): Span[] {
    return this.byCode.get(codeId)?.get(documentId)?.get(coderId) ?? [];
  }

  /** The documents where any coder coded at the code. */
  documentsAt(codeId: string): Iterable<string> {
    return this.byCode.get(codeId)?.keys() ?? [];
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
