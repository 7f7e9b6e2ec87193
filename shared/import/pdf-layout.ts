import { normaliseText } from '../text/normalise';

/**
 * A PDF's text runs (as pdf.js reports them: a string and where it sits) made into the text a
 * researcher reads: lines in reading order (two columns read left then right), paragraphs
 * rejoined, words hyphenated at a line end mended, headers and footers that repeat on every
 * page dropped, and each page's start kept so the reader and exports can name pages.
 */

/** One text run: PDF points, origin at the page's bottom left; h is the font size. */
export interface PdfRun {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPageRuns {
  width: number;
  runs: PdfRun[];
}

export interface PdfText {
  /** Paragraphs separated by a blank line, pages too. */
  text: string;
  /** Where each page with text starts in `text` (UTF-16 offsets), in page order. The text is normalised (shared/text/normalise.ts). */
  pages: { page: number; start: number }[];
}

interface Line {
  y: number;
  h: number;
  /** Where the line ends on the right. */
  right: number;
  text: string;
}

/** Runs on one baseline (within half a font size), left to right, as one line of text. */
function linesOf(runs: PdfRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const run of sorted) {
    const last = groups.at(-1);
    if (last && Math.abs(last[0]!.y - run.y) <= Math.max(last[0]!.h, run.h) / 2) last.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of group) {
      const gap = run.x - end;
      if (text !== '' && !/\s$/.test(text) && !/^\s/.test(run.str) && gap > run.h * 0.15) text += ' ';
      text += run.str;
      end = run.x + run.w;
    }
    return { y: group[0]!.y, h: Math.max(...group.map((r) => r.h)), right: end, text: text.replace(/\s+/g, ' ').trim() };
  });
}

/** A line's text with its numbers masked: "Page 3 of 12" and "Page 4 of 12" are the same footer. */
const repeatKey = (text: string) => text.replace(/\d+/g, '#').toLowerCase();

/** Top and bottom lines that recur on at least half the pages (and two or more): headers, footers, page numbers. */
function repeatedEdges(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines.at(-1)].filter((l): l is Line => l !== undefined).map((l) => repeatKey(l.text)));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pagesWithText = pages.filter((l) => l.length > 0).length;
  return new Set([...counts].filter(([, n]) => n >= 2 && n >= pagesWithText / 2).map(([key]) => key));
}

/**
 * Where a page splits into two columns: the x in its middle half, with a fair share of the runs
 * on each side, crossed by the fewest runs, if few cross it (those are full-width lines:
 * titles, headers) and each side holds three lines or more. Null for a single column.
 */
function gutterOf(page: PdfPageRuns): number | null {
  const runs = page.runs.filter((r) => r.str.trim() !== '');
  if (runs.length < 6) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = Math.round(page.width * 0.25); x <= page.width * 0.75; x++) {
    const crossing = runs.filter((r) => r.x < x && r.x + r.w > x).length;
    const left = runs.filter((r) => r.x + r.w <= x).length;
    const share = Math.min(left, runs.length - left - crossing) / runs.length;
    if (share >= 0.2 && (!best || crossing < best.crossing)) best = { x, crossing };
  }
  if (!best || best.crossing > Math.max(2, runs.length * 0.1)) return null;
  const left = linesOf(runs.filter((r) => r.x + r.w <= best.x)).length;
  const right = linesOf(runs.filter((r) => r.x >= best.x)).length;
  return left >= 3 && right >= 3 ? best.x : null;
}

/** The page's lines in reading order, as blocks: full-width stretches, and each column in turn. */
function blocksOf(page: PdfPageRuns, gutter: number | null): Line[][] {
  if (gutter === null) return [linesOf(page.runs)];
  const full = linesOf(page.runs.filter((r) => r.x < gutter && r.x + r.w > gutter));
  const blocks: Line[][] = [];
  let above = Infinity;
  for (const divider of [...full, null]) {
    const below = divider?.y ?? -Infinity;
    const inBand = (r: PdfRun) => r.y < above && r.y > below && !(r.x < gutter && r.x + r.w > gutter);
    blocks.push(linesOf(page.runs.filter((r) => inBand(r) && r.x + r.w <= gutter)));
    blocks.push(linesOf(page.runs.filter((r) => inBand(r) && r.x >= gutter)));
    if (divider) blocks.push([divider]);
    above = below;
  }
  return blocks.filter((b) => b.length > 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Two lines of one paragraph joined: a word hyphenated across them mended, else a space. */
function joinLines(a: string, b: string): string {
  if (/\p{L}\u00ad$/u.test(a)) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/**
 * A block's lines as paragraphs: a new one where the gap between lines is well over the usual,
 * the type size changes, or a sentence ends on a line that stops well short of the column's
 * right edge (a paragraph's last line, in a transcript typed without blank lines).
 */
function paragraphsOf(block: Line[], lineGap: number): string[] {
  const paragraphs: string[] = [];
  const right = Math.max(...block.map((l) => l.right));
  let current: string | null = null;
  block.forEach((line, i) => {
    const prev = block[i - 1];
    const breaks =
      !prev ||
      prev.y - line.y > lineGap * 1.4 ||
      Math.abs(prev.h - line.h) > Math.max(prev.h, line.h) * 0.2 ||
      (/[.?!:"'\u201d)]$/.test(prev.text) && right - prev.right > prev.h * 2);
    if (breaks) {
      if (current !== null) paragraphs.push(current);
      current = line.text;
    } else current = joinLines(current!, line.text);
  });
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}

export function assemblePdfText(pages: PdfPageRuns[]): PdfText {
  const edges = repeatedEdges(pages.map((p) => linesOf(p.runs)));
  const out: PdfText = { text: '', pages: [] };
  pages.forEach((page, index) => {
    const blocks = blocksOf(page, gutterOf(page)).map((block, b, all) =>
      // Only the page's first and last lines can be a header or footer.
      block.filter((line, l) => !(((b === 0 && l === 0) || (b === all.length - 1 && l === block.length - 1)) && edges.has(repeatKey(line.text)))),
    );
    const gaps = blocks.flatMap((block) => block.slice(1).map((line, i) => block[i]!.y - line.y));
    const lineGap = median(gaps.filter((g) => g > 0)) || Infinity;
    // Normalised here, paragraph by paragraph, so the page offsets hold for the text as stored.
    const paragraphs = blocks.flatMap((block) => paragraphsOf(block, lineGap).map(normaliseText)).filter((p) => p !== '');
    if (paragraphs.length === 0) return;
    if (out.text !== '') out.text += '\n\n';
    out.pages.push({ page: index + 1, start: out.text.length });
    out.text += paragraphs.join('\n\n');
  });
  return out;
}
