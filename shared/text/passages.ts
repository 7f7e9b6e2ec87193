import type { SegmentView } from '../api/views';
import type { Turn } from '../domain/schemas';
import { contextAround, speakerAt } from './context';
import type { Span } from './spans';

/**
 * A stretch of a document found by a query or a word search, ready to read out of context:
 * a coded segment's place, text, context and speaker (see SegmentView), with its document's name.
 */
export type Passage = Pick<SegmentView, 'documentId' | 'start' | 'end' | 'text' | 'before' | 'after' | 'speaker'> & { document: string };

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
