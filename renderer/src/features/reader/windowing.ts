import type { Block } from '../../../../shared/text/blocks';
import { indexAtY } from '../../lib/windowMath';
import type { WindowRange } from '../../lib/windowMath';

/**
 * The maths of a windowed reader: block heights (measured once rendered, estimated before),
 * their running offsets, which blocks a scroll position needs, and where a character sits.
 * Pure, so it can be tested without a browser.
 */

/** The reader's typographic constants, shared with reader.css through inline custom properties. */
export const LINE_HEIGHT = 27;
/** Vertical padding inside a block (top + bottom), part of its measured height. */
export const BLOCK_PAD_TOP = 7;
export const BLOCK_PAD_BOTTOM = 7;
/** Extra space above the first block of a turn (none above a continuation). */
export const TURN_GAP = 8;
/** The rule and page number above the block a PDF page begins with. */
export const PAGE_MARK_HEIGHT = 20;

/**
 * Lines a block takes when wrapped at `charsPerLine`: its length and line breaks are enough
 * (blocks come from the document's outline, before their text has arrived), so the estimate,
 * and the scroll position saved in estimates, does not change as the text comes in.
 */
export function estimateLines(length: number, breaks: number, charsPerLine: number): number {
  const cpl = Math.max(8, Math.floor(charsPerLine));
  return Math.max(1, Math.ceil((length - breaks) / cpl)) + breaks;
}

/** Padding above a block's text: none on a continuation, so a split turn reads as one. */
export function blockPadTop(block: Block): number {
  return block.continued ? 0 : BLOCK_PAD_TOP + TURN_GAP;
}

export function blockPadBottom(block: Block): number {
  return block.continues ? 0 : BLOCK_PAD_BOTTOM;
}

/** The height of a block's chrome: its padding above and below the text. */
export function blockChrome(block: Block): number {
  return blockPadTop(block) + blockPadBottom(block) + (block.page !== undefined ? PAGE_MARK_HEIGHT : 0);
}

/** A block's height before it has been rendered and measured. */
export function estimateBlockHeight(block: Block, charsPerLine: number): number {
  return blockChrome(block) + estimateLines(block.end - block.start, block.breaks, charsPerLine) * LINE_HEIGHT;
}

/** True when `inner` lies inside `outer`. */
export function rangeCovers(outer: WindowRange, inner: WindowRange): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/**
 * The top of the line holding character `offset` of block `index`, interpolated by character
 * position: exact enough to place a coding stripe before the block is rendered.
 */
export function lineTop(blocks: readonly Block[], offsets: Float64Array, index: number, offset: number): number {
  const block = blocks[index];
  if (!block) return offsets[offsets.length - 1] ?? 0;
  const top = offsets[index]! + blockPadTop(block);
  const height = offsets[index + 1]! - offsets[index]! - blockChrome(block);
  const lines = Math.max(1, Math.round(height / LINE_HEIGHT));
  const length = block.end - block.start;
  if (length <= 0) return top;
  const fraction = Math.min(1, Math.max(0, (offset - block.start) / length));
  const line = Math.min(lines - 1, Math.floor(fraction * lines));
  return top + line * LINE_HEIGHT;
}

/**
 * Maps a scroll position from one set of block offsets to another, keeping the block and the
 * fraction of it at the top. The reader saves its position in estimated offsets (which depend
 * only on the text and the width), so it comes back to the same passage before anything has
 * been measured.
 */
export function mapScrollTop(top: number, from: Float64Array, to: Float64Array, columnTop: number): number {
  const n = Math.min(from.length, to.length) - 1;
  if (n <= 0) return top;
  const y = top - columnTop;
  if (y <= 0) return top;
  const i = Math.min(indexAtY(from, y), n - 1);
  const span = from[i + 1]! - from[i]!;
  const fraction = span > 0 ? Math.min(1, (y - from[i]!) / span) : 0;
  return columnTop + to[i]! + fraction * (to[i + 1]! - to[i]!);
}
