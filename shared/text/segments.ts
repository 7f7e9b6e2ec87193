import type { Turn } from '../domain/schemas';

/**
 * A block of reading text: a speaker turn, or a paragraph when the document has no turns.
 * `start`/`end` are UTF-16 offsets into the document text of what is shown (trimmed), so
 * coded passages can be placed on it later.
 */
export interface Segment {
  key: string;
  speaker: string | null;
  text: string;
  start: number;
  end: number;
  /** The PDF page the turn is on (shared/domain/schemas.ts Turn.page). */
  page?: number;
}

/** [start, end) of `text` without leading and trailing whitespace. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** The document as speaker turns, in order; turns that are empty after trimming are kept only if they name a speaker. */
export function turnSegments(text: string, turns: readonly Turn[]): Segment[] {
  const out: Segment[] = [];
  turns.forEach((turn, i) => {
    const start = Math.max(0, Math.min(turn.start, text.length));
    const end = Math.max(start, Math.min(turn.end, text.length));
    const [s, e] = trimRange(text, start, end);
    if (s === e && !turn.speaker) return;
    out.push({ key: `t${i}`, speaker: turn.speaker, text: text.slice(s, e), start: s, end: e, ...(turn.page !== undefined && { page: turn.page }) });
  });
  return out;
}

/** The document as paragraphs: split at blank lines, or at line breaks when there are none. */
export function paragraphSegments(text: string): Segment[] {
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n\s*/g : /\n+/g;
  const out: Segment[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const [s, e] = trimRange(text, start, end);
    if (s < e) out.push({ key: `p${out.length}`, speaker: null, text: text.slice(s, e), start: s, end: e });
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return out;
}

/** Turns when the document has them, else paragraphs. */
export function buildSegments(text: string, turns: readonly Turn[]): Segment[] {
  return turns.length > 0 ? turnSegments(text, turns) : paragraphSegments(text);
}

/** Words in a text: runs of non-space characters. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}
