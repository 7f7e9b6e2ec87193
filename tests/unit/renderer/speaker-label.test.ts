import { describe, expect, it } from 'vitest';
import { speakerLabelParts } from '../../../renderer/src/features/reader/speakerLabel';

describe('speaker labels wrap at word boundaries', () => {
  it.each([
    ['QUAL_HOBBY_OPINIONS', ['QUAL_', 'HOBBY_', 'OPINIONS']],
    ['Facilitator', ['Facilitator']],
    ['Young person (Hackney)', ['Young ', 'person ', '(Hackney)']],
    ['Q12/free-text', ['Q12/', 'free-', 'text']],
    ['', ['']],
  ])('%j splits as %j, losing no character', (label, parts) => {
    expect(speakerLabelParts(label)).toEqual(parts);
    expect(speakerLabelParts(label).join('')).toBe(label);
  });
});
