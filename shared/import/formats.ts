/**
 * The file formats Marginalia imports, in one list for the backend (which importer reads a
 * file), the import dialog (what the file chooser offers) and the CLI's help.
 */

/** Files that each become one document. */
export const documentExtensions = ['.txt', '.md', '.docx', '.odt', '.pdf', '.vtt', '.srt'] as const;
export const spreadsheetExtensions = ['.csv', '.tsv', '.xlsx', '.xlsm'] as const;
export const refiExtensions = ['.qdpx', '.qdc'] as const;

export const supportedExtensions = [...documentExtensions, ...spreadsheetExtensions, ...refiExtensions] as const;
