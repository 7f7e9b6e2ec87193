/**
 * Values as SpreadsheetML writes them: column letters, dates as Excel serial numbers, and text
 * escaped for XML the way Excel reads it back unchanged.
 */

/** A1-style column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The Excel serial number (days since 1899-12-30, time as a fraction) of a Date's local time. */
export function excelSerial(date: Date): number | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  // The local clock time as if it were UTC (one time-zone look-up, not one per date part).
  const local = time - date.getTimezoneOffset() * 60_000;
  let serial = local / 86_400_000 + 25_569;
  // Excel counts a 29 February 1900 that never was: days before 1 March 1900 are one lower.
  if (serial < 61) serial -= 1;
  return serial < 1 ? null : serial;
}

/** Anything that needs more than a copy: markup, underscores (Excel's _xHHHH_ escapes), controls, surrogates. */
// eslint-disable-next-line no-control-regex
const needsWork = /[&<>_\u0000-\u0008\u000b-\u001f\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const special = /[&<>]|_(?=x[0-9a-fA-F]{4}_)|[\u0000-\u0008\u000b-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function replacement(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    // A literal "_x0041_" would be read as the escape for "A": its underscore is escaped.
    case '_':
      return '_x005F_';
  }
  // A lone surrogate cannot be encoded at all; controls XML cannot hold go as Excel's _xHHHH_.
  const code = ch.charCodeAt(0);
  if (code >= 0xd800) return '\ufffd';
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/**
 * Text for a cell's <t> element. Control characters become Excel's own escapes (_x0007_) and
 * a literal _xHHHH_ is protected, so a spreadsheet program shows exactly the text written; a
 * lone surrogate half, which no encoding can hold, becomes U+FFFD. CR is escaped too: an XML
 * parser would otherwise turn it into LF.
 */
export function cellText(text: string): string {
  return needsWork.test(text) ? text.replace(special, replacement) : text;
}

/** Text for XML attributes and other markup written once (names, headers in definitions). */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
