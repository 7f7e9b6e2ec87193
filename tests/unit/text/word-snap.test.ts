import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../shared/text/wordSnap';

function snapped(text: string, from: string, length: number): string | null {
  const start = text.indexOf(from);
  const span = snapToWords(text, { start, end: start + length });
  return span ? text.slice(span.start, span.end) : null;
}

describe('snapToWords', () => {
  const text = 'Honestly, the waiting list was months long.';

  it('widens a selection that starts and ends mid-word to the whole words', () => {
    expect(snapped(text, 'aiting li', 'aiting li'.length)).toBe('waiting list');
  });

  it('keeps a selection that is already on word boundaries', () => {
    expect(snapped(text, 'the waiting', 'the waiting'.length)).toBe('the waiting');
  });

  it('keeps punctuation the user selected and does not swallow the next word', () => {
    expect(snapped(text, 'nestly,', 'nestly,'.length)).toBe('Honestly,');
    expect(snapped(text, 'long.', 'long.'.length)).toBe('long.');
  });

  it('trims white space at either end before snapping', () => {
    expect(snapped(text, ' was', ' was '.length)).toBe('was');
  });

  it('treats apostrophes and hyphens inside a word as part of it', () => {
    expect(snapped("I don't feel well-being here", "n't fe", 3)).toBe("don't");
    expect(snapped('I don’t know', 'n’t', 1)).toBe('don’t');
    expect(snapped('her well-being matters', 'ell-be', 6)).toBe('well-being');
  });

  it('does not join words across a dash with spaces or a quote at a word edge', () => {
    expect(snapped("said 'no' - then left", 'no', 1)).toBe('no');
    expect(snapped('left - then', 'eft', 2)).toBe('left');
  });

  it('works with accented letters, other scripts and letters outside the BMP', () => {
    expect(snapped('une thérapie brève', 'rapi', 4)).toBe('thérapie');
    expect(snapped('очень долго ждали', 'олг', 3)).toBe('долго');
    expect(snapped('a 𝒜𝒷𝒸 word', '𝒷', 2)).toBe('𝒜𝒷𝒸');
  });

  it('returns null when only white space is selected', () => {
    expect(snapToWords('a   b', { start: 1, end: 4 })).toBeNull();
  });

  it('stops at the ends of the text', () => {
    expect(snapped('word', 'or', 2)).toBe('word');
  });
});
