import type { Span } from './spans';
import { trimSpan } from './spans';
import { inWord } from './wordSnap';

/**
 * The reader's keyboard caret: an anchor and a focus in the text, the selection between them.
 * Arrows move a word at a time (the word becomes the selection); Shift+arrows move the focus a
 * character, Shift+Ctrl+arrows a word, so a passage can be selected without a mouse.
 */
export interface Caret {
  anchor: number;
  focus: number;
}

export type CaretKey = { key: 'ArrowLeft' | 'ArrowRight'; shift: boolean; word: boolean };

/** The end of the word at or after `offset` (the text's end when no word follows). */
export function nextWordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !inWord(text, i)) i++;
  while (i < text.length && inWord(text, i)) i++;
  return i;
}

/** The start of the word at or before `offset` (0 when no word precedes). */
export function previousWordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !inWord(text, i - 1)) i--;
  while (i > 0 && inWord(text, i - 1)) i--;
  return i;
}

/** The caret over the first word at or after `offset`. */
export function caretAtWord(text: string, offset: number): Caret {
  const end = nextWordEnd(text, offset);
  return { anchor: previousWordStart(text, end), focus: end };
}

export function caretStep(text: string, caret: Caret, input: CaretKey): Caret {
  const forward = input.key === 'ArrowRight';
  if (input.shift) {
    const focus = input.word
      ? forward
        ? nextWordEnd(text, caret.focus)
        : previousWordStart(text, caret.focus)
      : Math.max(0, Math.min(text.length, caret.focus + (forward ? 1 : -1)));
    return { anchor: caret.anchor, focus };
  }
  const from = forward ? Math.max(caret.anchor, caret.focus) : Math.min(caret.anchor, caret.focus);
  if (forward) return caretAtWord(text, from);
  const start = previousWordStart(text, from);
  return { anchor: start, focus: nextWordEnd(text, start) };
}

/** The selection a caret makes: between anchor and focus, trimmed; null when it holds no text. */
export function caretSpan(text: string, caret: Caret): Span | null {
  return trimSpan(text, { start: Math.min(caret.anchor, caret.focus), end: Math.max(caret.anchor, caret.focus) });
}
