import { cutPoint, isSpace } from './cut-point';

/**
 * Very long lines: a transcript exported as one line (no paragraph breaks) is hard to read and
 * to code, and slow to lay out. The importer offers to split such lines into paragraphs.
 */

/** A line longer than this (UTF-16 units) is offered a split into paragraphs. */
export const LONG_LINE_CHARS = 10_000;
/** About how long each paragraph cut from a long line is. */
export const SPLIT_PARAGRAPH_CHARS = 1_000;

/** The length of the text's longest line. */
export function longestLine(text: string): number {
  let longest = 0;
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    longest = Math.max(longest, end - from);
    if (nl === -1) return longest;
    from = nl + 1;
  }
}

/**
 * The text with each line longer than LONG_LINE_CHARS cut into paragraphs of at most
 * SPLIT_PARAGRAPH_CHARS (at sentence ends where it can), separated by a blank line. Only the
 * white space at each cut changes: every word stays, in order.
 */
export function splitLongLines(text: string): string {
  const lines = text.split('\n');
  return lines.map((line) => (line.length > LONG_LINE_CHARS ? paragraphsOf(line).join('\n\n') : line)).join('\n');
}

function paragraphsOf(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (from < line.length) {
    const end = line.length - from > SPLIT_PARAGRAPH_CHARS ? cutPoint(line, from, from + SPLIT_PARAGRAPH_CHARS) : line.length;
    let s = from;
    let e = end;
    while (s < e && isSpace(line.charCodeAt(s))) s++;
    while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
    if (e > s) out.push(line.slice(s, e));
    from = end;
  }
  return out;
}
