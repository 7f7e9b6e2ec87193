import yazl from 'yazl';
import { ImportError } from '../../../electron/services/import/types';

/** Builds zip archives in memory for tests, and damages them in controlled ways. */

export interface ZipEntrySpec {
  /** A name ending in / is a directory entry. */
  name: string;
  data: string | Uint8Array;
  /** Unix mode, stored in the high 16 bits of the external attributes (0o120777: a symlink). */
  mode?: number;
  /** Deflate (default) or store. */
  compress?: boolean;
}

export function makeZip(entries: ZipEntrySpec[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) {
      zip.addEmptyDirectory(entry.name, { mtime: new Date(2024, 0, 1) });
      continue;
    }
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    zip.addBuffer(data, entry.name, {
      compress: entry.compress ?? true,
      mtime: new Date(2024, 0, 1),
      ...(entry.mode === undefined ? {} : { mode: entry.mode }),
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/** Replaces every occurrence of `from` with `to` (same length): how names yazl refuses get in. */
export function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('replaceBytes keeps lengths equal');
  const out = Buffer.from(bytes);
  const needle = Buffer.from(from, 'latin1');
  let found = 0;
  for (let i = out.indexOf(needle); i !== -1; i = out.indexOf(needle, i + needle.length)) {
    out.write(to, i, 'latin1');
    found++;
  }
  if (found === 0) throw new Error(`${from} not found`);
  return new Uint8Array(out);
}

const localSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const centralSignature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/** Offsets of every local and central header: [offset of the header, 'local' | 'central']. */
function headers(bytes: Buffer): [number, 'local' | 'central'][] {
  const found: [number, 'local' | 'central'][] = [];
  for (let i = bytes.indexOf(localSignature); i !== -1; i = bytes.indexOf(localSignature, i + 4)) found.push([i, 'local']);
  for (let i = bytes.indexOf(centralSignature); i !== -1; i = bytes.indexOf(centralSignature, i + 4)) found.push([i, 'central']);
  return found;
}

/** Sets general-purpose bits (bit 0: encrypted) in every local and central header. */
export function setGeneralPurposeFlag(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Buffer.from(bytes);
  for (const [at, kind] of headers(out)) {
    const offset = at + (kind === 'local' ? 6 : 8);
    out.writeUInt16LE(out.readUInt16LE(offset) | bit, offset);
  }
  return new Uint8Array(out);
}

/** Overwrites the uncompressed size every header claims (a header that lies). */
export function setClaimedSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = Buffer.from(bytes);
  for (const [at, kind] of headers(out)) out.writeUInt32LE(size, at + (kind === 'local' ? 22 : 24));
  return new Uint8Array(out);
}

/** Sets the compression method in every header (12 is bzip2). */
export function setCompressionMethod(bytes: Uint8Array, method: number): Uint8Array {
  const out = Buffer.from(bytes);
  for (const [at, kind] of headers(out)) out.writeUInt16LE(method, at + (kind === 'local' ? 8 : 10));
  return new Uint8Array(out);
}

/** The reason of the ImportError a promise (or function) fails with; fails the test otherwise. */
export async function reasonOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof ImportError) return error.reason;
    throw error;
  }
  throw new Error('expected an ImportError, but the import succeeded');
}

/** A deterministic stream of pseudo-random bytes (binary garbage). */
export function garbage(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
