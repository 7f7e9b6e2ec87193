import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ImportError, importLimits } from './types';
import type { SourceFile } from './types';

/**
 * Reading zip-based files (docx, odt, xlsx, qdpx) safely.
 *
 * readArchive(file, options) resolves to the entries asked for, refusing with an ImportError
 * (naming file and problem) any archive that is damaged or not a zip, password-protected
 * (encrypted entries), has too many entries, an entry path that escapes the archive (`..`,
 * absolute, drive letters, backslashes that would become `..`), a symlink entry, duplicate
 * entry names (case-insensitively), an entry whose compression ratio exceeds
 * importLimits.maxCompressionRatio, or more than importLimits.maxArchiveBytes uncompressed in
 * all — counted while inflating, never trusting the sizes the headers claim.
 *
 * Every entry is checked from its headers; only the wanted ones are inflated, and each
 * inflated entry's CRC-32 is verified (yauzl does not). Directory entries are never returned.
 * yauzl (decodeStrings) turns backslashes into slashes before its own path checks, so
 * `..\evil` is refused as `../evil` and a harmless `word\document.xml` reads as
 * `word/document.xml`.
 */
export interface ArchiveOptions {
  /** Which entries to inflate; others are only checked from their headers. Default: all. */
  wanted?: (entryName: string) => boolean;
  /** Tighter limits than importLimits (tests, callers with smaller needs). Never looser. */
  limits?: Partial<ArchiveLimits>;
}

export type ArchiveEntries = Map<string, Uint8Array>;

export interface ArchiveLimits {
  maxArchiveBytes: number;
  maxCompressionRatio: number;
  maxArchiveEntries: number;
}

/**
 * Below this many uncompressed bytes an entry is never called a bomb, whatever its ratio:
 * a small run of spaces or an empty XML part can compress 300 times and harm nobody.
 */
const ratioGraceBytes = 1024 * 1024;

const zipMagic = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive
  [0x50, 0x4b, 0x07, 0x08], // a spanned archive's marker before the first entry
];

/** Does the file start like a zip archive? */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return zipMagic.some((magic) => magic.every((b, i) => bytes[i] === b));
}

/** Why an archive is refused. One class so that the internal aborts can be told from yauzl's errors. */
class Refusal extends Error {}

function passwordHint(fileName: string): string {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'docx') return 'remove the password in Word (File › Info › Protect Document) and import again';
  if (ext === 'xlsx') return 'remove the password in Excel (File › Info › Protect Workbook) and import again';
  if (ext === 'odt') return 'save it without a password in LibreOffice (File › Save As, untick “Save with password”) and import again';
  return 'extract it with the password and import an unprotected copy';
}

/** yauzl's own refusals of unsafe names, reworded for a researcher. */
function describeYauzlError(fileName: string, error: Error): string {
  const message = error.message;
  const path = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(message);
  if (path) {
    const name = path[1] ?? '';
    if (message.startsWith('absolute path')) return `contains an absolute path (${name}): refused`;
    if (name.split(/[\\/]/).includes('..')) return `contains a path that leaves the archive (${name}): refused`;
    return `contains an entry name with backslashes (${name}), which zip archives do not allow: refused`;
  }
  if (message === 'strong encryption is not supported') return `is password-protected: ${passwordHint(fileName)}`;
  const method = /^unsupported compression method: (\d+)$/.exec(message);
  if (method) return `uses a compression method Marginalia cannot read (method ${method[1]}): save it again with ordinary zip compression`;
  return `is damaged: ${message}`;
}

function limitsFrom(options: ArchiveOptions | undefined): ArchiveLimits {
  const asked = options?.limits ?? {};
  return {
    maxArchiveBytes: Math.min(asked.maxArchiveBytes ?? Infinity, importLimits.maxArchiveBytes),
    maxCompressionRatio: Math.min(asked.maxCompressionRatio ?? Infinity, importLimits.maxCompressionRatio),
    maxArchiveEntries: Math.min(asked.maxArchiveEntries ?? Infinity, importLimits.maxArchiveEntries),
  };
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('could not open the archive'));
      else resolve(zip);
    });
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error(`could not read ${entry.fileName}`));
      else resolve(stream);
    });
  });
}

/** "512 MB", or bytes for the small limits tests use. */
const formatSize = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${n} bytes`);

export async function readArchive(file: SourceFile, options?: ArchiveOptions): Promise<ArchiveEntries> {
  const limits = limitsFrom(options);
  const wanted = options?.wanted ?? (() => true);
  const fail = (reason: string) => new ImportError(file.name, reason);

  if (file.bytes.length > importLimits.maxFileBytes) throw fail(`is larger than ${formatSize(importLimits.maxFileBytes)}`);
  if (file.bytes.length === 0) throw fail('is empty');
  if (!looksLikeZip(file.bytes)) throw fail('is not a zip archive, so it cannot be this kind of file (is the extension right?)');

  let zip: ZipFile;
  try {
    zip = await openZip(file.bytes);
  } catch (error) {
    throw fail(describeYauzlError(file.name, error as Error));
  }

  try {
    if (zip.entryCount > limits.maxArchiveEntries) {
      throw new Refusal(`has too many entries (${zip.entryCount}; at most ${limits.maxArchiveEntries}): refused`);
    }
    return await readEntries(file, zip, wanted, limits);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof Refusal) throw fail(error.message);
    throw fail(describeYauzlError(file.name, error as Error));
  } finally {
    zip.close();
  }
}

function readEntries(file: SourceFile, zip: ZipFile, wanted: (name: string) => boolean, limits: ArchiveLimits): Promise<ArchiveEntries> {
  const entries: ArchiveEntries = new Map();
  const seen = new Set<string>();
  let claimedTotal = 0;
  let inflatedTotal = 0;

  const checkHeaders = (entry: Entry) => {
    const name = entry.fileName;
    if (entry.isEncrypted()) throw new Refusal(`is password-protected: ${passwordHint(file.name)}`);
    // The Unix mode sits in the high 16 bits of the external attributes.
    const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
    if (mode === 0o120000) throw new Refusal(`contains a symbolic link (${name}): refused`);
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new Refusal(`contains the same entry twice (${name}): refused`);
    seen.add(key);
    if (entry.uncompressedSize > ratioGraceBytes && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
      throw new Refusal(`looks like a zip bomb: an entry would expand ${ratio} times (${name}): refused`);
    }
    claimedTotal += entry.uncompressedSize;
    if (claimedTotal > limits.maxArchiveBytes) {
      throw new Refusal(`looks like a zip bomb: it would expand to more than ${formatSize(limits.maxArchiveBytes)}: refused`);
    }
  };

  const inflate = async (entry: Entry): Promise<Uint8Array> => {
    const stream = await openStream(zip, entry);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        inflatedTotal += chunk.length;
        if (size > ratioGraceBytes && size > entry.compressedSize * limits.maxCompressionRatio) {
          const ratio = Math.round(size / Math.max(1, entry.compressedSize));
          throw new Refusal(`looks like a zip bomb: an entry would expand ${ratio} times (${entry.fileName}): refused`);
        }
        if (inflatedTotal > limits.maxArchiveBytes) {
          throw new Refusal(`looks like a zip bomb: it would expand to more than ${formatSize(limits.maxArchiveBytes)}: refused`);
        }
        chunks.push(chunk);
      }
    } finally {
      stream.destroy();
    }
    const data = Buffer.concat(chunks, size);
    if (crc32(data) !== entry.crc32) throw new Refusal(`is damaged: ${entry.fileName} fails its checksum`);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const stop = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    zip.on('error', stop);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(entries);
    });
    zip.on('entry', (entry: Entry) => {
      if (settled) return;
      try {
        checkHeaders(entry);
      } catch (error) {
        stop(error);
        return;
      }
      const isDirectory = entry.fileName.endsWith('/');
      if (isDirectory || !wanted(entry.fileName)) {
        zip.readEntry();
        return;
      }
      inflate(entry).then(
        (data) => {
          if (settled) return;
          entries.set(entry.fileName, data);
          zip.readEntry();
        },
        stop,
      );
    });
    zip.readEntry();
  });
}
