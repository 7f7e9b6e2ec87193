/** A rectangle in the reader page's coordinates. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * One box per line of the selection, from the client rects of its runs (a run across a line
 * break gives one rect per line; a line holds several runs where codings cut it). Rects on the
 * same line (their vertical middles within half a line) are joined; empty rects are dropped.
 * A line reaches down to the next one when the gap is under half a line, so a drop between two
 * selected lines still lands on the selection.
 */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const sorted = rects.filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: Box[] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(r.top + r.height / 2 - (line.top + line.height / 2)) < Math.max(r.height, line.height) / 2) {
      const right = Math.max(line.left + line.width, r.left + r.width);
      const bottom = Math.max(line.top + line.height, r.top + r.height);
      line.left = Math.min(line.left, r.left);
      line.top = Math.min(line.top, r.top);
      line.width = right - line.left;
      line.height = bottom - line.top;
    } else {
      lines.push({ ...r });
    }
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const gap = lines[i + 1]!.top - (line.top + line.height);
    if (gap > 0 && gap < line.height / 2) line.height += gap;
  }
  return lines;
}
