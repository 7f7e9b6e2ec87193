import type { Turn } from '../../../../shared/domain/schemas';
import { assemblePdfText } from '../../../../shared/import/pdf-layout';
import type { PdfPageRuns, PdfRun, PdfText } from '../../../../shared/import/pdf-layout';
import { runWorkerOnce, WorkerFailure } from '../../workers/run-worker';
import { startWorker } from '../../workers/start-worker';
import { pdfTextReader } from '../../workers/worker-modules';
import type { WorkerModule } from '../../workers/worker-modules';
import { buildDocument } from '../text-importer';
import { ImportError, importLimits } from '../types';
import type { ParsedDocument, SourceFile, SpeakerChoice } from '../types';
import type { PdfLimits } from './pdf-extract';

/**
 * PDF transcripts: pdf.js reads the text runs in a worker thread (pdf-text-worker.ts) with a
 * time limit and a memory cap, the reply is checked here as untrusted data, and the runs are
 * assembled into paragraphs (shared/import/pdf-layout.ts). Speaker turns are found as in any
 * transcript, then cut where pages begin, so each turn knows its page.
 */

/** The worker's JS heap: a PDF that needs more is refused rather than read. */
export const PDF_WORKER_HEAP_MB = 1024;

export interface PdfReadOptions {
  timeoutMs?: number;
  limits?: PdfLimits;
  /** Tests only: a different worker module, to prove the limits hold whatever the worker does. */
  worker?: WorkerModule;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The worker's reply as trusted data (runs rebuilt field by field, within the limits), or the ImportError it means. */
export function checkPdfReply(fileName: string, reply: unknown, limits: PdfLimits): PdfPageRuns[] {
  const malformed = () => new ImportError(fileName, 'could not be read: the PDF reader sent back data of the wrong shape.');
  if (!isRecord(reply)) throw malformed();
  if (reply.ok === false) {
    const message = typeof reply.message === 'string' ? reply.message.slice(0, 300) : '';
    if (reply.reason === 'encrypted') throw new ImportError(fileName, 'is protected by a password (encrypted): remove the protection (print or save it as a new PDF) and import that.');
    if (reply.reason === 'limit') throw new ImportError(fileName, `is too large to import: ${message}.`);
    throw new ImportError(fileName, `could not be read as a PDF (${message}); it may be damaged.`);
  }
  if (reply.ok !== true || !Array.isArray(reply.pages) || reply.pages.length > limits.maxPages) throw malformed();
  let chars = 0;
  return (reply.pages as unknown[]).map((page) => {
    if (!isRecord(page) || !isNumber(page.width) || !Array.isArray(page.runs)) throw malformed();
    const runs: PdfRun[] = (page.runs as unknown[]).map((run) => {
      if (!isRecord(run) || typeof run.str !== 'string' || ![run.x, run.y, run.w, run.h].every(isNumber)) throw malformed();
      chars += run.str.length;
      if (chars > limits.maxChars) throw malformed();
      return { str: run.str, x: run.x as number, y: run.y as number, w: run.w as number, h: run.h as number };
    });
    return { width: page.width, runs };
  });
}

async function readRuns(file: SourceFile, options: PdfReadOptions): Promise<PdfPageRuns[]> {
  const limits = options.limits ?? { maxPages: importLimits.pdfMaxPages, maxChars: importLimits.pdfMaxChars };
  const timeoutMs = options.timeoutMs ?? importLimits.pdfTimeoutMs;
  // A copy, transferred: the caller's bytes may share a pooled ArrayBuffer that must not be detached.
  const bytes = new Uint8Array(file.bytes.byteLength);
  bytes.set(file.bytes);
  try {
    const reply = await runWorkerOnce((o) => startWorker(options.worker ?? pdfTextReader, o), { workerData: { bytes: bytes.buffer, limits }, transferList: [bytes.buffer], timeoutMs, heapMb: PDF_WORKER_HEAP_MB });
    return checkPdfReply(file.name, reply, limits);
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    const reasons: Record<WorkerFailure['kind'], string> = {
      timeout: `took too long to read (over ${Math.round(timeoutMs / 1000)} s) and was stopped; it may be damaged or crafted.`,
      memory: `needs more than ${PDF_WORKER_HEAP_MB} MB of memory to read and was stopped; it may be damaged or crafted.`,
      start: `could not be read: the PDF reader did not start (${err.message}).`,
      error: `could not be read as a PDF (${err.message}); it may be damaged.`,
      exit: `could not be read: the PDF reader stopped unexpectedly (${err.message}).`,
      'bad-message': 'could not be read: the PDF reader sent back data that cannot be used.',
    };
    throw new ImportError(file.name, reasons[err.kind]);
  }
}

/** Turns cut where pages start (white space at the cut left out), each marked with the page it is on. */
export function turnsByPage(text: string, turns: Turn[], pages: PdfText['pages']): Turn[] {
  const out: Turn[] = [];
  for (const turn of turns) {
    pages.forEach(({ page, start: pageStart }, i) => {
      let start = Math.max(turn.start, pageStart);
      let end = Math.min(turn.end, pages[i + 1]?.start ?? Infinity);
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) out.push({ ...turn, start, end, page });
    });
  }
  return out;
}

export async function importPdfFile(file: SourceFile, options: { speakers: SpeakerChoice } & PdfReadOptions): Promise<ParsedDocument> {
  const assembled = assemblePdfText(await readRuns(file, options));
  if (assembled.text.trim() === '') {
    throw new ImportError(file.name, 'has no text layer: its pages are images (a scan, or text turned into drawings). Run OCR on it (text recognition, e.g. in Acrobat or ocrmypdf) and import the result.');
  }
  const doc = buildDocument(file, assembled.text, options.speakers);
  return { ...doc, turns: turnsByPage(doc.text, doc.turns, assembled.pages) };
}
