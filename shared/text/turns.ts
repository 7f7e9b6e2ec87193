import type { Turn } from '../domain/schemas';

/**
 * Speaker-turn detection for transcripts. A line that opens with a speaker label starts a
 * turn; the lines after it, until the next label, continue it. The label itself is not part
 * of the turn's span, so the reader can show it in the margin column.
 */

export type SpeakerPatternId = 'colon' | 'bracket' | 'dash';

interface SpeakerPattern {
  id: SpeakerPatternId;
  description: string;
  /** Group 1 is the speaker; the match ends where the speech begins. */
  regex: RegExp;
}

// Labels are short and capitalised ("Facilitator", "Participant 3", "Youth worker", "P1"),
// so a sentence that merely contains a colon is not mistaken for a speaker.
const LABEL = "[A-Z][A-Za-z0-9 .'’()&/-]{0,38}[A-Za-z0-9)]|[A-Z]";

export const speakerPatterns: readonly SpeakerPattern[] = [
  { id: 'colon', description: 'Name: text', regex: new RegExp(`^(${LABEL}):[ \\t]+(?=\\S)`) },
  { id: 'bracket', description: '[id1] text', regex: /^\[([^\]\n]{1,40})\][ \t]*(?=\S)/ },
  { id: 'dash', description: 'P1 – text / Facilitator - text', regex: new RegExp(`^(${LABEL})[ \\t]+[-–—][ \\t]+(?=\\S)`) },
];

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Splits text into turns using one pattern. Text before the first label is a turn with no speaker. */
export function splitTurns(text: string, patternId: SpeakerPatternId | null): Turn[] {
  const pattern = speakerPatterns.find((p) => p.id === patternId);
  const turns: Turn[] = [];
  let current: Turn | null = null;
  const close = () => {
    if (current && current.end > current.start) turns.push(current);
    current = null;
  };
  for (const start of lineStarts(text)) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.trim() === '') continue;
    const match = pattern?.regex.exec(line);
    if (match) {
      close();
      current = { start: start + match[0].length, end, speaker: (match[1] ?? '').trim() };
    } else if (current && (pattern || current.end === start - 1)) {
      // With a speaker pattern a paragraph continues its speaker's turn; without one each
      // paragraph (lines separated by a blank line) is its own turn.
      current.end = end;
    } else {
      close();
      current = { start, end, speaker: null };
    }
  }
  close();
  return turns;
}

/** The pattern that labels the most lines, if it labels at least two and a fifth of the paragraphs. */
export function detectSpeakerPattern(text: string): SpeakerPatternId | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let best: { id: SpeakerPatternId; hits: number } | null = null;
  for (const pattern of speakerPatterns) {
    const hits = lines.filter((l) => pattern.regex.test(l)).length;
    if (hits >= 2 && hits * 5 >= lines.length && (!best || hits > best.hits)) best = { id: pattern.id, hits };
  }
  return best?.id ?? null;
}
