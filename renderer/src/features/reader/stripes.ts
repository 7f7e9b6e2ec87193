import type { PaintCoding } from './paint';

/**
 * Coding stripes (as in NVivo): beside the text, one vertical bar per coded passage, labelled
 * with its code, packed into as few lanes as will hold them without overlapping labels.
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

export interface StripeBox extends Stripe {
  top: number;
  height: number;
  lane: number;
}

export interface StripeLayout {
  boxes: StripeBox[];
  lanes: number;
}

export interface StripeGeometry {
  /** Top and bottom (pixels) of the passage [start, end). */
  extent(stripe: Stripe): { top: number; bottom: number };
  /** How far down from its top the stripe's label runs (pixels). */
  labelLength(stripe: Stripe): number;
}

/** Space kept free below a stripe (or its label) before the next one in the same lane. */
export const STRIPE_GAP = 6;
export const MIN_STRIPE_HEIGHT = 14;

/**
 * Greedy interval packing: stripes in order of their top, each into the first lane that is
 * free by then. A lane is held for the longer of the stripe and its label, so labels never
 * run into the next stripe.
 */
export function layoutStripes(stripes: readonly Stripe[], geometry: StripeGeometry): StripeLayout {
  const measured = stripes.map((s) => {
    const { top, bottom } = geometry.extent(s);
    const height = Math.max(MIN_STRIPE_HEIGHT, bottom - top);
    return { stripe: s, top, height, reach: Math.max(height, geometry.labelLength(s)) };
  });
  measured.sort((a, b) => a.top - b.top || b.height - a.height);
  const laneFree: number[] = [];
  const boxes: StripeBox[] = [];
  for (const m of measured) {
    let lane = laneFree.findIndex((free) => free <= m.top);
    if (lane === -1) {
      lane = laneFree.length;
      laneFree.push(0);
    }
    laneFree[lane] = m.top + m.reach + STRIPE_GAP;
    boxes.push({ ...m.stripe, top: m.top, height: m.height, lane });
  }
  return { boxes, lanes: laneFree.length };
}

/** About how long a stripe label of `chars` characters is, in pixels (11px UI type), capped. */
export function labelLength(chars: number, max = 180): number {
  return Math.min(max, 14 + chars * 6.1);
}

/** "Amara Okafor" → "AO": a coder's initials, for telling stripes apart. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  if (parts.length === 1) return parts[0]!.slice(0, 2).toUpperCase();
  return (parts[0]![0]! + parts[parts.length - 1]![0]!).toUpperCase();
}
