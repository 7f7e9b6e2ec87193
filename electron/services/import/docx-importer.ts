import mammoth from 'mammoth';
import { looksLikeZip, readArchive } from './archive';
import { buildDocument } from './text-importer';
import { assertXmlDepth, decodeXmlBytes } from './xml-text';
import { ImportError } from './types';
import type { ParsedDocument, SourceFile, SpeakerChoice } from './types';

/**
 * Word documents (.docx). The container is checked by readArchive first — traversal,
 * symlinks, bombs and damage are refused there — so mammoth only ever sees a sound zip whose
 * XML parts have already been inflated within the limits. mammoth's raw text separates
 * paragraphs with a blank line ("\n\n"), which is kept: it is what splitTurns reads.
 */

const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: Office 97–2003 (.doc, .xls), or an encrypted Office 2007+ file. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return oleMagic.every((b, i) => bytes[i] === b);
}

/** OLE stores its stream names in UTF-16LE directory entries. */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** Why an OLE compound file cannot be imported as a .docx, in words a researcher can act on. */
export function describeOleFile(bytes: Uint8Array): string {
  if (hasOleStream(bytes, 'EncryptedPackage')) {
    return 'is password-protected: remove the password in Word (File › Info › Protect Document) and import again';
  }
  if (hasOleStream(bytes, 'WordDocument')) {
    return 'is an old Word 97–2003 document (.doc): open it in Word, save it as .docx (File › Save As › Word Document) and import that';
  }
  return 'is an old Microsoft Office 97–2003 file, not a Word document (.docx)';
}

/** The parts mammoth parses are XML; media and embedded objects are only checked from their headers. */
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

export async function importDocxFile(file: SourceFile, options: { speakers: SpeakerChoice }): Promise<ParsedDocument> {
  if (isOleCompoundFile(file.bytes)) throw new ImportError(file.name, describeOleFile(file.bytes));
  if (!looksLikeZip(file.bytes)) throw new ImportError(file.name, 'is not a Word document (.docx): it is not a zip archive');

  const parts = await readArchive(file, { wanted: isXmlPart });
  if (!parts.has('word/document.xml')) {
    if (parts.has('xl/workbook.xml')) throw new ImportError(file.name, 'is an Excel workbook, not a Word document: import it as .xlsx');
    if (parts.has('content.xml')) throw new ImportError(file.name, 'is an OpenDocument file, not a Word document: import it as .odt');
    throw new ImportError(file.name, 'is not a Word document: it has no word/document.xml');
  }
  // mammoth's XML reader recurses once per level: check every part it may read first.
  for (const [name, bytes] of parts) assertXmlDepth(decodeXmlBytes(bytes), file.name, name);

  let raw: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) });
    raw = result.value;
  } catch (error) {
    throw new ImportError(file.name, `is damaged: Word's text could not be read (${(error as Error).message})`);
  }
  // Empty paragraphs before the first line or after the last carry nothing to code.
  return buildDocument(file, raw.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd(), options.speakers);
}
