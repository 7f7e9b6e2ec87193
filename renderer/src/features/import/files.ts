/**
 * Files chosen or dropped for import, before they reach the backend: which ones Marginalia can
 * take, the size limit, their bytes as base64 for `import.stage`, and failure reasons as
 * sentences. Pure, apart from `encodeBase64` pausing so the page stays responsive.
 */
import { extensionOf, importExtensions, tooLargeToImport } from '../../../../shared/import/formats';

/** The file input's `accept`. */
export const importAccept = importExtensions.join(',');

/**
 * Why a file is refused before its bytes are even read, as a predicate to follow its name
 * ("is larger than 100 MB …"), or null when it may go ahead.
 */
export function refuseBeforeReading(file: { name: string; size: number }): string | null {
  const ext = extensionOf(file.name);
  if (!(importExtensions as readonly string[]).includes(ext)) {
    const what = ext ? `${ext} files` : 'files without an extension';
    return `cannot be imported: Marginalia does not read ${what} (it imports ${importExtensions.join(', ')})`;
  }
  return tooLargeToImport(file.size);
}

/** Bytes per base64 chunk: a multiple of 3, so the chunks' encodings join without padding in between. */
export const BASE64_CHUNK_BYTES = 3 * 256 * 1024;

/** Bytes per String.fromCharCode call: well under any engine's argument limit. */
const CHAR_CODE_SLICE = 0x8000;

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += CHAR_CODE_SLICE) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHAR_CODE_SLICE));
  }
  return out;
}

/**
 * The base64 of `bytes`, one chunk at a time: each chunk but the last is a multiple of 3 bytes
 * long, so joining the chunks' encodings gives the encoding of the whole.
 */
export function* base64Chunks(bytes: Uint8Array, chunkBytes = BASE64_CHUNK_BYTES): Generator<string> {
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0 || chunkBytes % 3 !== 0) {
    throw new RangeError(`base64 chunks must be a positive multiple of 3 bytes, not ${chunkBytes}`);
  }
  for (let i = 0; i < bytes.length; i += chunkBytes) {
    yield btoa(binaryString(bytes.subarray(i, i + chunkBytes)));
  }
}

/** Lets the page paint and handle input between chunks of a long job. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A file's bytes as base64, encoded a chunk at a time with a pause between chunks, so a large
 * file does not freeze the page. `onProgress` hears the fraction done.
 */
export async function encodeBase64(
  bytes: Uint8Array,
  options: { chunkBytes?: number; onProgress?: (fraction: number) => void } = {},
): Promise<string> {
  const chunkBytes = options.chunkBytes ?? BASE64_CHUNK_BYTES;
  const parts: string[] = [];
  let done = 0;
  for (const part of base64Chunks(bytes, chunkBytes)) {
    parts.push(part);
    done = Math.min(bytes.length, done + chunkBytes);
    options.onProgress?.(done / bytes.length);
    if (done < bytes.length) await pause();
  }
  return parts.join('');
}

/**
 * A reason as a sentence about the file. The backend words import failures as predicates of
 * the file name ("is not a Word document (.docx): …"); errors may also come as "name: reason"
 * or as whole sentences. Every form reads the same afterwards:
 * "broken.docx is not a Word document (.docx): it is not a zip archive."
 */
export function reasonSentence(fileName: string, reason: string): string {
  let text = reason.trim();
  const prefix = `${fileName}: `;
  if (text.startsWith(prefix)) text = text.slice(prefix.length).trim();
  if (text === '') text = 'could not be imported';
  const predicate = /^[a-z]/.test(text) && !text.startsWith(`${fileName} `);
  const sentence = predicate ? `${fileName} ${text}` : text;
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}
