import { describe, expect, it } from 'vitest';
import { allDocuments, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';
import { stopWordLists } from '../../../shared/words';

/* The query view's and word table's channels on the sample project: run, code all, save, words. */

const tempDir = useTempDirs();
const QUERY = '"Tackling stigma" NEAR(turn) "Trust in services"';

async function setup() {
  const backend = await sampleBackend(await tempDir(), 'Test Coder');
  const h = backend.handlers;
  const state = async () => (await h['app.getState']({})).project!;
  const project = await state();
  const codeId = project.codebook.find((c) => c.name === 'Isolation and loneliness')!.id;
  const mine = async () => {
    const coderId = (await state()).currentCoderId;
    return h['segments.query']({ codeIds: [codeId], includeSubcodes: false, coderIds: coderId ? [coderId] : [], attributes: {}, documentIds: null });
  };
  return { h, state, codeId, mine };
}

describe('coding queries through the backend', () => {
  it('runs a query; a faulty one is an answer saying where', async () => {
    const { h } = await setup();
    const found = await h['query.run']({ query: QUERY });
    if (!found.ok) throw new Error(found.message);
    expect(found.passages.length).toBeGreaterThan(0);
    expect(found.total).toBe(found.passages.length);
    expect(found.understood).toBe('"Tackling stigma" NEAR(turn) "Trust in services"');
    const wrong = await h['query.run']({ query: '"Tackling stigma" NEAR "Zero suicide"' });
    expect(wrong).toMatchObject({ ok: false, start: 23, end: 37 });
    expect(wrong.ok === false && wrong.message).toMatch(/^Expected "\(" after NEAR/);
  });

  it('codes every passage found at one code in one undoable step, never twice', async () => {
    const { h, codeId, mine } = await setup();
    const found = await h['query.run']({ query: QUERY });
    if (!found.ok) throw new Error(found.message);
    const result = await h['coding.codeQuery']({ query: QUERY, codeId });
    expect(result.message).toMatch(/^Code \d+ passages? found by “"Tackling stigma" NEAR\(turn\) "Trust in services"” at “Isolation and loneliness” in /);
    const coded = await mine();
    expect(coded.map((s) => s.text)).toEqual(found.passages.map((p) => p.text));
    const again = await h['coding.codeQuery']({ query: QUERY, codeId });
    expect(again.message).toBe('Already coded at “Isolation and loneliness”');
    expect(await mine()).toHaveLength(coded.length);
    await h['history.undo']({});
    expect(await mine()).toHaveLength(0);
  });

  it('saves, renames and deletes a query by name, each step undoable; names stay unique', async () => {
    const { h, state } = await setup();
    const saved = await h['query.save']({ name: 'Stigma and young people', query: QUERY });
    const id = saved.createdIds![0]!;
    expect((await state()).queries).toEqual([expect.objectContaining({ id, name: 'Stigma and young people', query: QUERY })]);
    await expect(h['query.save']({ name: 'stigma AND young people', query: 'x' })).rejects.toThrow(/already saved/);
    await h['query.update']({ queryId: id, name: 'Stigma × CYP' });
    expect((await state()).queries[0]!.name).toBe('Stigma × CYP');
    await h['history.undo']({});
    expect((await state()).queries[0]!.name).toBe('Stigma and young people');
    await h['query.delete']({ queryId: id });
    expect((await state()).queries).toEqual([]);
    await h['history.undo']({});
    expect((await state()).queries).toHaveLength(1);
  });

  it('counts words in a scope and finds a word\'s passages', async () => {
    const { h } = await setup();
    const documentIds = (await allDocuments(h)).slice(0, 3).map((d) => d.id);
    const request = { scope: { kind: 'documents' as const, documentIds }, stopWords: [...stopWordLists.english], stem: true };
    const table = await h['words.frequencies'](request);
    expect(table.words.length).toBeGreaterThan(10);
    expect(table.words.some((w) => stopWordLists.english.includes(w.word))).toBe(false);
    const top = table.words[0]!;
    const { passages, total } = await h['words.passages']({ ...request, key: top.key });
    expect(total).toBe(top.count);
    expect(passages.every((p) => top.forms.includes(p.text.toLowerCase().replace(/’/g, "'")))).toBe(true);
  });
});
