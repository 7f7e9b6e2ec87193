import type { Span } from './spans';
import { trimSpan } from './spans';

const LETTER = /[\p{L}\p{N}\p{M}]/u;
/** Joiners that belong to a word only between two letters: don't, well-being, l'école. */
const JOINER = /['’\-‐]/u;

/** True when the UTF-16 unit at `i` is part of a word (a letter, or a joiner inside one). */
export function inWord(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const ch = text[i]!;
  if (LETTER.test(ch)) return true;
  // A low surrogate is judged with its high half (letters outside the BMP).
  if (/[\uDC00-\uDFFF]/.test(ch) && i > 0) return LETTER.test(text.slice(i - 1, i + 1));
  if (/[\uD800-\uDBFF]/.test(ch)) return LETTER.test(text.slice(i, i + 2));
  return JOINER.test(ch) && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
}

/**
 * Widens a selection so it neither starts nor ends inside a word, then trims white space: two
 * coders who select "the waiting list" a letter apart code the same passage. Null when nothing
 * but white space is selected.
 */
export function snapToWords(text: string, span: Span): Span | null {
  const trimmed = trimSpan(text, span);
  if (!trimmed) return null;
  let { start, end } = trimmed;
  while (start > 0 && inWord(text, start - 1) && inWord(text, start)) start--;
  while (end < text.length && inWord(text, end - 1) && inWord(text, end)) end++;
  return { start, end };
}
