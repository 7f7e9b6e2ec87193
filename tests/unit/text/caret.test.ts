import { describe, expect, it } from 'vitest';
import { caretAtWord, caretSpan, caretStep } from '../../../shared/text/caret';
import type { Caret } from '../../../shared/text/caret';

const text = 'We waited, months. Nobody called back.';
const shown = (c: Caret) => {
  const span = caretSpan(text, c);
  return span ? text.slice(span.start, span.end) : null;
};
const right = { key: 'ArrowRight', shift: false, word: false } as const;
const left = { key: 'ArrowLeft', shift: false, word: false } as const;

describe('the reader caret', () => {
  it('starts on the first word at or after a place', () => {
    expect(shown(caretAtWord(text, 0))).toBe('We');
    expect(shown(caretAtWord(text, 9))).toBe('months');
  });

  it('moves a word at a time with the arrows, skipping punctuation', () => {
    let c = caretAtWord(text, 0);
    c = caretStep(text, c, right);
    expect(shown(c)).toBe('waited');
    c = caretStep(text, c, right);
    expect(shown(c)).toBe('months');
    c = caretStep(text, c, left);
    expect(shown(c)).toBe('waited');
  });

  it('extends by a character with Shift and by a word with Shift+Ctrl, and shrinks back', () => {
    let c = caretAtWord(text, 0);
    c = caretStep(text, c, { key: 'ArrowRight', shift: true, word: true });
    expect(shown(c)).toBe('We waited');
    c = caretStep(text, c, { key: 'ArrowRight', shift: true, word: false });
    expect(shown(c)).toBe('We waited,');
    c = caretStep(text, c, { key: 'ArrowRight', shift: true, word: true });
    c = caretStep(text, c, { key: 'ArrowRight', shift: true, word: true });
    expect(shown(c)).toBe('We waited, months. Nobody');
    c = caretStep(text, c, { key: 'ArrowLeft', shift: true, word: true });
    expect(shown(c)).toBe('We waited, months.');
  });

  it('stops at the ends of the text', () => {
    let c = caretAtWord(text, text.length - 5);
    for (let i = 0; i < 5; i++) c = caretStep(text, c, { key: 'ArrowRight', shift: true, word: true });
    expect(c.focus).toBe(text.length);
    c = caretAtWord(text, 0);
    c = caretStep(text, c, left);
    expect(shown(c)).toBe('We');
  });
});
