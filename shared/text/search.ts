import { AppError } from '../api/errors';
import type { Span } from './spans';

export interface SearchOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
  /** The query is a regular expression (JavaScript syntax, Unicode mode) rather than literal text. */
  pattern?: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for a query; whole words are judged on letters and digits in any script. A
 * literal query escaped this way runs in linear time. A pattern may not (`(a+)+$` backtracks
 * without end), so callers run patterns away from the app's main thread with a time limit
 * (electron/services/workbench/pattern-search.ts); this only checks that it is one.
 */
export function searchPattern(query: string, options: SearchOptions): RegExp {
  const body = options.pattern ? `(?:${query})` : escapeRegExp(query);
  const word = options.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  const flags = options.caseSensitive ? 'gu' : 'giu';
  if (!options.pattern) return new RegExp(word, flags);
  try {
    return new RegExp(word, flags);
  } catch (err) {
    const why = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new AppError('INVALID_INPUT', `“${query}” is not a pattern Marginalia can search for: ${why}. Turn off Pattern to search for the text as typed.`);
  }
}

/** Every match of `pattern` in `text`, at most `limit`; empty matches are skipped. */
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
