import type { TextEncodingName } from '../../text/encodings';
import type { ChangeResult } from './project-views';

/** Imports and exports: what an import inspection shows, what a run or an export returns. */

export interface CoderImportReport {
  coder: string;
  codings: number;
  memos: number;
  replacedEarlierImport: boolean;
  unmatchedDocuments: string[];
  unmatchedCodes: string[];
  skippedCodings: number;
  skippedMemos: number;
}

export interface ExchangeImportResult {
  change: ChangeResult;
  reports: CoderImportReport[];
  /** Coders of a colleague's project left out, with why (you; a coder already working here). */
  skippedCoders: { coder: string; reason: string }[];
}

/** A file to import: uploaded and waiting (browser mode, drag and drop), or a path on this computer. */
export type ImportSource = { stagedId: string } | { path: string };

export interface ImportItemOptions {
  /** How speaker turns are found in a document: detected, a given pattern, or none. */
  speakers?: 'auto' | 'none' | 'colon' | 'bracket' | 'dash';
  /** A plain-text or CSV file's encoding, when the detected one is wrong. */
  encoding?: TextEncodingName;
  /** Cut lines longer than LONG_LINE_CHARS into paragraphs (a transcript saved as one line). */
  splitLongLines?: boolean;
  /** For a spreadsheet of texts: which columns hold the text, and rows or groups as documents. */
  spreadsheet?: { sheet?: string; textColumns: string[]; mode: 'row' | 'group'; groupColumn?: string; nameColumn?: string };
  /** For a spreadsheet of attributes: one row per existing document, matched by name. */
  attributeTable?: { sheet?: string; nameColumn: string };
  /**
   * For a REFI-QDA project: whose a coding is when it names another user than its selection, and
   * whether to merge a coder's overlapping codings at one code (kept as the file has them by default).
   */
  refi?: { coderFrom?: 'selection' | 'coding'; mergeOverlaps?: boolean };
}

export interface ImportInspection {
  fileName: string;
  kind: 'document' | 'spreadsheet' | 'refi-project' | 'refi-codebook';
  document?: {
    name: string;
    characters: number;
    /** The length of its longest line: over LONG_LINE_CHARS, the dialog offers to split such lines. */
    longestLine: number;
    speakerPattern: 'colon' | 'bracket' | 'dash' | null;
    /** The encoding the text was read in (detected or chosen); null for formats that carry their own (Word, OpenDocument). */
    encoding: TextEncodingName | null;
    /** The first turns as they would be imported. */
    turns: { speaker: string | null; text: string }[];
    /** A document already in the project with the same text, if any. */
    duplicateOf: string | null;
  };
  spreadsheet?: {
    /** The encoding a CSV file was read in (detected or chosen); null for workbooks (.xlsx). */
    encoding: TextEncodingName | null;
    sheets: {
      name: string;
      columns: string[];
      rowCount: number;
      sample: string[][];
      suggested: { textColumns: string[]; nameColumn?: string; groupColumn?: string };
    }[];
  };
  /**
   * A REFI-QDA project: how many codings name another user than their selection (the dialog then
   * asks whose they are), and how many overlap another of the same coder at the same code (the
   * dialog then offers to merge them).
   */
  refi?: { codingsWithOtherUser: number; codingsOverlapping: number };
}

export interface ImportResult {
  fileName: string;
  status: 'imported' | 'skipped' | 'failed';
  /** Names of the documents added. */
  documents: string[];
  message: string;
  /** Items not imported and other remarks, one per line. */
  details: string[];
}

export interface ImportRunResult {
  results: ImportResult[];
  /** The import as one undoable change; null when nothing was imported. */
  change: ChangeResult | null;
}

/** A file made for the user to save: its suggested name and bytes (base64), with any notes on it. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  /** What had to be cut or renamed to fit Excel's limits, and similar remarks. */
  notes: string[];
}

/**
 * A large export (a workbook, CSV or REFI-QDA file the export dialog asked for): written by the
 * backend to a file of its own, and read back a piece at a time with export.read, so that no
 * one reply carries the whole file through the backend (which would hold it up for seconds).
 */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** What export.read asks for. */
  fileId: string;
  /** Its size in bytes. */
  bytes: number;
  /** What had to be cut or renamed to fit Excel's limits, and similar remarks. */
  notes: string[];
}

/** One piece of an exported file; nextOffset null: that was the last, and the backend has deleted the file. */
export interface ExportChunk {
  base64: string;
  nextOffset: number | null;
}
