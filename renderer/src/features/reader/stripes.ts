import type { PaintCoding } from './paint';

/**
 * Coding stripes (as in NVivo and MAXQDA): beside the text, one column per code, a bar in it
 * per coded passage; with several coders each has a bar of their own in the column, told apart
 * by a pattern. Code names stand horizontally to the right of the columns, beside their bars.
 */

export interface Stripe {
  /** Stable identity: code, coder (when coders are told apart) and start. */
  key: string;
  codeId: string;
  /** The coder, when stripes are per coder; null when coders are merged. */
  coderId: string | null;
  start: number;
  end: number;
  /** The codings merged into this stripe (overlapping or touching passages at one code). */
  codingIds: string[];
}

/**
 * One stripe per run of overlapping codings at the same code, per coder when `perCoder`
 * (several coders shown), so two coders' work at one code reads as two stripes.
 */
export function buildStripes(codings: readonly PaintCoding[], perCoder: boolean): Stripe[] {
  const groups = new Map<string, PaintCoding[]>();
  for (const c of codings) {
    const group = perCoder ? `${c.codeId}|${c.coderId}` : c.codeId;
    const list = groups.get(group);
    if (list) list.push(c);
    else groups.set(group, [c]);
  }
  const out: Stripe[] = [];
  for (const [group, list] of groups) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let current: Stripe | null = null;
    for (const c of list) {
      if (current && c.start <= current.end) {
        current.end = Math.max(current.end, c.end);
        current.codingIds.push(c.id);
      } else {
        current = {
          key: `${group}|${c.start}`,
          codeId: c.codeId,
          coderId: perCoder ? c.coderId : null,
          start: c.start,
          end: c.end,
          codingIds: [c.id],
        };
        out.push(current);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : 1));
}

export interface StripeFilter {
  /** Coder ids whose stripes are shown; empty means all. */
  coderIds: readonly string[];
  /** Code ids whose stripes are shown; empty means all. */
  codeIds: readonly string[];
}

export const NO_STRIPE_FILTER: StripeFilter = { coderIds: [], codeIds: [] };

/** The stripes passing the filter. */
export function filterStripes(stripes: readonly Stripe[], filter: StripeFilter): Stripe[] {
  const coders = new Set(filter.coderIds);
  const codes = new Set(filter.codeIds);
  return stripes.filter((s) => (codes.size === 0 || codes.has(s.codeId)) && (coders.size === 0 || s.coderId === null || coders.has(s.coderId)));
}

/** One coder's bar, the gap between two coders' bars, and the gap between two code columns (pixels). */
export const BAR_WIDTH = 3;
export const BAR_GAP = 1;
export const COLUMN_GAP = 4;
export const MIN_STRIPE_HEIGHT = 14;
/** A code name's line in the label area. */
export const LABEL_HEIGHT = 16;
/** How many coder patterns there are (solid, hatched, dotted, dashed); the fifth coder reuses the first. */
export const PATTERNS = 4;

export interface StripeColumns {
  /** The codes with stripes, in codebook order: one column each. */
  codeIds: string[];
  /** A bar slot per coder shown (its index is its pattern); [null] when coders are merged. */
  slots: (string | null)[];
  columnWidth: number;
  /** All the columns together. */
  width: number;
}

/**
 * The columns: one per code that has a stripe, in codebook order, each wide enough for one bar
 * per coder shown (`coderIds`, in the order their patterns are given; empty merges coders).
 */
export function stripeColumns(stripes: readonly Stripe[], codeOrder: readonly string[], coderIds: readonly string[]): StripeColumns {
  const rank = new Map(codeOrder.map((id, i) => [id, i]));
  const present = [...new Set(stripes.map((s) => s.codeId))];
  const codeIds = present.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
  const slots: (string | null)[] = coderIds.length > 0 ? [...coderIds] : [null];
  const columnWidth = slots.length * (BAR_WIDTH + BAR_GAP) - BAR_GAP + COLUMN_GAP;
  return { codeIds, slots, columnWidth, width: codeIds.length * columnWidth };
}

export interface StripeBox extends Stripe {
  top: number;
  height: number;
  /** Left edge of the bar within the margin (pixels). */
  left: number;
  /** The coder's pattern (0 = solid). */
  pattern: number;
}

/** Where a stripe's bar goes: its code's column, its coder's slot; null when its code or coder has no place. */
export function placeStripe(columns: StripeColumns, stripe: Stripe, extent: { top: number; bottom: number }): StripeBox | null {
  const column = columns.codeIds.indexOf(stripe.codeId);
  const slot = columns.slots.indexOf(stripe.coderId);
  if (column === -1 || slot === -1) return null;
  return {
    ...stripe,
    top: extent.top,
    height: Math.max(MIN_STRIPE_HEIGHT, extent.bottom - extent.top),
    left: column * columns.columnWidth + slot * (BAR_WIDTH + BAR_GAP),
    pattern: slot % PATTERNS,
  };
}

export interface StripeLabel {
  key: string;
  codeId: string;
  /** Where the label's line starts (pixels): at its passage's top, or lower when labels above fill that line. */
  top: number;
  /** The labelled run's passage and codings, for hovering and opening. */
  start: number;
  end: number;
  codingIds: string[];
}

/**
 * Code names beside the bars: one per run of a code's bars (coders together), each on the line
 * of its passage's top, pushed down below the label above when two would overlap. A label
 * pushed past its passage (and two lines more for short passages) is left out: its bar still
 * names the code on hover.
 */
export function placeLabels(boxes: readonly StripeBox[]): StripeLabel[] {
  const runs: { codeId: string; top: number; bottom: number; start: number; end: number; codingIds: string[] }[] = [];
  const open = new Map<string, (typeof runs)[number]>();
  for (const b of [...boxes].sort((x, y) => x.top - y.top || y.height - x.height)) {
    const run = open.get(b.codeId);
    if (run && b.top <= run.bottom) {
      run.bottom = Math.max(run.bottom, b.top + b.height);
      run.start = Math.min(run.start, b.start);
      run.end = Math.max(run.end, b.end);
      run.codingIds.push(...b.codingIds);
    } else {
      const next = { codeId: b.codeId, top: b.top, bottom: b.top + b.height, start: b.start, end: b.end, codingIds: [...b.codingIds] };
      open.set(b.codeId, next);
      runs.push(next);
    }
  }
  const labels: StripeLabel[] = [];
  let free = -Infinity;
  for (const run of runs) {
    const top = Math.max(run.top, free);
    if (top + LABEL_HEIGHT > Math.max(run.bottom, run.top + 3 * LABEL_HEIGHT)) continue;
    labels.push({ key: `${run.codeId}|${run.start}`, codeId: run.codeId, top, start: run.start, end: run.end, codingIds: run.codingIds });
    free = top + LABEL_HEIGHT;
  }
  return labels;
}
