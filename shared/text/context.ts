import type { Turn } from '../domain/schemas';

const CONTEXT_CHARS = 90;

/** Text either side of a passage, cut at a word boundary, for reading a segment out of its document. */
export function contextAround(text: string, start: number, end: number, chars = CONTEXT_CHARS): { before: string; after: string } {
  let from = Math.max(0, start - chars);
  let to = Math.min(text.length, end + chars);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return { before: (from > 0 ? '…' : '') + text.slice(from, start), after: text.slice(end, to) + (to < text.length ? '…' : '') };
}

/** The speaker of the turn containing `offset` (turns are sorted and disjoint), or null. */
export function speakerAt(turns: readonly Turn[], offset: number): string | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const turn = turns[mid]!;
    if (offset < turn.start) hi = mid - 1;
    else if (offset >= turn.end) lo = mid + 1;
    else return turn.speaker;
  }
  // Between turns (a label or blank line): the turn that follows is the one being started.
  return turns[lo]?.speaker ?? null;
}

/**
 * The PDF page(s) a passage is on, from the pages its turns carry: "3", or "3–4" when it runs
 * over a page break; a passage between turns is on the page of the turn that follows. Null for a
 * text without pages.
 */
export function pagesAt(turns: readonly Turn[], start: number, end: number): string | null {
  let first: number | undefined;
  let last: number | undefined;
  for (const turn of turns) {
    if (turn.page === undefined || turn.end <= start || turn.start >= end) continue;
    first ??= turn.page;
    last = turn.page;
  }
  first ??= turns.find((t) => t.start >= start && t.page !== undefined)?.page;
  if (first === undefined) return null;
  return last === undefined || last === first ? String(first) : `${first}–${last}`;
}
