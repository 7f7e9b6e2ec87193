import { AppError } from '../../../shared/api/errors';
import type { AttributeValue, Turn } from '../../../shared/domain/schemas';
import type { TextEncodingName } from '../../../shared/text/encodings';
import type { SpeakerPatternId } from '../../../shared/text/turns';
import { MAX_IMPORT_BYTES } from '../../../shared/import/formats';

/**
 * Importers turn a file's bytes into documents ready for the store. They never touch a
 * project: a file either yields all its documents or throws an ImportError saying why,
 * and the caller adds the documents only then.
 */

/** How speaker turns are found: detected, a given pattern, or none (paragraphs). */
export type SpeakerChoice = 'auto' | 'none' | SpeakerPatternId;

/** How to read one document: speaker turns, and (plain text only) the encoding if not detected. */
export interface DocumentReadOptions {
  speakers: SpeakerChoice;
  encoding?: TextEncodingName;
}

export interface ParsedDocument {
  name: string;
  /** Normalised text (see shared/text/normalise.ts). */
  text: string;
  turns: Turn[];
  attributes: Record<string, AttributeValue>;
  /** The encoding a plain-text file was read in; absent for formats that carry their own. */
  encoding?: TextEncodingName;
}

/** A file's bytes and name, however they reached the backend (a path on disk, an upload). */
export interface SourceFile {
  /** The file name as the user knows it, e.g. "ID1.docx". */
  name: string;
  bytes: Uint8Array;
}

/** An AppError, so one that reaches a transport (an oversize upload, say) is reported as the file's fault, not INTERNAL. */
export class ImportError extends AppError {
  constructor(
    /** The file, as the user named it. */
    override readonly file: string,
    /** What is wrong, in words a researcher can act on. */
    readonly reason: string,
  ) {
    super('INVALID_INPUT', `${file}: ${reason}`, file);
    this.name = 'ImportError';
  }
}

/** Limits that keep a hostile or broken file from exhausting memory or time. */
export const importLimits = {
  /** Largest file accepted, in bytes. */
  maxFileBytes: MAX_IMPORT_BYTES,
  /** Largest total uncompressed size of an archive (docx, odt, xlsx, qdpx). */
  maxArchiveBytes: 512 * 1024 * 1024,
  /** Largest compression ratio of any archive entry: beyond it, a zip bomb. */
  maxCompressionRatio: 200,
  maxArchiveEntries: 20_000,
  /** Time a spreadsheet parse may take in its worker. */
  spreadsheetTimeoutMs: 20_000,
  /** Time a PDF's text extraction may take in its worker. */
  pdfTimeoutMs: 60_000,
  pdfMaxPages: 2_000,
  /** Characters of text in one PDF (a long book is about two million). */
  pdfMaxChars: 10_000_000,
} as const;
