import { describe, expect, it } from 'vitest';
import { childrenOf, codePath } from '../../../shared/domain/codebook';
import { allDocuments, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function setup() {
  const backend = await sampleBackend(await tempDir());
  const h = backend.handlers;
  const state = async () => (await h['app.getState']({})).project!;
  const id = async (name: string) => (await state()).codebook.find((c) => c.name === name)!.id;
  const total = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  return { h, state, id, total };
}

describe('editing the codebook', () => {
  it('creates a code and a child, renames, recolours and describes it', async () => {
    const { h, state, id } = await setup();
    const created = await h['code.create']({ name: 'Digital exclusion', parentId: null });
    const codeId = created.createdIds[0]!;
    const child = await h['code.create']({ name: 'No data at home', parentId: codeId, color: '#123456' });
    await h['code.update']({ codeId, name: 'Digital access', color: '#abcdef' });
    await h['code.update']({ codeId, description: { definition: 'Getting online', example: '"The library closed."' } });
    const p = await state();
    const code = p.codebook.find((c) => c.id === codeId)!;
    expect(code).toMatchObject({ name: 'Digital access', color: '#abcdef', codable: true });
    expect(code.description).toEqual({ definition: 'Getting online', whenToUse: '', whenNotToUse: '', example: '"The library closed."' });
    expect(codePath(p.codebook, child.createdIds[0]!)).toEqual(['Digital access', 'No data at home']);
    expect(p.codebook.indexOf(code)).toBeLessThan(p.codebook.findIndex((c) => c.id === child.createdIds[0]));
    await expect(h['code.create']({ name: 'tackling STIGMA', parentId: null })).rejects.toThrow(/already exists at the top level/);
    expect(await id('Zero suicide')).toBeTruthy();
  });

  it('deletes a code with its sub-codes and every coder\'s codings at them, and undo brings all back', async () => {
    const { h, state, id, total } = await setup();
    const folder = await id('Cross-cutting themes');
    const before = await state();
    const under = before.codebook.filter((c) => c.parentId === folder).map((c) => c.id);
    const codings = under.reduce((n, c) => n + total(before.codingCounts[c]), 0);
    expect(codings).toBeGreaterThan(10);
    const deleted = await h['code.delete']({ codeId: folder });
    expect(deleted.message).toBe(`Delete “Cross-cutting themes” and ${codings} codings`);
    const after = await state();
    expect(after.codebook.some((c) => under.includes(c.id) || c.id === folder)).toBe(false);
    expect(under.every((c) => total(after.codingCounts[c]) === 0)).toBe(true);
    expect(deleted.affectedDocumentIds.length).toBeGreaterThan(3);
    await h['history.undo']({});
    const restored = await state();
    expect(restored.codebook).toEqual(before.codebook);
    expect(restored.codingCounts).toEqual(before.codingCounts);
  });

  it('merges a code into another: codings recoded once, sub-codes moved, memo kept', async () => {
    const { h, state, id, total } = await setup();
    const source = await id('Isolation and loneliness');
    const target = await id('Building resilient communities');
    await h['memo.create']({ target: { type: 'code', id: source }, text: 'Often about older residents' });
    const child = (await h['code.create']({ name: 'Living alone', parentId: source })).createdIds[0]!;
    const before = await state();
    await h['code.merge']({ sourceId: source, targetId: target });
    const after = await state();
    expect(after.codebook.some((c) => c.id === source)).toBe(false);
    expect(after.codebook.find((c) => c.id === child)!.parentId).toBe(target);
    expect(total(after.codingCounts[target])).toBe(total(before.codingCounts[target]) + total(before.codingCounts[source]));
    expect(after.memos.find((m) => m.text === 'Often about older residents')!.target).toEqual({ type: 'code', id: target });
    await expect(h['code.merge']({ sourceId: target, targetId: child })).rejects.toThrow(/its own sub-codes/);
    await h['history.undo']({});
    expect((await state()).codingCounts).toEqual(before.codingCounts);
  });

  it('moves a code to reorder or reparent it, never inside itself', async () => {
    const { h, state, id } = await setup();
    const stigma = await id('Tackling stigma');
    const solutions = await id('Solutions and recommendations');
    await h['code.move']({ codeId: stigma, parentId: null, index: 0 });
    expect(childrenOf((await state()).codebook, null)[0]!.name).toBe('Tackling stigma');
    await h['code.move']({ codeId: stigma, parentId: solutions, index: 1 });
    expect(childrenOf((await state()).codebook, solutions).map((c) => c.name).slice(0, 3)).toEqual([
      'Peer support and community champions',
      'Tackling stigma',
      'Training and awareness',
    ]);
    await expect(h['code.move']({ codeId: solutions, parentId: stigma, index: 0 })).rejects.toThrow(/inside itself/);
  });
});

describe('memos and attributes', () => {
  it('keeps memos with author and date; only the author may edit them', async () => {
    const { h, state } = await setup();
    const journal = await h['memo.create']({ target: { type: 'project' }, text: 'Day 1: first pass through Hackney' });
    await h['memo.update']({ memoId: journal.createdIds[0]!, text: 'Day 1: first pass through Hackney and Newham' });
    const memo = (await state()).memos.find((m) => m.target.type === 'project')!;
    expect(memo).toMatchObject({ author: 'Test Coder', text: 'Day 1: first pass through Hackney and Newham' });
    expect(Date.parse(memo.updatedAt)).toBeGreaterThan(Date.parse(memo.createdAt));
    await h['app.setCoderName']({ name: 'Someone Else' });
    await expect(h['memo.delete']({ memoId: memo.id })).rejects.toThrow(/only your own/);
  });

  it('defines attributes, checks values against their type, and deletes them undoably', async () => {
    const { h, state } = await setup();
    const doc = (await allDocuments(h))[0]!;
    await h['attribute.define']({ name: 'Venue', type: 'text' });
    await h['document.setAttribute']({ documentId: doc.id, name: 'Venue', value: 'Library' });
    await expect(h['document.setAttribute']({ documentId: doc.id, name: 'Participants', value: 'many' })).rejects.toThrow(/holds numbers/);
    await expect(h['document.setAttribute']({ documentId: doc.id, name: 'Date', value: '14/03/2017' })).rejects.toThrow(/YYYY-MM-DD/);
    await h['document.setAttribute']({ documentId: doc.id, name: 'Participants', value: 50 });
    expect((await allDocuments(h))[0]!.attributes).toMatchObject({ Venue: 'Library', Participants: 50 });
    await h['attribute.delete']({ name: 'Venue' });
    expect((await allDocuments(h))[0]!.attributes.Venue).toBeUndefined();
    await h['history.undo']({});
    const restored = await state();
    expect(restored.attributes.map((a) => a.name)).toContain('Venue');
    expect((await allDocuments(h))[0]!.attributes.Venue).toBe('Library');
  });
});
