/**
 * Text is normalised once, at import, and never again: offsets into it are forever.
 * No BOM, `\n` line ends, Unicode NFC.
 */
export function normaliseText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** A name as matched loosely (an attribute table's row against a document): case and spaces ignored. */
export function looseNameKey(name: string): string {
  return normaliseText(name).toLocaleLowerCase().replace(/\s+/g, '');
}
