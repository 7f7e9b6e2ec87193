import type { Turn } from '../../../shared/domain/schemas';
import { normaliseText } from '../../../shared/text/normalise';
import { detectSpeakerPattern, speakerPatterns } from '../../../shared/text/turns';
import type { SpeakerPatternId } from '../../../shared/text/turns';
import { decodeText } from './encoding';
import { documentName } from './text-importer';
import { ImportError } from './types';
import type { DocumentReadOptions, ParsedDocument, SourceFile, SpeakerChoice } from './types';

/**
 * Subtitles and captions (.vtt WebVTT, .srt SubRip), as transcription services and video
 * platforms (Zoom, Teams, Otter, YouTube) export them.
 *
 * Each cue's speaker comes from a WebVTT voice tag (`<v Name>`) or, unless speakers are 'none',
 * from a label at the start of a line ("Name: …", or the pattern chosen). A cue without one
 * continues the speaker before it, as a paragraph without a label does in a transcript.
 * Consecutive cues of one speaker merge into one turn, timed from the first cue's start to
 * the last cue's end; cues without any speaker stay one paragraph each, with their own time.
 * Other markup (<i>, <b>, <c.loud>, <font>, inline timestamps, {\an8}) is dropped, entities
 * are decoded, and a cue's lines are joined by spaces (they are wrapped for the screen).
 *
 * The document text is the turns separated by blank lines, each written "Speaker: text" with
 * the label outside the turn span — the convention splitTurns uses for transcripts.
 */

export type SubtitleFormat = 'vtt' | 'srt';

export interface SubtitleCue {
  /** Seconds. */
  start: number;
  end: number;
  /** Cue text lines, as written (markup included). */
  lines: string[];
  /** 1-based line of the cue's timing line. */
  line: number;
}

const timing = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;
/** Hours optional (WebVTT allows mm:ss.ttt); either decimal sign, as converters mix them up. */
const timestamp = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;

const example: Record<SubtitleFormat, string> = {
  vtt: 'HH:MM:SS.mmm, e.g. 00:01:02.500',
  srt: 'HH:MM:SS,mmm, e.g. 00:01:02,500',
};

const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`;

function parseTimestamp(file: SourceFile, value: string, line: number, format: SubtitleFormat): number {
  const match = timestamp.exec(value);
  if (!match) {
    throw new ImportError(file.name, `has a malformed timestamp on line ${line}: ${quote(value)} (expected ${example[format]})`);
  }
  const [, h = '0', m = '0', s = '0', ms = '0'] = match;
  return (Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms)) / 1000;
}

function formatSeconds(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Splits normalised subtitle text into cues, refusing malformed timings with their line number. */
export function parseSubtitleCues(file: SourceFile, text: string, format: SubtitleFormat): SubtitleCue[] {
  const lines = text.split('\n');
  const cues: SubtitleCue[] = [];
  let i = 0;

  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      throw new ImportError(file.name, 'is not a WebVTT file: its first line should be “WEBVTT”');
    }
    // The header (WEBVTT and any metadata lines) runs to the first blank line.
    i = 1;
    while (i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.includes('-->')) i++;
  }

  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);

    if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;

    const timingIndex = block[0]!.includes('-->') ? 0 : block.length > 1 && block[1]!.includes('-->') ? 1 : -1;
    if (timingIndex === -1) {
      const previous = cues[cues.length - 1];
      // SubRip has no rule against a blank line inside a cue's text, and some tools write one.
      if (format === 'srt' && previous && !/^\d+$/.test(block[0]!.trim())) {
        previous.lines.push(...block);
        continue;
      }
      // After an identifier (an SRT index), the timing belongs on the next line.
      const at = block.length > 1 && /^\S+$/.test(block[0]!.trim()) ? 1 : 0;
      const expected = format === 'vtt' ? '00:00:01.000 --> 00:00:04.000' : '00:00:01,000 --> 00:00:04,000';
      throw new ImportError(file.name, `has no cue timing on line ${blockStart + at + 1}: expected “${expected}”, found ${quote(block[at]!.trim())}`);
    }
    const lineNumber = blockStart + timingIndex + 1;
    const match = timing.exec(block[timingIndex]!.trim());
    if (!match) {
      throw new ImportError(file.name, `has a malformed cue timing on line ${lineNumber}: ${quote(block[timingIndex]!.trim())} (expected “start --> end”, ${example[format]})`);
    }
    const start = parseTimestamp(file, match[1]!, lineNumber, format);
    const end = parseTimestamp(file, match[2]!, lineNumber, format);
    if (end < start) {
      throw new ImportError(file.name, `has a cue that ends before it starts on line ${lineNumber}: ${formatSeconds(start)} --> ${formatSeconds(end)}`);
    }
    cues.push({ start, end, lines: block.slice(timingIndex + 1), line: lineNumber });
  }
  return cues;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

/** A cue line without markup: tags, inline timestamps, SSA overrides; entities decoded. */
function plainLine(line: string): string {
  return decodeEntities(line.replace(/<[^>\n]*>/g, '').replace(/\{\\[^}\n]*\}/g, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

interface Piece {
  /** undefined: the cue said nothing about who speaks. */
  speaker: string | undefined;
  text: string;
}

/** Splits a cue's text at WebVTT voice tags: <v Name>, <v.loud Name>, closed by </v> or the next tag. */
function voiceSegments(cueText: string): { speaker: string | undefined; raw: string }[] {
  const segments: { speaker: string | undefined; raw: string }[] = [];
  const tag = /<v(?:\.[^ \t\n>]*)?(?:[ \t]+([^>\n]*))?>|<\/v>/g;
  let speaker: string | undefined;
  let last = 0;
  for (let match = tag.exec(cueText); match; match = tag.exec(cueText)) {
    segments.push({ speaker, raw: cueText.slice(last, match.index) });
    speaker = match[0] === '</v>' ? undefined : decodeEntities(match[1] ?? '').trim() || undefined;
    last = match.index + match[0].length;
  }
  segments.push({ speaker, raw: cueText.slice(last) });
  return segments;
}

/** A cue's pieces: voice-tagged parts, and within untagged parts, lines opening with a label. */
function cuePieces(cue: SubtitleCue, label: RegExp | null, voices: boolean): Piece[] {
  const pieces: Piece[] = [];
  for (const segment of voiceSegments(cue.lines.join('\n'))) {
    const voice = voices ? segment.speaker : undefined;
    let current: Piece | null = null;
    for (const rawLine of segment.raw.split('\n')) {
      const line = plainLine(rawLine);
      if (line === '') continue;
      const match = voice === undefined && label ? label.exec(line) : null;
      if (match) {
        current = { speaker: (match[1] ?? '').trim() || undefined, text: line.slice(match[0].length).trim() };
        pieces.push(current);
      } else if (current) {
        current.text += ` ${line}`;
      } else {
        current = { speaker: voice, text: line };
        pieces.push(current);
      }
    }
  }
  return pieces.filter((p) => p.text !== '');
}

export interface TimedTurn {
  speaker: string | null;
  text: string;
  start: number;
  end: number;
  cue: number;
}

function labelPattern(cues: SubtitleCue[], speakers: SpeakerChoice): RegExp | null {
  let id: SpeakerPatternId | null;
  if (speakers === 'none') id = null;
  else if (speakers === 'auto') {
    // Only lines outside voice tags can carry a label.
    const lines = cues.flatMap((cue) =>
      voiceSegments(cue.lines.join('\n'))
        .filter((segment) => segment.speaker === undefined)
        .flatMap((segment) => segment.raw.split('\n').map(plainLine)),
    );
    id = detectSpeakerPattern(lines.filter((l) => l !== '').join('\n'));
  } else id = speakers;
  return speakerPatterns.find((p) => p.id === id)?.regex ?? null;
}

/** Turns with times from cues: speakers resolved, continued and merged as described above. */
export function subtitleTurns(cues: SubtitleCue[], speakers: SpeakerChoice): TimedTurn[] {
  const voices = speakers !== 'none';
  const label = labelPattern(cues, speakers);
  const turns: TimedTurn[] = [];
  let speaker: string | null = null;
  cues.forEach((cue, index) => {
    for (const piece of cuePieces(cue, label, voices)) {
      if (piece.speaker !== undefined) speaker = piece.speaker.normalize('NFC');
      else if (!voices) speaker = null;
      const text = piece.text.normalize('NFC');
      const last = turns[turns.length - 1];
      const sameTurn = last && last.speaker === speaker && (speaker !== null || last.cue === index);
      if (last && sameTurn) {
        last.text += ` ${text}`;
        last.end = Math.max(last.end, cue.end);
        last.cue = index;
      } else {
        turns.push({ speaker, text, start: cue.start, end: cue.end, cue: index });
      }
    }
  });
  return turns;
}

function subtitleFormat(fileName: string): SubtitleFormat {
  return fileName.toLowerCase().endsWith('.vtt') ? 'vtt' : 'srt';
}

export function importSubtitleFile(file: SourceFile, options: DocumentReadOptions): ParsedDocument {
  const format = subtitleFormat(file.name);
  const decoded = decodeText(file, options.encoding);
  const source = normaliseText(decoded.text);
  const cues = parseSubtitleCues(file, source, format);
  const timed = subtitleTurns(cues, options.speakers);
  if (timed.length === 0) throw new ImportError(file.name, 'is empty: it contains no subtitle cues with text');

  let text = '';
  const turns: Turn[] = [];
  for (const turn of timed) {
    if (text !== '') text += '\n\n';
    if (turn.speaker !== null) text += `${turn.speaker}: `;
    const start = text.length;
    text += turn.text;
    turns.push({ start, end: text.length, speaker: turn.speaker, time: { start: turn.start, end: turn.end } });
  }
  return { name: documentName(file.name), text, turns, attributes: {}, encoding: decoded.encoding };
}
