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

/**
 * foldWord, remembered for each spelling met: a text repeats a few thousand spellings, and
 * case folding each of its million words anew was most of a word table's time. One per count.
 */
export function cachedFold(locale?: string): (word: string) => string {
  const folded = new Map<string, string>();
  return (word) => {
    let fold = folded.get(word);
    if (fold === undefined) folded.set(word, (fold = foldWord(word, locale)));
    return fold;
  };
}

/**
 * Calls `visit` with each word of `text` between `from` and `to`: its offsets into the whole
 * text and its folded form. No object per word: a word table reads millions of them.
 */
export function eachWordToken(text: string, from: number, to: number, fold: (word: string) => string, visit: (start: number, end: number, folded: string) => void): void {
  const slice = text.slice(from, to);
  const word = new RegExp(WORD);
  for (let match = word.exec(slice); match !== null; match = word.exec(slice)) {
    const found = match[0];
    const first = found.charCodeAt(0);
    // Most words start with a plain letter; the others are looked at for a letter anywhere.
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90)) && !LETTER.test(found)) continue;
    visit(from + match.index, from + match.index + found.length, fold(found));
  }
}

/** The words of `text` between `from` and `to`, with offsets into the whole text. */
export function wordTokens(text: string, from = 0, to = text.length, fold: (word: string) => string = foldWord): WordToken[] {
  const tokens: WordToken[] = [];
  eachWordToken(text, from, to, fold, (start, end, folded) => tokens.push({ start, end, folded }));
  return tokens;
}
