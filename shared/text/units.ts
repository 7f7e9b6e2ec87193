import type { Turn } from '../domain/schemas';
import { paragraphSpans } from './paragraphs';
import { firstWhere, intersectSpanLists, trimSpan } from './spans';
import type { Span } from './spans';

/**
 * Context units: what "code all results as …" codes around each search match. Units are the
 * document's own structure, never crossing a speaker turn and never taking in a speaker label
 * (the reader shows labels in the margin, apart from the text that is coded):
 * - turn: a speaker turn as detected at import (a document without turns: each paragraph);
 * - paragraph: a paragraph, or the part of it in one turn when a paragraph holds several turns;
 * - sentence: a sentence of such a paragraph (Unicode's sentence rules, with a few common
 *   abbreviations such as "Dr." not ending one; a line end inside a paragraph is a wrapped
 *   line, not the end of a sentence).
 */
export const contextUnits = ['match', 'sentence', 'paragraph', 'turn'] as const;
export type ContextUnit = (typeof contextUnits)[number];

/** Turns, or every paragraph when the document has no turns. Sorted, disjoint, trimmed. */
function turnUnits(text: string, turns: readonly Turn[]): Span[] {
  const spans = turns.length > 0 ? turns.map((t) => ({ start: t.start, end: t.end })) : paragraphSpans(text);
  return spans.flatMap((s) => trimSpan(text, s) ?? []);
}

/** Paragraphs cut at turn boundaries, labels left out. */
function paragraphUnits(text: string, turns: readonly Turn[]): Span[] {
  return intersectSpanLists(paragraphSpans(text), turnUnits(text, turns)).flatMap((s) => trimSpan(text, s) ?? []);
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** A segment ending in one of these is not a sentence yet ("Dr. Okafor said …"). */
const ABBREVIATION = /(?:^|[\s("'‘“])(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|vs|e\.g|i\.e|cf|approx)\.\s*$/i;

function sentencesIn(text: string, block: Span): Span[] {
  // Same length with spaces for line ends, so offsets into the slice stay offsets into the text.
  const slice = text.slice(block.start, block.end).replace(/\n/g, ' ');
  const out: Span[] = [];
  let from: number | null = null;
  for (const { index, segment } of sentenceSegmenter.segment(slice)) {
    from ??= block.start + index;
    if (ABBREVIATION.test(segment)) continue;
    const sentence = trimSpan(text, { start: from, end: block.start + index + segment.length });
    if (sentence) out.push(sentence);
    from = null;
  }
  const rest = from === null ? null : trimSpan(text, { start: from, end: block.end });
  if (rest) out.push(rest);
  return out;
}

/** The units of one kind in a document: sorted, disjoint, without surrounding white space. */
export function contextUnitSpans(text: string, turns: readonly Turn[], unit: Exclude<ContextUnit, 'match'>): Span[] {
  if (unit === 'turn') return turnUnits(text, turns);
  const paragraphs = paragraphUnits(text, turns);
  return unit === 'paragraph' ? paragraphs : paragraphs.flatMap((p) => sentencesIn(text, p));
}

/**
 * Spans as one coder's codings at one code end up: sorted, overlapping ones joined, touching
 * ones kept apart (as mergeCodings keeps them), each distinct passage once.
 */
export function joinOverlapping(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/**
 * Each match widened to the units it touches (a match across a sentence end takes both
 * sentences); a match in a speaker label, between units, takes the unit it labels, the one
 * that follows; a match after the last unit stays as it is. Overlapping results are joined.
 */
export function widenToUnits(matches: readonly Span[], units: readonly Span[]): Span[] {
  const widened = matches.map((m) => {
    const first = firstWhere(units.length, (i) => units[i]!.end > m.start);
    if (first === units.length) return m;
    const last = Math.max(first, firstWhere(units.length, (i) => units[i]!.start >= m.end) - 1);
    return { start: units[first]!.start, end: units[last]!.end };
  });
  return joinOverlapping(widened);
}

/** The passages to code in one document for its matches, as `unit`. */
export function passagesForMatches(text: string, turns: readonly Turn[], matches: readonly Span[], unit: ContextUnit): Span[] {
  return unit === 'match' ? joinOverlapping(matches) : widenToUnits(matches, contextUnitSpans(text, turns, unit));
}
