import type { Span } from '../../../../shared/text/spans';

/**
 * From the page to the text: every rendered run of text is a <span data-start data-end>
 * holding exactly text.slice(start, end) as one text node, so a DOM selection boundary maps
 * back to a document offset.
 */

function runOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node instanceof Element ? node : null;
  return el?.closest<HTMLElement>('[data-start]') ?? null;
}

/**
 * The document offset of a selection boundary under `root`. Inside a run it is exact; anywhere
 * else (a speaker label, a gap between blocks, outside the reader) it snaps to the next run's
 * start (for a start boundary) or the previous run's end (for an end boundary).
 */
export function boundaryOffset(root: Element, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const run = runOf(node);
  if (run && root.contains(run) && node.nodeType === Node.TEXT_NODE) {
    const start = Number(run.dataset.start);
    return start + Math.min(offset, (node as Text).length);
  }
  const runs = root.querySelectorAll<HTMLElement>('[data-start]');
  const probe = document.createRange();
  try {
    probe.setStart(node, offset);
  } catch {
    return null;
  }
  if (side === 'start') {
    for (const r of runs) if (probe.comparePoint(r, 0) >= 0) return Number(r.dataset.start);
    return null;
  }
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i]!;
    if (probe.comparePoint(r, r.childNodes.length) <= 0) return Number(r.dataset.end);
  }
  return null;
}

/** The raw (untrimmed) span of a DOM range over the reader's text, or null when it holds none. */
export function rangeSpan(root: Element, range: Range): Span | null {
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Where the character at `offset` (or, at a run's end, just after the one before) is drawn. */
function caretPoint(root: Element, offset: number): { x: number; top: number; bottom: number } | null {
  for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(run.dataset.start);
    const node = run.firstChild;
    if (offset < start || offset > Number(run.dataset.end) || !(node instanceof Text)) continue;
    const at = offset - start;
    const range = document.createRange();
    const after = at < node.length;
    if (!after && at === 0) continue;
    range.setStart(node, after ? at : at - 1);
    range.setEnd(node, after ? at + 1 : at);
    const rect = range.getClientRects()[0];
    if (rect) return { x: after ? rect.left : rect.right, top: rect.top, bottom: rect.bottom };
  }
  return null;
}

/**
 * The offset one drawn line below (or above) `offset`, at the same distance from the left, as
 * Shift+Down/Up in an editor; the scroller is moved first when that line is out of view. Null
 * when there is no line there.
 */
export function offsetALineAway(scroller: HTMLElement, offset: number, down: boolean): number | null {
  const target = () => {
    const at = caretPoint(scroller, offset);
    if (!at) return null;
    const half = (at.bottom - at.top) / 2;
    return { x: at.x + 1, y: down ? at.bottom + half : at.top - half, line: at.bottom - at.top };
  };
  let point = target();
  if (!point) return null;
  const view = scroller.getBoundingClientRect();
  if (point.y < view.top || point.y > view.bottom) {
    scroller.scrollTop += (down ? 3 : -3) * point.line;
    point = target();
    if (!point) return null;
  }
  const hit = document.caretRangeFromPoint(point.x, point.y);
  if (!hit || !scroller.contains(hit.startContainer)) return null;
  const next = boundaryOffset(scroller, hit.startContainer, hit.startOffset, down ? 'start' : 'end');
  return next === null || next === offset ? null : next;
}
