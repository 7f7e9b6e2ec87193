import { useMemo } from 'react';
import type { DocumentContent } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import { SegmentChunk } from './SegmentChunk';
import { buildSegments, chunkSegments } from './segments';

/** Turns per lazily rendered chunk. */
const CHUNK_SIZE = 30;

/**
 * The document text as speaker turns (or paragraphs). Chunks render only as they come near
 * the viewport, so a very long transcript opens at once.
 */
export function ReaderText({ content }: { content: DocumentContent }) {
  const segments = useMemo(() => buildSegments(content.text, content.turns), [content]);
  const chunks = useMemo(() => chunkSegments(segments, CHUNK_SIZE), [segments]);
  const withSpeakers = content.turns.length > 0;

  if (segments.length === 0) {
    return <EmptyState title="This document has no text" />;
  }

  return (
    <div className={withSpeakers ? 'reader-text reader-text--turns' : 'reader-text reader-text--paragraphs'}>
      {chunks.map((chunk, i) => (
        <SegmentChunk key={chunk[0]!.key} segments={chunk} eager={i === 0} withSpeakers={withSpeakers} />
      ))}
    </div>
  );
}
