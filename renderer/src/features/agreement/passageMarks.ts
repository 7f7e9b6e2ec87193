import type { Span } from '../../../../shared/text/spans';
import { unionSpans } from '../../../../shared/text/spans';

/**
 * What each coder coded inside a disagreement passage, as runs of text to mark: the characters
 * both coded, only A, only B. Pure, for the side-by-side versions and their tests.
 */

export interface MarkRun {
  start: number;
  end: number;
  /** Coded by coder A / coder B. */
  a: boolean;
  b: boolean;
}

const covers = (spans: readonly Span[], at: number) => spans.some((s) => s.start <= at && at < s.end);

/** [start, end) cut wherever either coder's coding begins or ends; neighbours alike are joined. */
export function markRuns(start: number, end: number, spansA: readonly Span[], spansB: readonly Span[]): MarkRun[] {
  const cuts = new Set<number>([start, end]);
  for (const s of [...spansA, ...spansB]) {
    if (s.start > start && s.start < end) cuts.add(s.start);
    if (s.end > start && s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const runs: MarkRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const a = covers(spansA, from);
    const b = covers(spansB, from);
    const last = runs[runs.length - 1];
    if (last && last.a === a && last.b === b) last.end = to;
    else runs.push({ start: from, end: to, a, b });
  }
  return runs;
}

/** How a run looks in one coder's version: coded by both, coded by this coder only, or not by this coder. */
export type VersionLook = 'both' | 'only' | 'none';

export interface VersionRun {
  start: number;
  end: number;
  look: VersionLook;
}

/** One coder's version of the passage: their coded characters, split into shared and their own. */
export function versionRuns(runs: readonly MarkRun[], side: 'A' | 'B'): VersionRun[] {
  const out: VersionRun[] = [];
  for (const run of runs) {
    const mine = side === 'A' ? run.a : run.b;
    const theirs = side === 'A' ? run.b : run.a;
    const look: VersionLook = !mine ? 'none' : theirs ? 'both' : 'only';
    const last = out[out.length - 1];
    if (last && last.look === look) last.end = run.end;
    else out.push({ start: run.start, end: run.end, look });
  }
  return out;
}

/** Characters in runs matching a test: "only A coded 50". */
export function runLength(runs: readonly MarkRun[], test: (run: MarkRun) => boolean): number {
  return runs.filter(test).reduce((sum, r) => sum + r.end - r.start, 0);
}

/** "100–200", "100–150 and 180–200": offsets as the reader counts them. */
export function describeSpans(spans: readonly Span[]): string {
  if (spans.length === 0) return 'nothing';
  const parts = spans.map((s) => `${s.start}–${s.end}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What the consensus coder holds for a passage, read back from its codings. */
export type PassageState = 'open' | 'A' | 'B' | 'both' | 'other';

const sameSpans = (x: readonly Span[], y: readonly Span[]) => x.length === y.length && x.every((s, i) => s.start === y[i]!.start && s.end === y[i]!.end);

/**
 * Whether a disagreement has been settled into the consensus coder, and how: the consensus
 * codings at the code, cut to the passage, equal A's, B's or both coders' parts. Nothing there
 * reads as open (a decision for neither leaves nothing to read; the view remembers those).
 */
export function passageState(passage: { start: number; end: number; spansA: readonly Span[]; spansB: readonly Span[] }, consensus: readonly Span[]): PassageState {
  const inside = unionSpans(
    consensus
      .filter((s) => s.start < passage.end && s.end > passage.start)
      .map((s) => ({ start: Math.max(s.start, passage.start), end: Math.min(s.end, passage.end) })),
  );
  if (inside.length === 0) return 'open';
  if (sameSpans(inside, unionSpans(passage.spansA))) return 'A';
  if (sameSpans(inside, unionSpans(passage.spansB))) return 'B';
  if (sameSpans(inside, unionSpans([...passage.spansA, ...passage.spansB]))) return 'both';
  return 'other';
}

/** A passage's identity across refreshes: document, code, extent. */
export function passageKey(p: { documentId: string; codeId: string; start: number; end: number }): string {
  return `${p.documentId}:${p.codeId}:${p.start}:${p.end}`;
}

/** A file's text as base64 (UTF-8), for saving through the same path as every export. */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
