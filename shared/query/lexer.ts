import type { Place } from './ast';
import { QueryError } from './query-error';

export type Token =
  /** A name or keyword written without quotes: no spaces, brackets, commas, quotes or comparisons. */
  | { type: 'word'; text: string; at: Place }
  /** A name in straight or curly double quotes; \" and \\ stand for " and \ inside. A curly-quoted name ends only at ”, so a straight " inside it needs no escape. */
  | { type: 'string'; text: string; at: Place }
  | { type: 'symbol'; text: '(' | ')' | ',' | '=' | '!=' | '<' | '<=' | '>' | '>='; at: Place }
  | { type: 'end'; text: ''; at: Place };

const OPENING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '”': '”' };
const STOPS = new Set(['(', ')', ',', '=', '!', '<', '>', '"', '“', '”']);
/** Added to a message when a quotation mark seems to be meant inside a name. */
export const INNER_QUOTE_HINT = 'to put a " inside a name, write \\" ("Say \\"no\\" to it") or quote the name with curly quotes “…”';

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** Splits a query into tokens, each with its place in the text. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = i;
    const close = OPENING_QUOTES[ch];
    if (close) {
      let text = '';
      for (i++; i < source.length && source[i] !== close; i++) {
        if (source[i] === '\\' && (source[i + 1] === '"' || source[i + 1] === '\\' || source[i + 1] === close)) i++;
        text += source[i];
      }
      if (i >= source.length) {
        // A quote straight after a word most likely closes a name that had a quote inside it.
        const hint = start > 0 && !isSpace(source[start - 1]!) && !STOPS.has(source[start - 1]!) ? `; ${INNER_QUOTE_HINT}` : '';
        throw new QueryError(`This quotation mark is never closed: end the name with ${close}${hint}`, { start, end: start + 1 });
      }
      i++;
      tokens.push({ type: 'string', text, at: { start, end: i } });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: 'symbol', text: ch, at: { start, end: ++i } });
    } else if (ch === '=' || ch === '!' || ch === '<' || ch === '>') {
      const two = source.slice(i, i + 2);
      const text = two === '!=' || two === '<=' || two === '>=' ? two : ch;
      if (text === '!') throw new QueryError('A lone "!" means nothing here: write != for "is not"', { start, end: start + 1 });
      i += text.length;
      tokens.push({ type: 'symbol', text: text as '=' | '<' | '>' | '!=' | '<=' | '>=', at: { start, end: i } });
    } else {
      while (i < source.length && !isSpace(source[i]!) && !STOPS.has(source[i]!)) i++;
      tokens.push({ type: 'word', text: source.slice(start, i), at: { start, end: i } });
    }
  }
  tokens.push({ type: 'end', text: '', at: { start: source.length, end: source.length } });
  return tokens;
}
