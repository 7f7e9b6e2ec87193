import { parentPort, workerData } from 'node:worker_threads';
import { extractPdfRuns } from './pdf-extract';
import type { PdfLimits } from './pdf-extract';

/**
 * The worker thread that reads a PDF's text (see pdf-extract.ts for how pdf.js is contained,
 * pdf-importer.ts for the time and memory limits the parent enforces). It takes the file's
 * bytes and the limits, and posts back one PdfReply.
 */
const { bytes, limits } = workerData as { bytes: ArrayBuffer; limits: PdfLimits };
parentPort!.postMessage(await extractPdfRuns(new Uint8Array(bytes), limits));
