import { cleanName } from '../../../shared/domain/names';
import type { Turn } from '../../../shared/domain/schemas';
import { normaliseText } from '../../../shared/text/normalise';
import { detectSpeakerPattern, splitTurns } from '../../../shared/text/turns';
import type { SpeakerPatternId } from '../../../shared/text/turns';
import { decodeText } from './encoding';
import { ImportError } from './types';
import type { DocumentReadOptions, ParsedDocument, SourceFile, SpeakerChoice } from './types';

/** Plain-text transcripts (.txt) and Markdown (.md, kept exactly as written: no rendering). */

/** "Interviews/ID1.docx" → "ID1": the file name without folders or extension, fit to be a name. */
export function documentName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return cleanName(dot > 0 ? base.slice(0, dot) : base) || 'Untitled document';
}

/** The speaker pattern a choice resolves to for this text: detected, given, or none. */
export function resolveSpeakerPattern(text: string, speakers: SpeakerChoice): SpeakerPatternId | null {
  if (speakers === 'none') return null;
  if (speakers === 'auto') return detectSpeakerPattern(text);
  return speakers;
}

export function turnsFor(text: string, speakers: SpeakerChoice): Turn[] {
  return splitTurns(text, resolveSpeakerPattern(text, speakers));
}

/**
 * The document for already-extracted text: normalised once, here, and split into turns.
 * Text with nothing in it is refused: a document must have something to code.
 */
export function buildDocument(file: SourceFile, rawText: string, speakers: SpeakerChoice): ParsedDocument {
  const text = normaliseText(rawText);
  if (text.trim() === '') throw new ImportError(file.name, 'is empty: it contains no text');
  return { name: documentName(file.name), text, turns: turnsFor(text, speakers), attributes: {} };
}

/** .txt and .md: decode (whatever the encoding), normalise, find turns. */
export function importTextFile(file: SourceFile, options: DocumentReadOptions): ParsedDocument {
  const { text, encoding } = decodeText(file, options.encoding);
  return { ...buildDocument(file, text, options.speakers), encoding };
}
