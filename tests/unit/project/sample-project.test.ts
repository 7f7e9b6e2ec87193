import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../electron/services/project/check-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const resources = resolve('resources');

describe('the Thrive LDN sample project', () => {
  it('has 17 synthetic conversations with speaker turns and attributes, across 17 boroughs and 1,016 participants', async () => {
    const dir = join(await tempDir(), 'sample');
    const store = await createSampleProject(resources, dir, fixedDeps());
    const docs = store.data.documents;
    expect(docs).toHaveLength(17);
    expect(new Set(docs.map((d) => d.attributes.Borough)).size).toBe(17);
    expect(docs.reduce((sum, d) => sum + Number(d.attributes.Participants), 0)).toBe(1016);
    expect(store.data.attributes.map((a) => a.name)).toEqual(['Borough', 'Stakeholder group', 'Date', 'Participants']);
    for (const doc of docs) {
      const { text, turns } = await store.readSource(doc.id);
      expect(text.startsWith('SYNTHETIC DEMO')).toBe(true);
      expect(turns[0]?.speaker).toBeNull();
      expect(turns.filter((t) => t.speaker === 'Facilitator').length).toBeGreaterThan(0);
      expect(turns.length).toBeGreaterThanOrEqual(12);
    }
  });

  it('has two coders whose codings overlap without being identical, on at least five conversations', async () => {
    const dir = join(await tempDir(), 'sample');
    const store = await createSampleProject(resources, dir, fixedDeps());
    expect(store.data.coders.map((c) => c.name)).toEqual(['Amara Okafor', 'Tom Reilly']);
    const [a, b] = store.data.coders.map((c) => store.codingsOf(c.id));
    const key = (c: { documentId: string; codeId: string; start: number; end: number }) => `${c.documentId}:${c.codeId}:${c.start}:${c.end}`;
    const aKeys = new Set(a!.map(key));
    const identical = b!.filter((c) => aKeys.has(key(c))).length;
    expect(identical).toBeGreaterThan(0);
    expect(identical).toBeLessThan(Math.min(a!.length, b!.length));
    const bDocs = new Set(b!.map((c) => c.documentId));
    const codedByBoth = new Set(a!.map((c) => c.documentId).filter((d) => bDocs.has(d)));
    expect(codedByBoth.size).toBeGreaterThanOrEqual(5);
    // Codings land on real words, not on the spaces or labels around them.
    for (const doc of store.data.documents.filter((d) => codedByBoth.has(d.id))) {
      const { text } = await store.readSource(doc.id);
      for (const c of [...a!, ...b!].filter((x) => x.documentId === doc.id)) expect(text.slice(c.start, c.end)).toMatch(/^\S[\s\S]*\S$/);
    }
  });

  it('is a sound project on disk that reopens, and leaves the bundled files untouched', async () => {
    const bundled = await readFile(join(resources, 'sample', 'sample.json'), 'utf-8');
    const dir = join(await tempDir(), 'sample');
    await (await createSampleProject(resources, dir, fixedDeps())).flush();
    expect(await checkProject(dir)).toEqual([]);
    const reopened = await ProjectStore.open(dir, fixedDeps());
    expect(reopened.data.documents).toHaveLength(17);
    expect(await readFile(join(resources, 'sample', 'sample.json'), 'utf-8')).toBe(bundled);
    expect((await readdir(join(resources, 'sample'))).sort()).toEqual(['conversations', 'sample.json']);
  });
});
