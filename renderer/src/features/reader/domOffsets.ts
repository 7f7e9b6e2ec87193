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
