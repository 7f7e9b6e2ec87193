/** Half-open ranges [start, end) of UTF-16 code units, the unit of every coding. */
export interface Span {
  start: number;
  end: number;
}

export function spanLength(span: Span): number {
  return Math.max(0, span.end - span.start);
}

/** First index in [0, n) where `test` holds, for a test that is false and then true; n if none. */
export function firstWhere(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** True when the spans share at least one character (touching ends do not overlap). */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function intersectSpans(a: Span, b: Span): Span | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start < end ? { start, end } : null;
}

/** The union of spans as sorted, disjoint, non-touching spans: overlapping codings count once. */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Characters covered by at least one span. */
export function coveredLength(spans: readonly Span[]): number {
  return unionSpans(spans).reduce((sum, s) => sum + spanLength(s), 0);
}

/** Narrows a selection so it neither starts nor ends on white space; null if nothing is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

export interface Layer<T> {
  start: number;
  end: number;
  /** Everything covering this stretch of text, in the order given. */
  covering: T[];
}

/**
 * Cuts [from, to) at every span boundary, so each piece is covered by one fixed set of items:
 * how the reader paints overlapping codings without nesting elements.
 */
export function layerSpans<T extends Span>(items: readonly T[], from: number, to: number): Layer<T>[] {
  const cuts = new Set([from, to]);
  for (const item of items) {
    if (item.start > from && item.start < to) cuts.add(item.start);
    if (item.end > from && item.end < to) cuts.add(item.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const layers: Layer<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    layers.push({ start, end, covering: items.filter((item) => item.start < end && item.end > start) });
  }
  return layers;
}

/*
 * Set algebra on span lists. Each takes lists already in the form unionSpans returns (sorted,
 * disjoint, non-touching) and returns one in the same form, so results compose.
 */

/** The characters in both lists. */
export function intersectSpanLists(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const both = intersectSpans(a[i]!, b[j]!);
    if (both) out.push(both);
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The characters of `a` not in `b`. */
export function subtractSpanLists(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const span of a) {
    let start = span.start;
    while (j < b.length && b[j]!.end <= start) j++;
    for (let k = j; k < b.length && b[k]!.start < span.end; k++) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** The characters of [0, length) outside the list. */
export function complementSpans(spans: readonly Span[], length: number): Span[] {
  return subtractSpanLists(length > 0 ? [{ start: 0, end: length }] : [], spans);
}
