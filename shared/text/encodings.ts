/**
 * The text encodings Marginalia reads plain-text and CSV files in. Detection picks one (see
 * electron/services/import/encoding.ts); the import preview names it and lets the user choose
 * another when the guess is wrong (an old Windows file read as UTF-8, say). ISO-8859-1 and Mac
 * Roman are never detected (their bytes cannot be told from Windows-1252's): the user names them.
 */
export const textEncodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'macintosh'] as const;
export type TextEncodingName = (typeof textEncodings)[number];

/** Names as a researcher meets them in "Save as" dialogs. */
export const textEncodingLabels: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with byte-order mark',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  macintosh: 'Mac Roman (classic Mac OS)',
};

