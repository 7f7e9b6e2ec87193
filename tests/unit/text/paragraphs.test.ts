import { describe, expect, it } from 'vitest';
import { paragraphSpans } from '../../../shared/text/paragraphs';

describe('paragraphs', () => {
  it('are runs of lines with something on them, split by blank or white-space-only lines', () => {
    const text = 'One\nstill one\n\n  \nTwo\n\n\nThree';
    expect(paragraphSpans(text).map((p) => text.slice(p.start, p.end))).toEqual(['One\nstill one', 'Two', 'Three']);
    expect(paragraphSpans('\n\nA\n')).toEqual([{ start: 2, end: 3 }]);
    expect(paragraphSpans('')).toEqual([]);
  });
});
