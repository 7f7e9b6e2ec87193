import type { Span } from './spans';

export interface SearchOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for a literal query; whole words are judged on letters and digits in any script. */
export function searchPattern(query: string, options: SearchOptions): RegExp {
  const body = escapeRegExp(query);
  const word = options.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(word, options.caseSensitive ? 'gu' : 'giu');
}

/** Every match of `pattern` in `text`, at most `limit`. */
export function findAll(text: string, pattern: RegExp, limit: number): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && spans.length < limit; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
