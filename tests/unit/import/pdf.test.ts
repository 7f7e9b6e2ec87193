import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile } from '../../../electron/services/import/parse-document';
import { importPdfFile } from '../../../electron/services/import/pdf/pdf-importer';
import type { PdfReadOptions } from '../../../electron/services/import/pdf/pdf-importer';
import { ImportError } from '../../../electron/services/import/types';
import type { ParsedDocument } from '../../../electron/services/import/types';
import { makePdf } from '../../helpers/make-pdf';
import { expectWellFormed, failure } from './import-checks';
import type { PdfPage, PdfText } from '../../helpers/make-pdf';

// Each file here is read by pdf.js in a worker thread, as the app reads it.
const slow = { timeout: 60_000 };

const parse = (name: string, bytes: Uint8Array) => parseDocumentFile({ name, bytes }, { speakers: 'auto' });

/** Lines of text down a page from `top`, `step` points apart. */
function column(lines: string[], x: number, top: number, step = 14): PdfText[] {
  return lines.map((text, i) => ({ x, y: top - i * step, text }));
}

describe('PDF import', slow, () => {
  it('reads a transcript: paragraphs rejoined, hyphenated words mended, speaker turns found', async () => {
    const page: PdfPage = {
      texts: [
        ...column(['Interviewer: How did the group start for', 'you?'], 72, 700),
        ...column(['Resident: It started with a knock on the door', 'from a neigh-', 'bour who ran the self-help group.'], 72, 660),
        ...column(['Interviewer: And after that?'], 72, 606),
      ],
    };
    const doc = await parse('Walthamstow.pdf', makePdf([page]));
    expectWellFormed(doc);
    expect(doc.name).toBe('Walthamstow');
    expect(doc.text).toBe(
      'Interviewer: How did the group start for you?\n\nResident: It started with a knock on the door from a neighbour who ran the self-help group.\n\nInterviewer: And after that?',
    );
    expect(doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end), t.page])).toEqual([
      ['Interviewer', 'How did the group start for you?', 1],
      ['Resident', 'It started with a knock on the door from a neighbour who ran the self-help group.', 1],
      ['Interviewer', 'And after that?', 1],
    ]);
  });

  it('reads two columns left then right, under a title that spans both', async () => {
    const left = ['The left column opens', 'the article and runs', 'down the page to its', 'end here.'];
    const right = ['The right column comes', 'second in reading order', 'though its lines sit', 'level with the left.'];
    const page: PdfPage = { texts: [{ x: 150, y: 740, text: 'A Title Across Both Columns Of The Page', size: 16 }, ...column(left, 72, 700), ...column(right, 330, 700)] };
    const doc = await parse('article.pdf', makePdf([page]));
    expect(doc.text).toBe(
      'A Title Across Both Columns Of The Page\n\nThe left column opens the article and runs down the page to its end here.\n\nThe right column comes second in reading order though its lines sit level with the left.',
    );
  });

  it('drops headers and page numbers repeated on every page, and keeps where each page starts', async () => {
    const pages: PdfPage[] = [1, 2, 3].map((n) => ({
      texts: [
        { x: 72, y: 760, text: 'Thrive LDN focus group - confidential' },
        ...column(n === 2 ? ['Facilitator: On page two a turn starts and it', 'goes on'] : [`Resident: Words on page ${n}.`], 72, 700),
        { x: 300, y: 40, text: `Page ${n} of 3` },
      ],
    }));
    pages[2]!.texts!.splice(1, 0, ...column(['over the page break.'], 72, 720));
    const doc = await parse('focus group.pdf', makePdf(pages));
    expectWellFormed(doc);
    expect(doc.text).not.toMatch(/confidential|Page \d/);
    expect(doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end), t.page])).toEqual([
      ['Resident', 'Words on page 1.', 1],
      ['Facilitator', 'On page two a turn starts and it goes on', 2],
      ['Facilitator', 'over the page break.', 3],
      ['Resident', 'Words on page 3.', 3],
    ]);
  });

  it('refuses a scanned PDF (no text layer) and says OCR is needed', async () => {
    const err = await failure(parse('scan.pdf', makePdf([{ drawing: true }, { drawing: true }])));
    expect(err.file).toBe('scan.pdf');
    expect(err.reason).toMatch(/has no text layer.*Run OCR/);
  });

  it('refuses a password-protected PDF', async () => {
    const err = await failure(parse('locked.pdf', makePdf([{ texts: [{ x: 72, y: 700, text: 'Secret' }] }], { encrypted: true })));
    expect(err.message).toMatch(/^locked\.pdf: is protected by a password/);
  });

  it('refuses a damaged PDF, and a file that is not a PDF at all', async () => {
    const whole = makePdf([{ texts: [{ x: 72, y: 700, text: 'Cut short' }] }]);
    const cut = await failure(parse('cut.pdf', whole.slice(0, 40)));
    expect(cut.message).toMatch(/^cut\.pdf: could not be read as a PDF \(.+\); it may be damaged\.$/);
    const png = await failure(parse('photo.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])));
    expect(png.reason).toMatch(/is a PNG image, not a PDF/);
  });

  it('refuses a PDF over the page or text limits without reading it all', async () => {
    const pages: PdfPage[] = Array.from({ length: 5 }, (_, i) => ({ texts: [{ x: 72, y: 700, text: `Page text ${i}` }] }));
    const file = { name: 'book.pdf', bytes: makePdf(pages) };
    const tooLong = await failure(importPdfFile(file, { speakers: 'auto', limits: { maxPages: 3, maxChars: 1_000_000 } }));
    expect(tooLong.reason).toBe('is too large to import: it has 5 pages, more than the 3 Marginalia reads.');
    const tooMuch = await failure(importPdfFile(file, { speakers: 'auto', limits: { maxPages: 100, maxChars: 30 } }));
    expect(tooMuch.reason).toMatch(/is too large to import: it holds more than 30 characters of text/);
  });

  it('stops a reader that hangs, and takes nothing from one that answers in the wrong shape', async () => {
    const file = { name: 'crafted.pdf', bytes: makePdf([{ texts: [{ x: 72, y: 700, text: 'x' }] }]) };
    const worker = (name: string): PdfReadOptions['worker'] => ({ name, source: resolve(`tests/unit/import/pdf-workers/${name}.ts`) });
    const hung = await failure(importPdfFile(file, { speakers: 'auto', worker: worker('hanging-worker'), timeoutMs: 3000 }));
    expect(hung.reason).toBe('took too long to read (over 3 s) and was stopped; it may be damaged or crafted.');
    const hostile = await failure(importPdfFile(file, { speakers: 'auto', worker: worker('hostile-worker') }));
    expect(hostile.reason).toMatch(/the PDF reader sent back data of the wrong shape/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // `npm test` builds before the unit tests; run alone without a build, this says so and skips.
  const built = resolve('out/main/pdf-text-reader.js');
  it.skipIf(!existsSync(built))('reads text as built by electron-vite, in plain Node (skips without out/main: run npm run build)', async () => {
    const bytes = makePdf([{ texts: [{ x: 72, y: 700, text: 'Read by the built worker.' }] }]);
    const worker = new Worker(built, { workerData: { bytes: bytes.buffer, limits: { maxPages: 10, maxChars: 1000 } }, execArgv: [], env: {} });
    const reply = await new Promise((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
    });
    await worker.terminate();
    expect(reply).toEqual({ ok: true, pages: [{ width: 612, runs: [expect.objectContaining({ str: 'Read by the built worker.', x: 72, y: 700, h: 11 })] }] });
  });

  const fixtures = resolve('../shared/fixtures');
  const shared = existsSync(fixtures) ? readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((f) => f.toLowerCase().endsWith('.pdf')) : [];
  it.skipIf(shared.length === 0)(`reads the PDFs in ../shared/fixtures (skipped: ${existsSync(fixtures) ? 'it holds no PDF' : 'absent'})`, async () => {
    for (const name of shared) {
      const doc = await parse(name, new Uint8Array(readFileSync(join(fixtures, name)))).catch((e: unknown) => e);
      // A fixture may be scanned or protected: then the refusal must say which file and why.
      if (doc instanceof ImportError) expect(doc.message.startsWith(name)).toBe(true);
      else expectWellFormed(doc as ParsedDocument);
    }
  });
});
