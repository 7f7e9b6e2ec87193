import type { Segment } from './segments';

/** One speaker turn (speaker label in the left column, text in serif) or one paragraph. */
export function TurnBlock({ segment, withSpeaker }: { segment: Segment; withSpeaker: boolean }) {
  if (!withSpeaker) {
    return (
      <p className="para" data-start={segment.start}>
        {segment.text}
      </p>
    );
  }
  return (
    <div className="turn" data-start={segment.start}>
      <p className="turn__speaker">{segment.speaker ?? ''}</p>
      <p className="turn__text">{segment.text}</p>
    </div>
  );
}
