import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/services/backend';
import type { ProjectSnapshot } from '../../../shared/api/contract';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function setup(coderName: string | null = 'Test Coder') {
  const root = await tempDir();
  const backend = await sampleBackend(root, coderName);
  const { project } = await backend.handlers['app.getState']({});
  const p = project!;
  const doc = (await allDocuments(backend.handlers)).find((d) => d.name.startsWith('04 Lambeth'))!;
  const code = (name: string) => p.codebook.find((c) => c.name === name)!.id;
  const { text } = (await backend.handlers['document.get']({ documentId: doc.id })).first;
  return { root, backend, p, doc, code, text, dir: join(root, SAMPLE_PATH) };
}

async function coderFile(dir: string, p: ProjectSnapshot, backend: Backend, name: string) {
  const state = await backend.handlers['app.getState']({});
  const coder = state.project!.coders.find((c) => c.name === name)!;
  return JSON.parse(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8'));
}

describe('coding a passage', () => {
  it('stores the coding in the current coder\'s own file, created on their first coding', async () => {
    const { backend, p, doc, code, text, dir } = await setup();
    expect(p.currentCoderId).toBeNull();
    const start = text.indexOf('We');
    const result = await backend.handlers['coding.apply']({ documentId: doc.id, codeId: code('Communities take the lead'), start, end: start + 40 });
    const after = (await backend.handlers['app.getState']({})).project!;
    expect(after.currentCoderId).not.toBeNull();
    expect(result.delta.currentCoderId).toBe(after.currentCoderId);
    expect(result.affectedDocumentIds).toEqual([doc.id]);
    expect(result.message).toBe(`Code “Communities take the lead” in ${doc.name}`);
    const file = await coderFile(dir, p, backend, 'Test Coder');
    expect(file.codings).toEqual([expect.objectContaining({ documentId: doc.id, start, end: start + 40, id: result.createdIds[0] })]);
    expect(after.codingCounts[code('Communities take the lead')]![after.currentCoderId!]).toBe(1);
    expect(result.delta.codingCounts![code('Communities take the lead')]![after.currentCoderId!]).toBe(1);
  });

  it('asks for a name before the first coding', async () => {
    const { backend, doc, code } = await setup(null);
    await expect(backend.handlers['coding.apply']({ documentId: doc.id, codeId: code('Zero suicide'), start: 0, end: 5 })).rejects.toMatchObject({
      code: 'NO_CODER',
    });
  });

  it('refuses folders, spans outside the document, and others\' codings', async () => {
    const { backend, doc, code, p } = await setup();
    await expect(backend.handlers['coding.apply']({ documentId: doc.id, codeId: code('Cross-cutting themes'), start: 0, end: 5 })).rejects.toThrow(/folder/);
    await expect(backend.handlers['coding.apply']({ documentId: doc.id, codeId: code('Zero suicide'), start: 0, end: doc.length + 1 })).rejects.toThrow(/outside/);
    const amara = p.coders.find((c) => c.name === 'Amara Okafor')!;
    const hackney = (await allDocuments(backend.handlers)).find((d) => d.name.startsWith('01'))!;
    const hers = (await backend.handlers['document.codings']({ documentId: hackney.id })).find((c) => c.coderId === amara.id)!;
    await expect(backend.handlers['coding.remove']({ codingId: hers.id })).rejects.toThrow(/only your own/);
  });

  it('undoes and redoes across documents, in order, and says what it undid', async () => {
    const { backend, doc, code } = await setup();
    const other = (await allDocuments(backend.handlers)).find((d) => d.name.startsWith('06'))!;
    await backend.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 100, end: 150 });
    await backend.handlers['coding.apply']({ documentId: other.id, codeId: code('Zero suicide'), start: 200, end: 260 });
    const undone = await backend.handlers['history.undo']({});
    expect(undone.message).toBe(`Undid: Code “Zero suicide” in ${other.name}`);
    expect(undone.affectedDocumentIds).toEqual([other.id]);
    expect(await backend.handlers['document.codings']({ documentId: other.id })).toHaveLength(0);
    await backend.handlers['history.undo']({});
    expect((await backend.handlers['document.codings']({ documentId: doc.id })).length).toBe(0);
    expect((await backend.handlers['history.state']({})).canUndo).toBe(false);
    const redone = await backend.handlers['history.redo']({});
    expect(redone.message).toBe(`Redid: Code “Tackling stigma” in ${doc.name}`);
    expect(await backend.handlers['document.codings']({ documentId: doc.id })).toEqual([expect.objectContaining({ start: 100, end: 150 })]);
    expect(redone.history).toMatchObject({ canUndo: true, canRedo: true, redoLabel: `Code “Zero suicide” in ${other.name}` });
  });

  it('changes the extent of a coding and removes it, each undoable', async () => {
    const { backend, doc, code } = await setup();
    const applied = await backend.handlers['coding.apply']({ documentId: doc.id, codeId: code('Tackling stigma'), start: 100, end: 150 });
    const id = applied.createdIds[0]!;
    const widened = await backend.handlers['coding.setExtent']({ codingId: id, start: 90, end: 170 });
    // The open reader of that document is told to reload it.
    expect(widened.affectedDocumentIds).toEqual([doc.id]);
    expect(await backend.handlers['document.codings']({ documentId: doc.id })).toEqual([expect.objectContaining({ id, start: 90, end: 170 })]);
    await backend.handlers['memo.create']({ target: { type: 'coding', id }, text: 'Clear example' });
    await backend.handlers['coding.remove']({ codingId: id });
    const after = await backend.handlers['app.getState']({});
    expect(after.project!.memos.filter((m) => m.text === 'Clear example')).toHaveLength(0);
    await backend.handlers['history.undo']({});
    const restored = await backend.handlers['app.getState']({});
    expect(restored.project!.memos.find((m) => m.text === 'Clear example')?.target).toEqual({ type: 'coding', id });
    expect(await backend.handlers['document.codings']({ documentId: doc.id })).toEqual([expect.objectContaining({ id, start: 90, end: 170 })]);
  });

  it('auto-codes all search results in one undoable step', async () => {
    const { backend, code } = await setup();
    const found = await backend.handlers['search.text']({ query: 'waiting list', caseSensitive: false, wholeWord: true, attributes: {} });
    expect(found.hits.length).toBeGreaterThan(1);
    expect(found.hits.every((h) => h.match.toLowerCase() === 'waiting list')).toBe(true);
    const spans = found.hits.map(({ documentId, start, end }) => ({ documentId, start, end }));
    const result = await backend.handlers['coding.applyMany']({ codeId: code('Services there when and where needed'), spans });
    expect(result.createdIds).toHaveLength(spans.length);
    const segments = await backend.handlers['segments.query']({
      codeIds: [code('Services there when and where needed')],
      includeSubcodes: false,
      coderIds: [result.delta.currentCoderId!],
      attributes: {},
      documentIds: null,
    });
    expect(segments.map((s) => s.text.toLowerCase())).toEqual(spans.map(() => 'waiting list'));
    expect(segments[0]!.speaker).toBeTruthy();
    await backend.handlers['history.undo']({});
    const none = await backend.handlers['segments.query']({
      codeIds: [code('Services there when and where needed')],
      includeSubcodes: false,
      coderIds: [result.delta.currentCoderId!],
      attributes: {},
      documentIds: null,
    });
    expect(none).toHaveLength(0);
  });

  it('filters coded segments by coder, sub-codes and document attributes', async () => {
    const { backend, p, code } = await setup();
    const amara = p.coders.find((c) => c.name === 'Amara Okafor')!.id;
    const all = await backend.handlers['segments.query']({ codeIds: [code('Cross-cutting themes')], includeSubcodes: true, coderIds: null, attributes: {}, documentIds: null });
    const hers = await backend.handlers['segments.query']({ codeIds: [code('Cross-cutting themes')], includeSubcodes: true, coderIds: [amara], attributes: {}, documentIds: null });
    const folderOnly = await backend.handlers['segments.query']({ codeIds: [code('Cross-cutting themes')], includeSubcodes: false, coderIds: null, attributes: {}, documentIds: null });
    expect(all.length).toBeGreaterThan(hers.length);
    expect(hers.every((s) => s.coderId === amara)).toBe(true);
    expect(folderOnly).toHaveLength(0);
    const southwark = await backend.handlers['segments.query']({ codeIds: [code('Cross-cutting themes')], includeSubcodes: true, coderIds: null, attributes: { Borough: ['Southwark'] }, documentIds: null });
    const southwarkDoc = (await allDocuments(backend.handlers)).find((d) => d.attributes.Borough === 'Southwark')!.id;
    expect(southwark.length).toBeGreaterThan(0);
    expect(southwark.every((s) => s.documentId === southwarkDoc)).toBe(true);
    // Just the codings asked for (where memos on codings sit), not every passage of the codebook.
    const wanted = [all[0]!.codingId, all[all.length - 1]!.codingId];
    const places = await backend.handlers['segments.query']({ codeIds: [code('Cross-cutting themes')], includeSubcodes: true, coderIds: null, attributes: {}, documentIds: null, codingIds: wanted });
    expect(places.map((s) => s.codingId).sort()).toEqual([...wanted].sort());
  });
});

describe('a document as the reader asks for it', () => {
  it('carries only the codings of the coders shown, and the rest on demand', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root, 'Test Coder');
    const { project } = await backend.handlers['app.getState']({});
    const coders = project!.coders.filter((c) => c.name !== 'Test Coder');
    const doc = (await allDocuments(backend.handlers)).find((d) => d.name.startsWith('01 Hackney'))!;
    const all = await backend.handlers['document.get']({ documentId: doc.id });
    const byCoder = (id: string) => all.codings.filter((c) => c.coderId === id);
    expect(coders.length).toBeGreaterThanOrEqual(2);
    expect(coders.every((c) => byCoder(c.id).length > 0)).toBe(true);

    const one = await backend.handlers['document.get']({ documentId: doc.id, coderIds: [coders[0]!.id] });
    expect(one.first).toEqual(all.first);
    expect(one.codings).toEqual(byCoder(coders[0]!.id));
    expect((await backend.handlers['document.get']({ documentId: doc.id, coderIds: [] })).codings).toEqual([]);

    const other = await backend.handlers['document.codings']({ documentId: doc.id, coderIds: [coders[1]!.id, 'no-such-coder'] });
    expect(other).toEqual(byCoder(coders[1]!.id));
  });
});
