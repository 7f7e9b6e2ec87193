import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { marginalia } from '../../helpers/cli';
import { makePdf } from '../../helpers/make-pdf';
import { useTempDirs } from '../../helpers/temp-dir';
import { outlineBlocks } from '../../../shared/text/outline';

const tempDir = useTempDirs();
// pdf.js starts in a worker thread for every PDF; the CLI starts a whole process.
const slow = { timeout: 300_000 };

const twoPages = makePdf([
  { texts: [{ x: 72, y: 700, text: 'Facilitator: What helped you most?' }, { x: 72, y: 672, text: 'Resident: Knowing someone would listen.' }] },
  { texts: [{ x: 72, y: 700, text: 'Facilitator: And now?' }] },
]);
const scan = makePdf([{ drawing: true }]);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('a PDF through the import pipeline', slow, () => {
  it('is imported as one undoable document whose turns know their pages; a scan beside it fails and adds nothing', async () => {
    const root = await tempDir();
    const { handlers: h } = await sampleBackend(root);
    const stage = async (fileName: string, bytes: Uint8Array) => ({ stagedId: (await h['import.stage']({ fileName, base64: base64(bytes) })).stagedId });

    const projectFile = join(root, SAMPLE_PATH, 'project.json');
    const before = await readFile(projectFile, 'utf-8');
    const failed = await h['import.run']({ items: [{ source: await stage('scan.pdf', scan), options: {} }] });
    expect(failed.results).toEqual([expect.objectContaining({ fileName: 'scan.pdf', status: 'failed', message: expect.stringMatching(/has no text layer.*OCR/) })]);
    expect(await readFile(projectFile, 'utf-8')).toBe(before);

    const inspection = await h['import.inspect']({ source: await stage('Focus group.pdf', twoPages) });
    expect(inspection.document).toMatchObject({ name: 'Focus group', speakerPattern: 'colon' });
    const run = await h['import.run']({ items: [{ source: await stage('Focus group.pdf', twoPages), options: { speakers: 'auto' } }] });
    expect(run.results).toEqual([expect.objectContaining({ status: 'imported', documents: ['Focus group'] })]);
    const doc = (await allDocuments(h)).find((d) => d.name === 'Focus group')!;
    const content = await h['document.get']({ documentId: doc.id });
    // The outline marks the block each page begins with.
    expect(outlineBlocks(content).map((b) => [b.speaker, content.first.text.slice(b.start, b.end), b.page])).toEqual([
      ['Facilitator', 'What helped you most?', 1],
      ['Resident', 'Knowing someone would listen.', undefined],
      ['Facilitator', 'And now?', 2],
    ]);
  });

  it('works from the command line, naming the file that could not be read', async () => {
    const root = await tempDir();
    const dir = join(root, 'p');
    await marginalia('new', dir, '--template', 'empty');
    await writeFile(join(root, 'Focus group.pdf'), twoPages);
    await writeFile(join(root, 'scan.pdf'), scan);
    const out = await marginalia('import', dir, join(root, 'Focus group.pdf'), join(root, 'scan.pdf'));
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/imported +Focus group\.pdf: Imported 1 document\./);
    expect(out.stdout).toMatch(/failed +scan\.pdf: has no text layer/);
    expect(JSON.parse((await marginalia('info', dir, '--json')).stdout).documents).toBe(1);
  });
});
