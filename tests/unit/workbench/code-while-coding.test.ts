import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectLayout } from '../../../electron/services/project/layout';
import { loadProject } from '../../../electron/services/project/project-loader';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

/* Codes made while coding, on the sample project on disk: one step to make and to undo. */

const tempDir = useTempDirs();

async function setup(coderName: string | null = 'Test Coder') {
  const root = await tempDir();
  const backend = await sampleBackend(root, coderName);
  const h = backend.handlers;
  const project = async () => (await h['app.getState']({})).project!;
  const doc = (await allDocuments(h)).find((d) => d.name.startsWith('04 Lambeth'))!;
  const { text } = (await h['document.get']({ documentId: doc.id })).first;
  const span = (words: string) => ({ documentId: doc.id, start: text.indexOf(words), end: text.indexOf(words) + words.length });
  // The project as saved: project.json with its change log replayed, read as a colleague's project is.
  const projectJson = async () => (await loadProject(new ProjectLayout(join(root, SAMPLE_PATH)), { discardTemp: false })).state.data;
  return { h, project, doc, text, span, projectJson };
}

describe('create a code and code the selection', () => {
  it('makes the code and the coding in one step, saved to disk, that one undo takes back whole', async () => {
    const { h, project, doc, span, projectJson } = await setup();
    const before = (await project()).codebook.length;
    const result = await h['coding.createCodeAndApply']({ name: '  Fragmented  commissioning ', ...span('We commission a talking therapies service') });
    expect(result.message).toBe(`Create code “Fragmented commissioning” and code the passage in ${doc.name}`);
    expect(result.history.undoLabel).toBe(result.message);
    const [codeId, codingId] = result.createdIds;
    const code = (await projectJson()).codebook.find((c) => c.id === codeId);
    expect(code).toMatchObject({ name: 'Fragmented commissioning', parentId: null });
    const codings = await h['document.codings']({ documentId: doc.id });
    expect(codings.find((c) => c.id === codingId)).toMatchObject({ codeId, ...span('We commission a talking therapies service') });

    await h['history.undo']({});
    expect((await project()).codebook).toHaveLength(before);
    expect((await projectJson()).codebook.some((c) => c.id === codeId)).toBe(false);
    expect((await h['document.codings']({ documentId: doc.id })).some((c) => c.id === codingId)).toBe(false);
    expect((await h['history.state']({})).canUndo).toBe(false);
    await h['history.redo']({});
    expect((await h['document.codings']({ documentId: doc.id })).find((c) => c.id === codingId)?.codeId).toBe(codeId);
  });

  it('Parent/Child makes the code under an existing parent, or makes the parent too, in one step', async () => {
    const { h, project, span } = await setup();
    const parent = (await project()).codebook.find((c) => c.name === 'Cross-cutting themes')!;
    const under = await h['coding.createCodeAndApply']({ name: 'cross-cutting THEMES / Contracts', ...span('Contracts.') });
    expect(under.message).toMatch(/^Create code “Cross-cutting themes › Contracts” and code/);
    expect((await project()).codebook.find((c) => c.id === under.createdIds[0])).toMatchObject({ name: 'Contracts', parentId: parent.id });

    const fresh = await h['coding.createCodeAndApply']({ name: 'Money/Pooled budgets', ...span('Pooled budgets for a neighbourhood') });
    const codebook = (await project()).codebook;
    const child = codebook.find((c) => c.id === fresh.createdIds[0])!;
    const made = codebook.find((c) => c.id === child.parentId)!;
    expect([made.name, made.parentId, child.name]).toEqual(['Money', null, 'Pooled budgets']);
    await h['history.undo']({});
    expect((await project()).codebook.some((c) => c.name === 'Money' || c.name === 'Pooled budgets')).toBe(false);
    expect((await project()).codebook.some((c) => c.name === 'Contracts')).toBe(true);
  });

  it('refuses a name that exists there or has an empty part, changing nothing', async () => {
    const { h, project, span } = await setup();
    const before = await project();
    await expect(h['coding.createCodeAndApply']({ name: 'zero suicide', ...span('Contracts.') })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringMatching(/“Zero suicide” already exists there: choose it in the list/),
    });
    await expect(h['coding.createCodeAndApply']({ name: 'Money//Budgets', ...span('Contracts.') })).rejects.toThrow(/empty name/);
    expect((await project()).codebook).toEqual(before.codebook);
    expect((await h['history.state']({})).canUndo).toBe(false);
  });

  it("a user's first coding this way makes them a coder in the same step", async () => {
    const { h, project, span } = await setup('New Person');
    await h['coding.createCodeAndApply']({ name: 'First idea', ...span('Contracts.') });
    expect((await project()).coders.some((c) => c.name === 'New Person')).toBe(true);
    await h['history.undo']({});
    const after = await project();
    expect(after.coders.some((c) => c.name === 'New Person')).toBe(false);
    expect(after.codebook.some((c) => c.name === 'First idea')).toBe(false);
  });
});

describe('code in vivo', () => {
  it("names a new top-level code with the passage's own words and codes the passage, in one undoable step", async () => {
    const { h, project, doc, span, text } = await setup();
    const words = span('“We\'ve designed fragmentation in.”'.slice(1, -1));
    const result = await h['coding.inVivo'](words);
    expect(result.message).toBe(`Create code “We've designed fragmentation in” in vivo and code the passage in ${doc.name}`);
    const code = (await project()).codebook.find((c) => c.id === result.createdIds[0])!;
    expect(code).toMatchObject({ name: "We've designed fragmentation in", parentId: null, codable: true });
    expect((await h['document.codings']({ documentId: doc.id })).find((c) => c.id === result.createdIds[1])).toMatchObject({ codeId: code.id, start: words.start, end: words.end });

    // The same words coded in vivo elsewhere go to the code they named the first time.
    const first = span('Pooled budgets');
    const made = await h['coding.inVivo'](first);
    const second = { ...first, start: text.indexOf('Pooled budgets', first.end), end: text.indexOf('Pooled budgets', first.end) + 'Pooled budgets'.length };
    expect(second.start).toBeGreaterThan(first.end);
    const again = await h['coding.inVivo'](second);
    expect(again.message).toBe(`Code in vivo at “Pooled budgets” in ${doc.name}`);
    expect((await project()).codebook.filter((c) => c.name === 'Pooled budgets')).toHaveLength(1);
    expect((await h['document.codings']({ documentId: doc.id })).find((c) => c.id === again.createdIds[0])?.codeId).toBe(made.createdIds[0]);

    for (let i = 0; i < 3; i++) await h['history.undo']({});
    expect((await project()).codebook.some((c) => c.id === code.id)).toBe(false);
  });

  it('cuts a long passage to a name at a word, and refuses a selection with no words', async () => {
    const { h, project, span, doc } = await setup();
    const long = span('Small groups doing brilliant work on an estate in Brixton can\'t compete for a three-year contract with a national charity');
    const result = await h['coding.inVivo'](long);
    const name = (await project()).codebook.find((c) => c.id === result.createdIds[0])!.name;
    expect(name).toBe('Small groups doing brilliant work on an estate in Brixton can\'t compete for a…');
    const colon = span(': ');
    await expect(h['coding.inVivo']({ documentId: doc.id, start: colon.start, end: colon.start + 1 })).rejects.toThrow(/no words to name a code/);
  });
});
