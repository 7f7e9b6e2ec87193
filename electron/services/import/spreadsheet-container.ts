import { fromBufferPromise } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { looksLikeZip } from './archive';
import { isOleCompoundFile } from './docx-importer';
import { ImportError, importLimits } from './types';
import type { SourceFile } from './types';

/**
 * Checks that a file named .xlsx really is an Excel workbook package and cannot unpack into
 * more than Marginalia allows, before any spreadsheet parser sees it. SheetJS inflates every
 * entry in one go without a size cap (native zlib, outside the worker's JS heap limit), so
 * this check is what keeps a zip bomb from exhausting memory.
 *
 * Two passes over the zip's central directory, read with yauzl:
 * 1. Headers: entry count, encryption, compression method, declared total size and each
 *    entry's compression ratio; and the entries that say what kind of package it is.
 * 2. Inflating every entry into a counter (and discarding the bytes), with yauzl's size
 *    validation on: an entry that inflates to more than its header claims fails, so the
 *    declared sizes checked in pass 1 are the true ones. At most maxArchiveBytes are
 *    inflated, on libuv's thread pool, never blocking the main thread.
 *
 * readArchive (archive.ts) makes the same header checks but keeps what it inflates; this pass
 * inflates every part only to count it, with messages worded for workbooks.
 */

/** Entries smaller than this are never a bomb, however well they compress. */
const RATIO_EXEMPT_BYTES = 1024 * 1024;

const saveAs = 'Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or CSV.';

/** What a zip that is not an .xlsx package is, from the entries it holds. */
function packageKind(names: Set<string>): string | null {
  if (names.has('xl/workbook.xml')) return null;
  if (names.has('xl/workbook.bin')) return `is an Excel binary workbook (.xlsb), which Marginalia cannot read. ${saveAs}`;
  if (names.has('content.xml') && names.has('mimetype')) {
    return `is an OpenDocument file (such as a LibreOffice .ods spreadsheet), not an Excel workbook. ${saveAs}`;
  }
  if (names.has('word/document.xml')) return 'is a Word document, not an Excel workbook.';
  if (names.has('ppt/presentation.xml')) return 'is a PowerPoint presentation, not an Excel workbook.';
  return 'is a zip file but not an Excel workbook (.xlsx): it has no workbook inside.';
}

async function countInflatedBytes(zip: ZipFile, entry: Entry): Promise<number> {
  const stream = await zip.openReadStreamPromise(entry);
  let total = 0;
  for await (const chunk of stream) total += (chunk as Buffer).length;
  return total;
}

export async function checkXlsxContainer(file: SourceFile, limits = importLimits): Promise<void> {
  const { bytes } = file;
  const refuse = (reason: string) => new ImportError(file.name, reason);
  if (bytes.byteLength > limits.maxFileBytes) {
    throw refuse(`is larger than ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB, the most Marginalia reads.`);
  }
  if (isOleCompoundFile(bytes)) {
    throw refuse(
      'is an Excel 97–2003 workbook (.xls) or a password-protected workbook, which Marginalia cannot read. ' +
        'Open it in Excel or LibreOffice and save it, without a password, as an Excel workbook (.xlsx) or CSV.',
    );
  }
  if (!looksLikeZip(bytes)) {
    throw refuse('is not an Excel workbook (.xlsx): it may be damaged, or another kind of file given an .xlsx name.');
  }

  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
      decodeStrings: true,
    });
  } catch (err) {
    throw refuse(`is damaged: it cannot be opened as a zip package (${(err as Error).message}).`);
  }
  try {
    if (zip.entryCount > limits.maxArchiveEntries) {
      throw refuse(`holds ${zip.entryCount} parts, more than the ${limits.maxArchiveEntries} a workbook may have; it may be damaged or crafted.`);
    }
    const entries: Entry[] = [];
    const names = new Set<string>();
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.isEncrypted()) throw refuse('is password-protected. Remove the password in Excel, then import it again.');
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
          throw refuse('uses a kind of zip compression Excel never writes; it may be damaged or crafted.');
        }
        declared += entry.uncompressedSize;
        if (declared > limits.maxArchiveBytes) {
          throw refuse(
            `would unpack to more than ${Math.round(limits.maxArchiveBytes / 1024 / 1024)} MB, the most Marginalia allows; ` +
              'it may be a "zip bomb" made to exhaust memory.',
          );
        }
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (entry.uncompressedSize > RATIO_EXEMPT_BYTES && ratio > limits.maxCompressionRatio) {
          throw refuse(`has a part compressed ${Math.round(ratio)} times over, a sign of a "zip bomb" made to exhaust memory.`);
        }
        entries.push(entry);
        names.add(entry.fileName.replace(/^\/+/, '').toLowerCase());
      }
    } catch (err) {
      if (err instanceof ImportError) throw err;
      throw refuse(`is damaged: its zip directory cannot be read (${(err as Error).message}).`);
    }
    const kind = packageKind(names);
    if (kind) throw refuse(kind);
    let inflated = 0;
    for (const entry of entries) {
      try {
        inflated += await countInflatedBytes(zip, entry);
      } catch (err) {
        throw refuse(`is damaged or crafted: the part "${entry.fileName.slice(0, 100)}" cannot be unpacked as its header describes (${(err as Error).message}).`);
      }
      if (inflated > limits.maxArchiveBytes) {
        throw refuse(`would unpack to more than ${Math.round(limits.maxArchiveBytes / 1024 / 1024)} MB, the most Marginalia allows.`);
      }
    }
  } finally {
    zip.close();
  }
}
