import { textEncodingLabels } from '../../../shared/text/encodings';
import type { TextEncodingName } from '../../../shared/text/encodings';
import { ImportError } from './types';
import type { SourceFile } from './types';

/**
 * Turning the bytes of a plain-text file (.txt, .md, .vtt, .srt) into a string. Transcripts
 * arrive from Word's "Save as Plain Text", Notepad, transcription services and old Windows
 * machines, so the encoding is found rather than assumed: a byte-order mark wins; then valid
 * UTF-8; then UTF-16 without a mark, recognised by its NUL bytes; otherwise Windows-1252.
 * Files that are not text at all are refused rather than decoded into garbage. When the guess
 * is wrong, the user names the encoding in the import preview and it is used as given.
 */

export type { TextEncodingName };

export interface DecodedText {
  /** The raw text: not normalised (callers run normaliseText), without a byte-order mark. */
  text: string;
  encoding: TextEncodingName;
}

/** Share of control characters beyond which a file is binary, not text. */
const maxControlShare = 0.01;

/**
 * Windows-1252 bytes 0x80–0x9F. Node 20's TextDecoder('windows-1252') decodes as Latin-1
 * (0x93 becomes U+0093, not “), so the table is applied here. The five undefined bytes map
 * to the C1 controls, as the WHATWG Encoding standard says, and count as control characters.
 */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(cp1252High[c.charCodeAt(0) - 0x80] ?? 0xfffd));
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
  return swapped;
}

/** Strict decoding: throws on malformed input instead of inserting U+FFFD. */
function strictDecode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(file: SourceFile, bytes: Uint8Array, bigEndian: boolean): string {
  const text = strictDecode(bigEndian ? swapBytePairs(bytes) : bytes, 'utf-16le');
  if (text === null) {
    throw new ImportError(file.name, `is damaged UTF-16 text (${bigEndian ? 'big' : 'little'}-endian): save it again as UTF-8 and import it`);
  }
  return text;
}

/**
 * UTF-16 without a byte-order mark: ASCII-range characters (spaces, line ends, Latin text)
 * have a NUL high byte, so NULs sit at odd offsets (little-endian) or even ones (big-endian)
 * and almost never at the other parity. Binary files have NULs at both.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 65_536);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = Math.floor(sample / 2);
  // Enough NULs to be a pattern (a tenth of the characters), and almost all on one side.
  if (odd >= 2 && odd * 10 >= pairs && even * 50 <= odd) return 'utf-16le';
  if (even >= 2 && even * 10 >= pairs && odd * 50 <= even) return 'utf-16be';
  return null;
}

function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x0b) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Refuses decoded text that is really binary: a NUL, or more than 1% control characters. */
function assertText(file: SourceFile, text: string): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) throw notText(file);
    if (isControl(code)) controls++;
  }
  // A DOS end-of-file marker (Ctrl-Z) at the very end is harmless.
  if (text.endsWith('\u001a')) controls--;
  if (controls > 0 && controls > text.length * maxControlShare) throw notText(file);
}

function notText(file: SourceFile): ImportError {
  return new ImportError(file.name, 'is not a text file: it contains binary data (is the extension right?)');
}

function assertNotEmpty(file: SourceFile, text: string): void {
  if (text.trim() === '') throw new ImportError(file.name, 'is empty');
}

/** The file's text in `chosen` encoding, or in the one detected when none is chosen. */
export function decodeText(file: SourceFile, chosen?: TextEncodingName): DecodedText {
  const bytes = file.bytes;
  if (bytes.length === 0) throw new ImportError(file.name, 'is empty');
  const result = chosen === undefined ? decodeBytes(file, bytes) : decodeAs(file, bytes, chosen);
  assertNotEmpty(file, result.text);
  return result;
}

function hasMark(bytes: Uint8Array, mark: readonly number[]): boolean {
  return mark.every((b, i) => bytes[i] === b);
}

/** Decodes in the encoding the user chose; a byte-order mark of that encoding is dropped. */
function decodeAs(file: SourceFile, bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  let text: string | null;
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      text = strictDecode(hasMark(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes, 'utf-8');
      break;
    case 'utf-16le':
    case 'utf-16be': {
      const bigEndian = encoding === 'utf-16be';
      const body = hasMark(bytes, bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) ? bytes.subarray(2) : bytes;
      text = strictDecode(bigEndian ? swapBytePairs(body) : body, 'utf-16le');
      break;
    }
    case 'windows-1252':
      text = decodeWindows1252(bytes);
      break;
    case 'iso-8859-1':
      // Every byte is a character (0x80–0x9F the C1 controls, which assertText counts).
      text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      break;
    case 'macintosh':
      // Every byte is a character; Node's and Electron's full ICU decode it.
      text = new TextDecoder('macintosh').decode(bytes);
      break;
  }
  const wrong = (why: string) => new ImportError(file.name, `cannot be read as ${textEncodingLabels[encoding]}: ${why}. Choose another encoding.`);
  if (text === null) throw wrong('it holds bytes that are not valid in that encoding');
  try {
    assertText(file, text);
  } catch {
    throw wrong('read that way it is not text but binary data');
  }
  return { text, encoding };
}

function decodeBytes(file: SourceFile, bytes: Uint8Array): DecodedText {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strictDecode(bytes.subarray(3), 'utf-8');
    if (text === null) {
      throw new ImportError(file.name, 'is marked as UTF-8 but is not valid UTF-8: save it again as UTF-8 and import it');
    }
    assertText(file, text);
    return { text, encoding: 'utf-8-bom' };
  }
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new ImportError(file.name, 'is UTF-32 text, which Marginalia does not read: save it as UTF-8 and import it');
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const bigEndian = b0 === 0xfe;
    const text = decodeUtf16(file, bytes.subarray(2), bigEndian);
    assertText(file, text);
    return { text, encoding: bigEndian ? 'utf-16be' : 'utf-16le' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = decodeUtf16(file, bytes, utf16 === 'utf-16be');
    assertText(file, text);
    return { text, encoding: utf16 };
  }
  // Eight-bit text never contains NUL: a file that does is binary (or UTF-16 too mixed to tell).
  if (bytes.includes(0)) throw notText(file);
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== null) {
    assertText(file, utf8);
    return { text: utf8, encoding: 'utf-8' };
  }
  const text = decodeWindows1252(bytes);
  assertText(file, text);
  return { text, encoding: 'windows-1252' };
}
