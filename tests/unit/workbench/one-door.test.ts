import { haveShared, sharedPath } from '../../helpers/shared-files';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Handlers } from '../../../shared/api/contract';
import { createBackend } from '../../../electron/services/backend';
import { faultyIo } from '../../helpers/faulty-io';
import { checkProject } from '../../../electron/services/project/check-project';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { fileHashes } from '../../helpers/project-files';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';

/*
 * The defects of the write path with two doors, each replayed on the real backend and the
 * sample project on disk: an undo after an import, an undo after switching coder, a coding
 * nested inside the coder's own coding at the same code, an import that fails half-way.
 */

const tempDir = useTempDirs();
const samples = sharedPath('refi-qda', 'samples');
const haveSamples = haveShared(samples, 'the REFI-QDA one-door tests');

async function sample() {
  const root = await tempDir();
  const backend = await sampleBackend(root, 'Amara Okafor');
  const h = backend.handlers;
  const project = async () => (await h['app.getState']({})).project!;
  const p = await project();
  const code = (name: string) => p.codebook.find((c) => c.name === name)!.id;
  const doc = (await allDocuments(h)).find((d) => d.name.startsWith('04'))!;
  return { root, backend, h, project, code, doc, dir: join(root, SAMPLE_PATH) };
}

async function stage(h: Handlers, fileName: string, bytes: Buffer | string): Promise<string> {
  return (await h['import.stage']({ fileName, base64: Buffer.from(bytes).toString('base64') })).stagedId;
}

const qdc = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Test 1.0">
  <Codes>
    <Code guid="5215cc69-b628-4e02-afb9-9beeaee55808" name="Imported A" isCodable="true"/>
    <Code guid="d7aa29da-519b-4946-9b90-253b6db8fd0a" name="Imported B" isCodable="true"/>
  </Codes>
</CodeBook>`;

describe('one door for every change', () => {
  it('an undo after a codebook import takes back the import alone, and a code made before it stays', async () => {
    const { h, project } = await sample();
    const before = (await project()).codebook.length;
    await h['code.create']({ name: 'Made by hand', parentId: null });
    const run = await h['import.run']({ items: [{ source: { stagedId: await stage(h, 'book.qdc', qdc) }, options: {} }] });
    expect(run.change?.history.undoLabel).toBe('Import codebook book.qdc');
    expect((await project()).codebook.map((c) => c.name)).toEqual(expect.arrayContaining(['Made by hand', 'Imported A', 'Imported B']));

    const undone = await h['history.undo']({});
    expect(undone.message).toBe('Undid: Import codebook book.qdc');
    const names = (await project()).codebook.map((c) => c.name);
    expect(names).toContain('Made by hand');
    expect(names).not.toContain('Imported A');
    expect(names).toHaveLength(before + 1);
    await h['history.redo']({});
    expect((await project()).codebook.map((c) => c.name)).toEqual(expect.arrayContaining(['Made by hand', 'Imported A', 'Imported B']));
  });

  it("after switching coder, undo is the new coder's own: another coder's coding is never taken back", async () => {
    const { h, code, doc, project } = await sample();
    const coded = await h['coding.apply']({ documentId: doc.id, codeId: code('Zero suicide'), start: 10, end: 40 });
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    expect((await h['history.state']({})).canUndo).toBe(false);
    await expect(h['history.undo']({})).rejects.toThrow(/nothing to undo/);
    const amara = (await project()).coders.find((c) => c.name === 'Amara Okafor')!;
    expect((await h['document.codings']({ documentId: doc.id })).some((c) => c.id === coded.createdIds[0] && c.coderId === amara.id)).toBe(true);

    // Switching back brings Amara's own history back, with her step named in full.
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    expect((await h['history.state']({})).undoLabel).toBe(`Code “Zero suicide” in ${doc.name}`);
    await h['history.undo']({});
    expect((await h['document.codings']({ documentId: doc.id })).some((c) => c.id === coded.createdIds[0])).toBe(false);
  });

  it('an undo another coder has built on is refused, saying whose change is in the way', async () => {
    const { h } = await sample();
    const created = await h['code.create']({ name: 'Shared idea', parentId: null });
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    const documents = await allDocuments(h);
    await h['coding.apply']({ documentId: documents[0]!.id, codeId: created.createdIds[0]!, start: 0, end: 20 });
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    await expect(h['history.undo']({})).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Cannot undo “Create code “Shared idea””: Tom Reilly made later changes to what it removes/) });
    // Tom undoes his coding; then Amara's undo goes through.
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    await h['history.undo']({});
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    await h['history.undo']({});
    expect((await h['app.getState']({})).project!.codebook.some((c) => c.name === 'Shared idea')).toBe(false);
  });

  it("an undo is refused while another coder's undo still needs what it removes, even with none of their work left in the project", async () => {
    const { h, project } = await sample();
    const created = (await h['code.create']({ name: 'Passing idea', parentId: null })).createdIds[0]!;
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    const documents = await allDocuments(h);
    const coded = await h['coding.apply']({ documentId: documents[0]!.id, codeId: created, start: 0, end: 20 });
    await h['coding.remove']({ codingId: coded.createdIds[0]! });
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    // Were it taken back now, Tom's undo of his removal would need a code that is gone, for good.
    await expect(h['history.undo']({})).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Cannot undo “Create code “Passing idea””: Tom Reilly made later changes to what it removes\. Undo those first \(switch to Tom Reilly\)/) });
    expect((await project()).codebook.some((c) => c.id === created)).toBe(true);
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    await h['history.undo']({});
    await h['history.undo']({});
    expect((await h['app.getState']({})).history.canUndo).toBe(false);
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    await h['history.undo']({});
    expect((await project()).codebook.some((c) => c.id === created)).toBe(false);
  });

  it('an undo that would bring a code back under a code another coder has deleted since is refused', async () => {
    const { h, project } = await sample();
    const parent = (await h['code.create']({ name: 'Parent idea', parentId: null })).createdIds[0]!;
    const child = (await h['code.create']({ name: 'Child idea', parentId: parent })).createdIds[0]!;
    await h['code.delete']({ codeId: child });
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    await h['code.delete']({ codeId: parent });
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    await expect(h['history.undo']({})).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/a code would sit under a code removed since/) });
    expect((await project()).codebook.some((c) => c.id === child)).toBe(false);
    // Once Tom brings the parent back, the child can come back under it.
    await h['app.setCoderName']({ name: 'Tom Reilly' });
    await h['history.undo']({});
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    await h['history.undo']({});
    expect((await project()).codebook.find((c) => c.id === child)?.parentId).toBe(parent);
  });

  it("a passage inside the coder's own coding at the same code changes nothing; one overlapping it widens it", async () => {
    const { h, code, doc, project } = await sample();
    const zero = code('Zero suicide');
    const counts = async () => (await project()).codingCounts[zero]?.[(await project()).currentCoderId!] ?? 0;
    const had = await counts();
    const first = await h['coding.apply']({ documentId: doc.id, codeId: zero, start: 100, end: 160 });
    const inside = await h['coding.apply']({ documentId: doc.id, codeId: zero, start: 110, end: 116 });
    expect(inside.message).toBe('Already coded at “Zero suicide”');
    expect(await counts()).toBe(had + 1);
    await h['coding.applyMany']({ codeId: zero, spans: [{ documentId: doc.id, start: 150, end: 200 }, { documentId: doc.id, start: 40, end: 101 }] });
    const me = (await project()).currentCoderId;
    const mine = (await h['document.codings']({ documentId: doc.id })).filter((c) => c.codeId === zero && c.coderId === me);
    expect(mine).toEqual([expect.objectContaining({ id: first.createdIds[0], start: 40, end: 200 })]);
    expect(await counts()).toBe(had + 1);
    // Undo restores the passage as it was before the merge.
    await h['history.undo']({});
    expect((await h['document.codings']({ documentId: doc.id })).filter((c) => c.id === first.createdIds[0])).toEqual([expect.objectContaining({ start: 100, end: 160 })]);
  });

  it.skipIf(!haveSamples)('a REFI-QDA project whose save fails half-way leaves the project exactly as it was', async () => {
    const root = await tempDir();
    const io = faultyIo();
    const backend = await createBackend({ dataDir: join(root, 'data'), documentsDir: join(root, 'Documents'), resourcesDir: resolve('resources'), shell: 'browser', deps: { ...fixedDeps(), io } });
    await backend.openInitialProject();
    const h = backend.handlers;
    await h['app.setCoderName']({ name: 'Amara Okafor' });
    const dir = join(root, SAMPLE_PATH);
    const before = await fileHashes(dir);
    const bytes = await readFile(join(samples, 'qc-cproctor-demo.qdpx'));
    // Transcripts and the new coders' files are written; then project.json's log meets a full disk.
    io.breakWith('ENOSPC', { matches: (f) => f.endsWith('project.changes.jsonl') });
    await expect(h['import.run']({ items: [{ source: { stagedId: await stage(h, 'atlas.qdpx', bytes) }, options: {} }] })).rejects.toMatchObject({ code: 'IO' });
    expect(io.written.some((f) => f.includes(`${join('coders', '')}`))).toBe(true);
    io.heal();
    const after = await fileHashes(dir);
    const same = (f: string) => f.startsWith('backups') || f === join('sources', '.deleted.json');
    expect(Object.keys(after).filter((f) => !same(f) && after[f] !== before[f])).toEqual([]);
    expect(Object.keys(before).filter((f) => !same(f) && !(f in after))).toEqual([]);
    expect(await checkProject(dir)).toEqual([]);
    expect((await h['app.getState']({})).project!.documents.count).toBe(17);
  });

  it.skipIf(!haveSamples)('a REFI-QDA project import is one step: undo removes its documents, coders, codes and codings', async () => {
    const { h, project, dir } = await sample();
    const before = await project();
    const bytes = await readFile(join(samples, 'qc-cproctor-demo.qdpx'));
    const run = await h['import.run']({ items: [{ source: { stagedId: await stage(h, 'atlas.qdpx', bytes) }, options: {} }] });
    expect(run.results[0]!.status).toBe('imported');
    const imported = await project();
    expect(imported.documents.count).toBeGreaterThan(before.documents.count);
    expect(imported.coders.length).toBeGreaterThan(before.coders.length);
    await h['history.undo']({});
    const after = await project();
    expect(after.documents).toEqual(before.documents);
    expect(after.coders).toEqual(before.coders);
    expect(after.codebook).toEqual(before.codebook);
    expect(after.codingCounts).toEqual(before.codingCounts);
    expect(await checkProject(dir)).toEqual([]);
  });
});

describe('documents', () => {
  it('renames a document and deletes it with everything about it; undo brings all back; closing purges its text for good', async () => {
    const { h, project, dir } = await sample();
    const p = await project();
    const doc = (await allDocuments(h)).find((d) => d.name.startsWith('01'))!;
    const renamed = await h['document.rename']({ documentId: doc.id, name: '01 Hackney (renamed)' });
    expect(renamed.history.undoLabel).toBe(`Rename document “${doc.name}” to “01 Hackney (renamed)”`);
    await expect(h['document.rename']({ documentId: doc.id, name: (await allDocuments(h))[1]!.name })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });

    const work = await h['document.work']({ documentIds: [doc.id] });
    expect(work.coders).toBe(2);
    expect(work.codings).toBeGreaterThan(0);
    const deleted = await h['document.delete']({ documentIds: [doc.id] });
    expect(deleted.message).toBe(`Delete document “01 Hackney (renamed)” and ${work.codings} codings by 2 coders`);
    expect(deleted.delta.documentTally?.count).toBe(p.documents.count - 1);
    expect((await allDocuments(h)).some((d) => d.id === doc.id)).toBe(false);
    expect(await checkProject(dir)).toEqual([]);

    await h['history.undo']({});
    expect((await h['document.work']({ documentIds: [doc.id] })).codings).toBe(work.codings);
    expect((await h['document.get']({ documentId: doc.id })).first.text.length).toBe(doc.length);

    await h['history.redo']({});
    await h['project.close']({});
    // The deletion can no longer be undone: its text is gone from sources/ and from every backup.
    expect((await readdir(join(dir, 'sources'))).filter((f) => f.startsWith(doc.id))).toEqual([]);
    for (const backup of await readdir(join(dir, 'backups'))) {
      expect(await readFile(join(dir, 'backups', backup), 'utf-8')).not.toContain(doc.id);
    }
    expect(await checkProject(dir)).toEqual([]);
  });

  it('deletes several documents as one step, sets and all; one undo brings every one back; closing purges their texts', async () => {
    const { h, project, dir } = await sample();
    const before = await project();
    const chosen = (await allDocuments(h)).filter((d) => /^0[123] /.test(d.name));
    expect(chosen).toHaveLength(3);
    const ids = chosen.map((d) => d.id);
    await h['set.create']({ name: 'Round one', documentIds: ids.slice(0, 2) });
    const work = await h['document.work']({ documentIds: ids });
    expect(work.codings).toBe((await Promise.all(ids.map((id) => h['document.work']({ documentIds: [id] })))).reduce((n, w) => n + w.codings, 0));

    const deleted = await h['document.delete']({ documentIds: ids });
    expect(deleted.message).toBe(`Delete 3 documents and ${work.codings} codings by ${work.coders} coders`);
    expect(deleted.delta.documentTally?.count).toBe(before.documents.count - 3);
    expect((await project()).sets[0]!.documentIds).toEqual([]);
    expect(await checkProject(dir)).toEqual([]);

    const undone = await h['history.undo']({});
    expect(undone.message).toBe(`Undid: Delete 3 documents and ${work.codings} codings by ${work.coders} coders`);
    expect((await allDocuments(h)).map((d) => d.id)).toEqual(expect.arrayContaining(ids));
    expect((await project()).sets[0]!.documentIds).toEqual(ids.slice(0, 2));
    expect((await h['document.work']({ documentIds: ids })).codings).toBe(work.codings);
    expect(await checkProject(dir)).toEqual([]);

    await h['history.redo']({});
    await h['project.close']({});
    expect((await readdir(join(dir, 'sources'))).filter((f) => ids.some((id) => f.startsWith(id)))).toEqual([]);
    expect(await checkProject(dir)).toEqual([]);
  });
});
