import { haveShared, sharedPath } from '../../helpers/shared-files';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { overlappingQde } from '../../helpers/overlapping-qde';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const fixtures = sharedPath('fixtures', 'qualcoder-examples');
const haveFixtures = haveShared(fixtures, 'importing the QualCoder survey spreadsheet');

async function backend() {
  const root = await tempDir();
  const b = await sampleBackend(root);
  return { root, b, h: b.handlers, projectFile: join(root, SAMPLE_PATH, 'project.json') };
}

const stage = async (h: Awaited<ReturnType<typeof backend>>['h'], fileName: string, content: string | Buffer) =>
  (await h['import.stage']({ fileName, base64: Buffer.from(content).toString('base64') })).stagedId;

describe('importing files into a project', () => {
  it('shows the speaker turns it found before importing, then imports with a result per file', async () => {
    const { h } = await backend();
    const transcript = 'Facilitator: What would help?\n\nP1 – I am not sure.\n\nResident: A place to go.\n\nFacilitator: Say more.';
    const id = await stage(h, 'Walthamstow.txt', transcript);
    const inspection = await h['import.inspect']({ source: { stagedId: id } });
    expect(inspection.document).toMatchObject({ name: 'Walthamstow', speakerPattern: 'colon', duplicateOf: null });
    // An unlabelled paragraph continues the turn before it.
    expect(inspection.document!.turns.map((t) => t.speaker)).toEqual(['Facilitator', 'Resident', 'Facilitator']);
    const run = await h['import.run']({ items: [{ source: { stagedId: id }, options: { speakers: 'colon' } }] });
    expect(run.results).toEqual([expect.objectContaining({ fileName: 'Walthamstow.txt', status: 'imported', documents: ['Walthamstow'] })]);
    const docs = await allDocuments(h);
    expect(docs.map((d) => d.name)).toContain('Walthamstow');
    // The import's change names the documents it added.
    expect(run.change?.createdIds.map((id) => docs.find((d) => d.id === id)?.name)).toEqual(['Walthamstow']);
  });

  it('names the encoding it detected, and previews and imports in the one the user chose', async () => {
    const { h } = await backend();
    // Written by an old Windows editor: “ and ” are single bytes, invalid as UTF-8.
    const bytes = Buffer.from([...Buffer.from('Facilitator: '), 0x93, ...Buffer.from('Help'), 0x94, ...Buffer.from(' she said.\n\nP1: Yes.')]);
    const id = await stage(h, 'ID7.txt', bytes);
    expect((await h['import.inspect']({ source: { stagedId: id } })).document).toMatchObject({ encoding: 'windows-1252' });
    const asLatin = await h['import.inspect']({ source: { stagedId: id }, encoding: 'windows-1252' });
    expect(asLatin.document!.turns[0]!.text).toBe('“Help” she said.');
    await expect(h['import.inspect']({ source: { stagedId: id }, encoding: 'utf-8' })).rejects.toThrow('ID7.txt: cannot be read as UTF-8');

    const utf16Bytes = Buffer.from('\uFEFFFacilitator: Café?\n\nP1: Oui.', 'utf16le');
    const utf16 = await stage(h, 'ID8.txt', utf16Bytes);
    expect((await h['import.inspect']({ source: { stagedId: utf16 } })).document!.encoding).toBe('utf-16le');
    const run = await h['import.run']({ items: [{ source: { stagedId: utf16 }, options: { encoding: 'windows-1252' } }] });
    expect(run.results[0]).toMatchObject({
      fileName: 'ID8.txt',
      status: 'failed',
      message: 'cannot be read as Windows-1252 (Western European): read that way it is not text but binary data. Choose another encoding.',
    });
    const again = await h['import.run']({ items: [{ source: { stagedId: await stage(h, 'ID8.txt', utf16Bytes) }, options: { encoding: 'utf-16le' } }] });
    expect(again.results[0]).toMatchObject({ status: 'imported', documents: ['ID8'] });
  });

  it('tells the preview how many REFI-QDA codings overlap, and merges them when asked', async () => {
    const { h } = await backend();
    const id = await stage(h, 'Overlaps.qdpx', overlappingQde);
    const inspection = await h['import.inspect']({ source: { stagedId: id } });
    expect(inspection.refi).toEqual({ codingsWithOtherUser: 0, codingsOverlapping: 2 });
    const run = await h['import.run']({ items: [{ source: { stagedId: id }, options: { refi: { mergeOverlaps: true } } }] });
    expect(run.results[0]!.status).toBe('imported');
    const state = await h['app.getState']({});
    const ada = state.project!.coders.find((c) => c.name === 'Ada')!;
    const doc = (await allDocuments(h)).find((d) => d.name === 'Commute')!;
    const codings = await h['document.codings']({ documentId: doc.id, coderIds: [ada.id] });
    expect(codings.map((c) => [c.start, c.end])).toEqual([[4, 33]]);
  });

  it('reports the same content imported twice, and leaves the project untouched for a failed file', async () => {
    const { h, b, projectFile } = await backend();
    const events: string[] = [];
    b.events.subscribe((name, payload) => events.push(`${name}:${JSON.stringify(payload)}`));
    const text = 'SYNTHETIC DEMO - written for Marginalia. Not a record of real people or a real conversation.';
    const before = await readFile(projectFile, 'utf-8');
    await b.grants.allow('/nonexistent/interview.txt');
    const run = await h['import.run']({
      items: [
        { source: { stagedId: await stage(h, 'garbage.docx', 'not a zip at all') }, options: {} },
        { source: { stagedId: await stage(h, 'empty.txt', '   \n') }, options: {} },
        { source: { path: '/nonexistent/interview.txt' }, options: {} },
      ],
    });
    expect(run.results.map((r) => [r.fileName, r.status])).toEqual([['garbage.docx', 'failed'], ['empty.txt', 'failed'], ['interview.txt', 'failed']]);
    expect(run.results[0]!.message).toMatch(/not a Word document|not a zip/);
    expect(run.results[1]!.message).toMatch(/empty/);
    expect(await readFile(projectFile, 'utf-8')).toBe(before);
    expect(events.at(-1)).toBe('import.progress:{"done":3,"total":3,"fileName":""}');

    await h['import.run']({ items: [{ source: { stagedId: await stage(h, 'a.txt', `${text}\n\nMore.`) }, options: {} }] });
    const again = await h['import.run']({ items: [{ source: { stagedId: await stage(h, 'b.txt', `\uFEFF${text}\r\n\r\nMore.`) }, options: {} }] });
    expect(again.results[0]).toMatchObject({ status: 'skipped', message: 'Not imported: b has the same text as "a", already imported.' });
  });

  it.skipIf(!haveFixtures)("imports QualCoder's survey spreadsheet as documents with typed attributes, then an attribute table (undoably)", async () => {
    const { h, b } = await backend();
    const source = { path: join(fixtures, 'survey456.csv') };
    // As if picked in a native file dialog: only picked files may be read by path.
    for (const file of ['survey456.csv', 'cases456.xlsx']) await b.grants.allow(join(fixtures, file));
    const inspection = await h['import.inspect']({ source });
    expect(inspection.spreadsheet!.sheets[0]!.columns).toEqual(['Case', 'Age', 'Gender', 'Interest', 'freetext']);
    const run = await h['import.run']({ items: [{ source, options: { spreadsheet: { textColumns: ['freetext'], mode: 'row', nameColumn: 'Case' } } }] });
    expect(run.results[0]).toMatchObject({ status: 'imported', documents: ['ID4', 'ID5', 'ID6'] });
    const project = async () => (await h['app.getState']({})).project!;
    const docs = (await allDocuments(h)).filter((d) => run.results[0]!.documents.includes(d.name));
    expect(docs.find((d) => d.name === 'ID5')!.attributes).toEqual({ Gender: 'm', Interest: 'golf' });
    expect((await project()).attributes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Age', type: 'number' })]));

    const table = await h['import.run']({ items: [{ source: { path: join(fixtures, 'cases456.xlsx') }, options: { attributeTable: { nameColumn: 'case' } } }] });
    expect(table.results[0]).toMatchObject({ status: 'imported' });
    expect((await allDocuments(h)).find((d) => d.name === 'ID5')!.attributes).toMatchObject({ Age: 73, Interest: 'gardening' });
    await h['history.undo']({});
    expect((await allDocuments(h)).find((d) => d.name === 'ID5')!.attributes).toEqual({ Gender: 'm', Interest: 'golf' });
  });

  it.skipIf(!haveFixtures)('a spreadsheet needs its text column chosen', async () => {
    const { h, b } = await backend();
    await b.grants.allow(join(fixtures, 'survey789.xlsx'));
    const run = await h['import.run']({ items: [{ source: { path: join(fixtures, 'survey789.xlsx') }, options: {} }] });
    expect(run.results[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/choose which column holds the text/) });
  });
});
