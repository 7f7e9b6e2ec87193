import { describeScheme, sameScheme, schemeForOrigin, standardScheme } from './offsets';
import type { OffsetScheme, SourcePositions } from './offsets';

/**
 * Which scheme a REFI-QDA project's selection positions were counted in (see offsets.ts), when
 * its program is unknown or its selections say otherwise. Each scheme is tried on the
 * selections themselves: the one whose spans start and end between words, and match the
 * quotations' names, fits. Kept apart from the mapping so the guess can be tested on its own.
 */

/** A letter or digit: a span boundary between two of these cuts a word. */
const wordChar = /[\p{L}\p{N}\p{M}]/u;

function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

function charAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Does a boundary at `index` fall inside a word? */
export function cutsWord(text: string, index: number): boolean {
  return wordChar.test(charBefore(text, index)) && wordChar.test(charAt(text, index));
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** ATLAS.ti and others name a quotation after its opening words ("For some reason babies…"). */
function nameMatches(name: string | undefined, selected: string): boolean {
  if (!name) return false;
  const stem = collapse(name.replace(/(…|\.\.\.)\s*$/, ''));
  if (stem.length < 8) return false;
  const text = collapse(selected);
  return text.startsWith(stem) || (text.length >= 8 && stem.startsWith(text));
}

export interface EvidenceSelection {
  start: number;
  end: number;
  name?: string;
}

export interface EvidenceSource {
  positions: SourcePositions;
  selections: EvidenceSelection[];
}

export interface SchemeDecision {
  scheme: OffsetScheme;
  /** origin: the program is known; evidence: the selections fit another scheme clearly better; standard: the REFI-QDA default. */
  decidedBy: 'origin' | 'evidence' | 'standard';
  /** Why, in words for the import report. */
  explanation: string;
}

/**
 * How well selections counted in a scheme fit the text: each end that does not cut a word
 * scores 1, a selection whose name is its opening words 2, one that cannot be placed −3.
 */
export function schemeScore(sources: readonly EvidenceSource[], scheme: OffsetScheme): number {
  let score = 0;
  for (const { positions, selections } of sources) {
    for (const s of selections) {
      const placed = positions.place(s.start, s.end, scheme);
      if (!placed.ok) {
        score -= 3;
        continue;
      }
      if (!cutsWord(positions.text, placed.start)) score++;
      if (!cutsWord(positions.text, placed.end)) score++;
      if (nameMatches(s.name, positions.text.slice(placed.start, placed.end))) score += 2;
    }
  }
  return score;
}

const allSchemes: OffsetScheme[] = [
  { unit: 'codepoint', crlfAsOne: false },
  { unit: 'utf16', crlfAsOne: false },
  { unit: 'codepoint', crlfAsOne: true },
  { unit: 'utf16', crlfAsOne: true },
];

/**
 * The scheme for a project: the one its program is known to use (or the standard's), unless
 * the selections themselves fit another clearly better. Schemes only differ on texts with
 * CR LF or characters beyond the Basic Multilingual Plane; with neither, there is nothing to decide.
 */
export function chooseScheme(origin: string | undefined, sources: readonly EvidenceSource[]): SchemeDecision {
  const known = schemeForOrigin(origin);
  const preferred = known ?? standardScheme;
  const base: SchemeDecision = known
    ? { scheme: known, decidedBy: 'origin', explanation: `${origin} counts in ${describeScheme(known)}` }
    : {
        scheme: preferred,
        decidedBy: 'standard',
        explanation: `${origin ? `${origin} is not a program whose counting is known` : 'The export does not say which program wrote it'}: positions read as the standard says (${describeScheme(preferred)})`,
      };
  const relevant = sources.filter((s) => s.selections.length > 0 && (s.positions.hasCrlf || s.positions.hasAstral));
  if (relevant.length === 0) return base;
  const crlf = relevant.some((s) => s.positions.hasCrlf);
  const astral = relevant.some((s) => s.positions.hasAstral);
  const candidates = allSchemes.filter(
    (c) => (astral || c.unit === preferred.unit) && (crlf || c.crlfAsOne === preferred.crlfAsOne),
  );
  const selections = relevant.reduce((n, s) => n + s.selections.length, 0);
  const preferredScore = schemeScore(relevant, preferred);
  let best = { scheme: preferred, score: preferredScore };
  for (const candidate of candidates) {
    if (sameScheme(candidate, preferred)) continue;
    const score = schemeScore(relevant, candidate);
    if (score > best.score) best = { scheme: candidate, score };
  }
  // Switch only on a clear margin: a tenth of the selections, and at least two points.
  if (!sameScheme(best.scheme, preferred) && best.score - preferredScore >= Math.max(2, selections / 10)) {
    return {
      scheme: best.scheme,
      decidedBy: 'evidence',
      explanation: `the selections fit ${describeScheme(best.scheme)} clearly better than ${describeScheme(preferred)} (${best.score} against ${preferredScore} points over ${selections} selections)`,
    };
  }
  return base;
}
