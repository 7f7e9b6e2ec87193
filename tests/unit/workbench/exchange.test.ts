import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocuments, samplePair } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Two researchers, each with their own copy of the same sample project. */
async function pair() {
  const root = await tempDir();
  const { lead, colleague } = await samplePair(root);
  const p = (await lead.handlers['app.getState']({})).project!;
  const doc = (await allDocuments(lead.handlers)).find((d) => d.name.startsWith('07'))!;
  const code = (name: string) => p.codebook.find((c) => c.name === name)!.id;
  return { root, lead, colleague, doc, code };
}

describe('working as a pair', () => {
  it("brings a colleague's coding file into my project, placing codings by document and code", async () => {
    const { lead, colleague, doc, code } = await pair();
    await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 100, end: 140 });
    await colleague.handlers['memo.create']({ target: { type: 'document', id: doc.id }, text: 'Barnet: strong peer network' });
    const file = await colleague.handlers['exchange.exportCoder']({ coderId: null });
    expect(file.fileName).toMatch(/^Colleague - .*\.marginalia-coder\.json$/);

    const imported = await lead.handlers['exchange.importCoder']({ fileName: file.fileName, content: file.content });
    expect(imported.reports).toEqual([expect.objectContaining({ coder: 'Colleague', codings: 1, memos: 1, replacedEarlierImport: false, unmatchedDocuments: [], unmatchedCodes: [] })]);
    const state = (await lead.handlers['app.getState']({})).project!;
    const theirs = state.coders.find((c) => c.name === 'Colleague')!;
    expect(theirs.importedFrom?.source).toBe(file.fileName);
    expect((await lead.handlers['document.codings']({ documentId: doc.id })).filter((c) => c.coderId === theirs.id)).toEqual([
      expect.objectContaining({ start: 100, end: 140 }),
    ]);
  });

  it('a newer file from the same colleague replaces only their earlier import; mine is untouched', async () => {
    const { lead, colleague, doc, code } = await pair();
    await lead.handlers['coding.apply']({ documentId: doc.id, codeId: code('Zero suicide'), start: 10, end: 20 });
    const first = await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 100, end: 140 });
    let file = await colleague.handlers['exchange.exportCoder']({ coderId: null });
    await lead.handlers['exchange.importCoder']({ fileName: 'v1.json', content: file.content });
    await colleague.handlers['coding.remove']({ codingId: first.createdIds[0]! });
    await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 300, end: 350 });
    file = await colleague.handlers['exchange.exportCoder']({ coderId: null });
    const again = await lead.handlers['exchange.importCoder']({ fileName: 'v2.json', content: file.content });
    expect(again.reports[0]!.replacedEarlierImport).toBe(true);
    const codings = await lead.handlers['document.codings']({ documentId: doc.id });
    const state = (await lead.handlers['app.getState']({})).project!;
    const mine = state.currentCoderId!;
    const theirs = state.coders.find((c) => c.name === 'Colleague')!.id;
    expect(codings.filter((c) => c.coderId === theirs).map((c) => [c.start, c.end])).toEqual([[300, 350]]);
    expect(codings.filter((c) => c.coderId === mine).map((c) => [c.start, c.end])).toEqual([[10, 20]]);
    // The import is one undoable step: undo brings back the earlier import.
    await lead.handlers['history.undo']({});
    expect((await lead.handlers['document.codings']({ documentId: doc.id })).filter((c) => c.coderId === theirs).map((c) => c.start)).toEqual([100]);
  });

  it('refuses my own file, and reports documents and codes it cannot place', async () => {
    const { lead, colleague, doc, code } = await pair();
    await lead.handlers['coding.apply']({ documentId: doc.id, codeId: code('Zero suicide'), start: 10, end: 20 });
    const mine = await lead.handlers['exchange.exportCoder']({ coderId: null });
    await expect(lead.handlers['exchange.importCoder']({ fileName: 'mine.json', content: mine.content })).rejects.toThrow(/your own coding/);

    const created = await colleague.handlers['code.create']({ name: 'Only in the copy', parentId: null });
    await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: created.createdIds[0]!, start: 5, end: 9 });
    await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 5, end: 9 });
    const file = JSON.parse((await colleague.handlers['exchange.exportCoder']({ coderId: null })).content);
    const elsewhere = 'e15e0000-0000-4000-8000-000000000001';
    file.documents.push({ id: elsewhere, name: 'A transcript I never had', hash: 'f'.repeat(64), length: 10 });
    file.codings.push({ ...file.codings[0], id: 'e15e0000-0000-4000-8000-000000000002', documentId: elsewhere, start: 0, end: 5 });
    const result = await lead.handlers['exchange.importCoder']({ fileName: 'theirs.json', content: JSON.stringify(file) });
    expect(result.reports[0]).toMatchObject({ codings: 1, skippedCodings: 2, unmatchedCodes: ['Only in the copy'], unmatchedDocuments: ['A transcript I never had'] });
  });

  it('names a damaged exchange file and what is wrong with it', async () => {
    const { lead } = await pair();
    await expect(lead.handlers['exchange.importCoder']({ fileName: 'tom.json', content: '{"format": "marginalia-coder", "vers' })).rejects.toThrow(/tom\.json is not valid JSON/);
    await expect(lead.handlers['exchange.importCoder']({ fileName: 'tom.json', content: '{"format": "other"}' })).rejects.toThrow(/tom\.json does not match/);
  });

  it("imports every other coder from a colleague's project folder without changing it", async () => {
    const { root, lead, colleague, doc, code } = await pair();
    await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 100, end: 140 });
    await colleague.shutdown();
    const before = await readdir(join(root, 'colleague-copy', 'coders'));
    // The lead picks the colleague's folder in the folder chooser.
    await lead.grants.allow(join(root, 'colleague-copy'));
    const result = await lead.handlers['exchange.importProject']({ path: join(root, 'colleague-copy') });
    expect(result.reports.map((r) => r.coder)).toEqual(['Colleague']);
    expect(result.skippedCoders.map((s) => s.coder).sort()).toEqual(['Amara Okafor', 'Tom Reilly']);
    expect(await readdir(join(root, 'colleague-copy', 'coders'))).toEqual(before);
  });
});
