import type { Turn } from '../domain/schemas';
import { contextAround, speakerAt } from './context';
import type { Span } from './spans';

/** A stretch of a document found by a query or a word search, ready to read out of context. */
export interface Passage {
  documentId: string;
  document: string;
  /** [start, end) in UTF-16 units of the document's normalised text, as every coding. */
  start: number;
  end: number;
  text: string;
  /** Text just before and after, cut at a word boundary, with "…" where it was cut. */
  before: string;
  after: string;
  /** The speaker of the turn the passage starts in, if the document has speakers. */
  speaker: string | null;
}

/** The passages of one document at the given spans, in the order given. */
export function passagesAt(
  doc: { id: string; name: string },
  source: { text: string; turns: readonly Turn[] },
  spans: readonly Span[],
): Passage[] {
  return spans.map(({ start, end }) => ({
    documentId: doc.id,
    document: doc.name,
    start,
    end,
    text: source.text.slice(start, end),
    ...contextAround(source.text, start, end),
    speaker: speakerAt(source.turns, start),
  }));
}
