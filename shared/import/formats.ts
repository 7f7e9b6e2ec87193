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

/** "874 bytes", "12 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/**
 * Why a file of `bytes` is refused for its size, as a predicate to follow its name, or null:
 * one sentence for the page (before uploading) and the backend (an upload or a path) alike.
 */
export function tooLargeToImport(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? `is larger than ${formatBytes(MAX_IMPORT_BYTES)} (it is ${formatBytes(bytes)}): split it into smaller files and import those` : null;
}

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
