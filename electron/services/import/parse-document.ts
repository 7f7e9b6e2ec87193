import type { Turn } from '../../../shared/domain/schemas';
import { detectSpeakerPattern, splitTurns } from '../../../shared/text/turns';
import type { SpeakerPatternId } from '../../../shared/text/turns';
import { looksLikeZip } from './archive';
import { describeOleFile, importDocxFile, isOleCompoundFile } from './docx-importer';
import { importOdtFile } from './odt-importer';
import { importPdfFile } from './pdf/pdf-importer';
import { importSubtitleFile } from './subtitles-importer';
import { importTextFile } from './text-importer';
import { ImportError, importLimits } from './types';
import type { DocumentReadOptions, ParsedDocument, SourceFile } from './types';
import { extensionOf, importExtensions } from '../../../shared/import/formats';

/**
 * One entry point for single documents: checks the size, reads the extension
 * (case-insensitively), makes sure the content is what the extension says, and hands the
 * file to its importer. Spreadsheets and REFI-QDA projects yield many documents and have
 * their own importers; this refuses them with a pointer there.
 */

const unsupported = `is not a format Marginalia imports (supported: ${importExtensions.join(', ')})`;

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** What well-known binary formats a file's first bytes say it is, or null. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  if (looksLikeZip(bytes)) return 'a zip archive (such as a Word, OpenDocument or Excel file)';
  if (isOleCompoundFile(bytes)) return 'a Microsoft Office 97–2003 file';
  if (startsWith(bytes, ascii('%PDF-'))) return 'a PDF';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'a GIF image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'a WebP image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'a WAV recording';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'an audio or video file (MP4, M4A or MOV)';
  // "ID3" then a version byte (2–4): a transcript opening "ID3: …" is not an MP3.
  if ((startsWith(bytes, ascii('ID3')) && [2, 3, 4].includes(bytes[3] ?? 0)) || startsWith(bytes, [0xff, 0xfb])) return 'an MP3 recording';
  if (startsWith(bytes, ascii('OggS'))) return 'an Ogg recording';
  if (startsWith(bytes, ascii('fLaC'))) return 'a FLAC recording';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'a video file (WebM or MKV)';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'an RTF document';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip archive';
  if (startsWith(bytes, ascii('Rar!'))) return 'a RAR archive';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive';
  return null;
}

const formatNames: Record<string, string> = {
  '.txt': 'a text file',
  '.md': 'a Markdown file',
  '.vtt': 'a WebVTT subtitle file',
  '.srt': 'a SubRip subtitle file',
  '.docx': 'a Word document',
  '.odt': 'an OpenDocument text document',
  '.pdf': 'a PDF',
};

/** Refuses content that contradicts the extension: a PDF named .docx, a PNG named .txt. */
function checkContentMatches(file: SourceFile, ext: string): void {
  const found = sniffBinaryFormat(file.bytes);
  if (found === null) return;
  const expected = formatNames[ext] ?? ext;
  if (ext === '.docx' || ext === '.odt') {
    if (found.startsWith('a zip archive')) return;
    if (ext === '.docx' && isOleCompoundFile(file.bytes)) throw new ImportError(file.name, describeOleFile(file.bytes));
  }
  if (ext === '.pdf' && found === 'a PDF') return;
  throw new ImportError(file.name, `is ${found}, not ${expected}: its content does not match the extension ${ext}`);
}

export async function parseDocumentFile(file: SourceFile, options: DocumentReadOptions): Promise<ParsedDocument> {
  try {
    return await parseChecked(file, options);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // Whatever else goes wrong (a library's own exception, a string too long for V8), the
    // researcher still learns which file failed and why, and nothing is half-imported.
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(file.name, `could not be read (unexpected error: ${message})`);
  }
}

async function parseChecked(file: SourceFile, options: DocumentReadOptions): Promise<ParsedDocument> {
  if (file.bytes.length > importLimits.maxFileBytes) {
    const mb = (n: number) => Math.round(n / (1024 * 1024));
    throw new ImportError(file.name, `is larger than ${mb(importLimits.maxFileBytes)} MB (it is ${mb(file.bytes.length)} MB)`);
  }
  const ext = extensionOf(file.name);
  switch (ext) {
    case '.csv':
    case '.xlsx':
      throw new ImportError(file.name, 'is a spreadsheet: import it as a spreadsheet, choosing which column holds the text');
    case '.qdpx':
    case '.qdc':
      throw new ImportError(file.name, 'is a REFI-QDA project or codebook: import it as a project exchange file');
    case '.doc':
      throw new ImportError(file.name, 'is an old Word 97–2003 document (.doc): open it in Word, save it as .docx (File › Save As › Word Document) and import that');
    case '.txt':
    case '.md':
    case '.vtt':
    case '.srt':
    case '.docx':
    case '.odt':
    case '.pdf':
      break;
    default:
      throw new ImportError(file.name, unsupported);
  }
  if (file.bytes.length === 0) throw new ImportError(file.name, 'is empty');
  checkContentMatches(file, ext);
  switch (ext) {
    case '.docx':
      return importDocxFile(file, options);
    case '.odt':
      return importOdtFile(file, options);
    case '.pdf':
      return importPdfFile(file, options);
    case '.vtt':
    case '.srt':
      return importSubtitleFile(file, options);
    default:
      return importTextFile(file, options);
  }
}

/** For the confirm-speakers preview: the pattern detection would pick, and the first 20 turns it gives. */
export function previewSpeakers(text: string): { pattern: SpeakerPatternId | null; turns: Turn[] } {
  const pattern = detectSpeakerPattern(text);
  return { pattern, turns: splitTurns(text, pattern).slice(0, 20) };
}
