import type { AttributeValue, Turn } from '../../../shared/domain/schemas';
import type { SpeakerPatternId } from '../../../shared/text/turns';
import { MAX_IMPORT_BYTES } from '../../../shared/import/formats';

/**
 * Importers turn a file's bytes into documents ready for the store. They never touch a
 * project: a file either yields all its documents or throws an ImportError saying why,
 * and the caller adds the documents only then.
 */

/** How speaker turns are found: detected, a given pattern, or none (paragraphs). */
export type SpeakerChoice = 'auto' | 'none' | SpeakerPatternId;

export interface ParsedDocument {
  name: string;
  /** Normalised text (see shared/text/normalise.ts). */
  text: string;
  turns: Turn[];
  attributes: Record<string, AttributeValue>;
}

/** A file's bytes and name, however they reached the backend (a path on disk, an upload). */
export interface SourceFile {
  /** The file name as the user knows it, e.g. "ID1.docx". */
  name: string;
  bytes: Uint8Array;
}

export class ImportError extends Error {
  constructor(
    /** The file, as the user named it. */
    readonly file: string,
    /** What is wrong, in words a researcher can act on. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
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
} as const;
