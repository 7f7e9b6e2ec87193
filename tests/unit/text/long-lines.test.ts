import { describe, expect, it } from 'vitest';
import { LONG_LINE_CHARS, SPLIT_PARAGRAPH_CHARS, longestLine, splitLongLines } from '../../../shared/text/long-lines';

const sentence = 'I waited months for a referral and nobody called me back about it. ';

describe('very long lines', () => {
  it('measures the longest line', () => {
    expect(longestLine('')).toBe(0);
    expect(longestLine('ab\nabcd\nabc')).toBe(4);
    expect(longestLine(`x\n${'y'.repeat(LONG_LINE_CHARS + 1)}`)).toBe(LONG_LINE_CHARS + 1);
  });

  it('cuts a one-line transcript into paragraphs at sentence ends, keeping every word in order', () => {
    const line = sentence.repeat(400).trim();
    const split = splitLongLines(line);
    const paragraphs = split.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(line.length / SPLIT_PARAGRAPH_CHARS);
    for (const p of paragraphs) {
      expect(p.length).toBeLessThanOrEqual(SPLIT_PARAGRAPH_CHARS);
      expect(p.endsWith('it.')).toBe(true);
    }
    expect(split.split(/\s+/)).toEqual(line.split(/\s+/));
  });

  it('leaves ordinary lines and the text around a long line as they are', () => {
    const long = 'word '.repeat(LONG_LINE_CHARS / 4).trim();
    const text = `Interviewer: hello\n\n${long}\nResident: bye`;
    const split = splitLongLines(text);
    expect(split.startsWith('Interviewer: hello\n\n')).toBe(true);
    expect(split.endsWith('\nResident: bye')).toBe(true);
    expect(longestLine(split)).toBeLessThanOrEqual(SPLIT_PARAGRAPH_CHARS);
    expect(splitLongLines('short\nlines')).toBe('short\nlines');
  });

  it('cuts text with no spaces at all without splitting a surrogate pair', () => {
    const line = '😀'.repeat(LONG_LINE_CHARS);
    const split = splitLongLines(line);
    expect(split.replace(/\n/g, '')).toBe(line);
    expect(split.split('\n\n').every((p) => p.length % 2 === 0)).toBe(true);
  });
});
