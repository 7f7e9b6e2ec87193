/** A word in a text: where it is, and its folded form (what counts compare). */
export interface WordToken {
  start: number;
  end: number;
  folded: string;
}

// Letters, digits and combining marks, with apostrophes and hyphens inside a word kept
// ("don't", "zero-hours", "co-production"); a word needs at least one letter.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‑-][\p{L}\p{N}\p{M}]+)*/gu;
const LETTER = /\p{L}/u;

/** Lower case, curly apostrophes and non-breaking hyphens made plain: "Don’t" → "don't". */
export function foldWord(word: string, locale?: string): string {
  return word.toLocaleLowerCase(locale).replace(/’/g, "'").replace(/‑/g, '-');
}

/** The words of `text` between `from` and `to`, with offsets into the whole text. */
export function wordTokens(text: string, from = 0, to = text.length, locale?: string): WordToken[] {
  const tokens: WordToken[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) {
    if (!LETTER.test(match[0])) continue;
    const start = from + match.index;
    tokens.push({ start, end: start + match[0].length, folded: foldWord(match[0], locale) });
  }
  return tokens;
}
