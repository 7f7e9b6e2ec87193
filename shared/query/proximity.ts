import type { Span } from '../text/spans';
import { firstWhere, unionSpans } from '../text/spans';

/**
 * NEAR and FOLLOWED BY on two span lists (sorted, disjoint). A window says when two passages
 * are close: each passage maps to a closed interval, and two are close when the first's reach
 * meets the second's key. Within n characters: reach [start − n, end + n], key [start, end].
 * Same turn or paragraph: both are the range of unit indices the passage overlaps. Keys of a
 * sorted list are sorted at both ends, so the close passages are found by binary search.
 */
export interface Window {
  reach(span: Span): [number, number] | null;
  key(span: Span): [number, number] | null;
}

export function characterWindow(count: number): Window {
  return { reach: (s) => [s.start - count, s.end + count], key: (s) => [s.start, s.end] };
}

/** Passages share a unit (a turn, a paragraph) when they overlap the same one. */
export function unitWindow(units: readonly Span[]): Window {
  const range = (s: Span): [number, number] | null => {
    const first = firstWhere(units.length, (i) => units[i]!.end > s.start);
    const last = firstWhere(units.length, (i) => units[i]!.start >= s.end) - 1;
    return first <= last ? [first, last] : null;
  };
  return { reach: range, key: range };
}

function keyed(spans: readonly Span[], window: Window): { span: Span; key: [number, number] }[] {
  return spans.flatMap((span) => {
    const key = window.key(span);
    return key ? [{ span, key }] : [];
  });
}

/**
 * Where a passage of `a` and one of `b` are close: for each such pair, the text from the first
 * one's start to the last one's end (so the passage shows both and what lies between).
 */
export function nearSpans(a: readonly Span[], b: readonly Span[], window: Window): Span[] {
  const targets = keyed(b, window);
  const out: Span[] = [];
  for (const span of a) {
    const reach = window.reach(span);
    if (!reach) continue;
    const lo = firstWhere(targets.length, (i) => targets[i]!.key[1] >= reach[0]);
    const hi = firstWhere(targets.length, (i) => targets[i]!.key[0] > reach[1]) - 1;
    if (lo > hi) continue;
    out.push({ start: Math.min(span.start, targets[lo]!.span.start), end: Math.max(span.end, targets[hi]!.span.end) });
  }
  return unionSpans(out);
}

/**
 * Each passage of `a` with the first passage of `b` that starts at or after its end, if that
 * one is within the window (any distance without one): the text from the start of the first to
 * the end of the second.
 */
export function followedBySpans(a: readonly Span[], b: readonly Span[], window: Window | null): Span[] {
  const out: Span[] = [];
  for (const span of a) {
    const next = b[firstWhere(b.length, (i) => b[i]!.start >= span.end)];
    if (!next) continue;
    if (window) {
      const reach = window.reach(span);
      const key = window.key(next);
      if (!reach || !key || key[0] > reach[1] || key[1] < reach[0]) continue;
    }
    out.push({ start: span.start, end: next.end });
  }
  return unionSpans(out);
}
