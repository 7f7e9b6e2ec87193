import type { Span } from './spans';

/**
 * The paragraphs of a text: runs of lines with something on them, a blank line (or only white
 * space) between two runs. A transcript with one line per turn has one paragraph per line run,
 * as the reader shows it. Sorted, disjoint, without the line ends.
 */
export function paragraphSpans(text: string): Span[] {
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(start, end).trim() === '') current = null;
    else if (current) current.end = end;
    else paragraphs.push((current = { start, end }));
    if (newline === -1) break;
    start = newline + 1;
  }
  return paragraphs;
}
