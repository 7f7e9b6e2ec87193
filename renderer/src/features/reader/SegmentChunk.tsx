import { useEffect, useMemo, useRef, useState } from 'react';
import { TurnBlock } from './TurnBlock';
import { estimateChunkHeight } from './segments';
import type { Segment } from './segments';

export interface SegmentChunkProps {
  segments: Segment[];
  /** Render straight away (the first chunk), without waiting to be scrolled near. */
  eager: boolean;
  withSpeakers: boolean;
}

/** How far beyond the visible area a chunk starts rendering. */
const LOOKAHEAD = '800px 0px';

/**
 * A run of turns that stays a placeholder of about the right height until it comes near the
 * reader's viewport, then renders and stays rendered.
 */
export function SegmentChunk({ segments, eager, withSpeakers }: SegmentChunkProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(() => eager || typeof IntersectionObserver === 'undefined');
  const estimate = useMemo(() => estimateChunkHeight(segments), [segments]);

  useEffect(() => {
    const el = ref.current;
    if (shown || !el) return;
    const root = el.closest('[data-scroll-root]');
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { root, rootMargin: LOOKAHEAD },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);

  if (!shown) {
    return <div ref={ref} className="reader-chunk reader-chunk--pending" style={{ height: estimate }} aria-hidden="true" />;
  }
  return (
    <div className="reader-chunk">
      {segments.map((s) => (
        <TurnBlock key={s.key} segment={s} withSpeaker={withSpeakers} />
      ))}
    </div>
  );
}
