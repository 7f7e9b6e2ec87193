import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPageRuns } from '../../../../shared/import/pdf-layout';

/**
 * Reads a PDF's text runs with pdf.js, inside the worker thread (pdf-text-worker.ts) and never
 * in the app's own process. pdf.js is told to compile nothing (isEvalSupported: false: the
 * font-program route of CVE-2024-4367), load no fonts into anything, and fetch nothing: its
 * character maps and standard font metrics come from its own package folder on disk.
 */

export interface PdfLimits {
  maxPages: number;
  /** Characters of text in all, before assembly. */
  maxChars: number;
}

export type PdfReply =
  | { ok: true; pages: PdfPageRuns[] }
  | { ok: false; reason: 'encrypted' | 'damaged' | 'limit'; message: string };

type PdfJs = typeof PdfJsModule;

async function loadPdfJs(): Promise<PdfJs> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's own "worker" runs here, in this thread (already a worker of ours), not in a third.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string)) as unknown;
  return pdfjs;
}

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function extractPdfRuns(bytes: Uint8Array, limits: PdfLimits): Promise<PdfReply> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    cMapUrl: join(packageDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(packageDir, 'standard_fonts') + '/',
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPages) return { ok: false, reason: 'limit', message: `it has ${doc.numPages} pages, more than the ${limits.maxPages} Marginalia reads` };
    const pages: PdfPageRuns[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        chars += item.str.length;
        if (chars > limits.maxChars) return { ok: false, reason: 'limit', message: `it holds more than ${limits.maxChars.toLocaleString('en')} characters of text` };
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ str: item.str, x: x!, y: y!, w: item.width, h: item.height || Math.hypot(a!, b!) });
      }
      pages.push({ width: page.view[2]! - page.view[0]!, runs });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (err) {
    const name = (err as Error)?.name;
    const message = String((err as Error)?.message ?? err).slice(0, 200);
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted', message };
    return { ok: false, reason: 'damaged', message };
  } finally {
    await task.destroy();
  }
}
