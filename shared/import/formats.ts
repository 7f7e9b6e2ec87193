/**
 * What Marginalia imports, said once for the page (which refuses a file before uploading it),
 * the backend (which refuses it again, and reads it) and the CLI's help.
 */

/** Transcripts and other texts: each file becomes a document. */
export const documentExtensions = ['.txt', '.md', '.docx', '.odt', '.pdf', '.vtt', '.srt'] as const;
/** Spreadsheets: rows (or groups of rows) as documents, or an attribute table. */
export const spreadsheetExtensions = ['.csv', '.tsv', '.xlsx', '.xlsm'] as const;
/** REFI-QDA exchange files: a whole project, or a codebook. */
export const exchangeExtensions = ['.qdpx', '.qdc'] as const;
export const importExtensions = [...documentExtensions, ...spreadsheetExtensions, ...exchangeExtensions] as const;

/** The largest file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** How much of each speaker turn an import preview shows (UTF-16 units); a longer turn ends in "…". */
export const PREVIEW_TURN_CHARS = 160;

export type ImportKind = 'document' | 'spreadsheet' | 'refi-project' | 'refi-codebook';

/** The extension, lower-case, with its dot: "Interview.DOCX" → ".docx"; "" when there is none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The kind of file a name says it is; null when Marginalia does not import it. */
export function importKindOf(fileName: string): ImportKind | null {
  const ext = extensionOf(fileName);
  if ((spreadsheetExtensions as readonly string[]).includes(ext)) return 'spreadsheet';
  if (ext === '.qdpx') return 'refi-project';
  if (ext === '.qdc') return 'refi-codebook';
  return (documentExtensions as readonly string[]).includes(ext) ? 'document' : null;
}
