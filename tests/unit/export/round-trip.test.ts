import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQdpx } from '../../../electron/services/export/refi-export';
import { importRefiProject } from '../../helpers/store-edits';
import { hashText, ProjectStore } from '../../../electron/services/project/project-store';
import { codePath } from '../../../shared/domain/codebook';
import { treeOrder } from '../../../shared/export/code-tree';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture } from './export-fixture';

const tempDir = useTempDirs();

/** What must survive a round trip, in terms that do not depend on ids. */
async function essence(store: ProjectStore) {
  const { codebook, documents, coders, attributes } = store.data;
  const path = (id: string) => codePath(codebook, id).join(' > ');
  const docName = new Map(documents.map((d) => [d.id, d.name]));
  const coderName = new Map(coders.map((c) => [c.id, c.name]));
  const codingKeys = new Map<string, string>();
  const codings = coders
    .flatMap((coder) =>
      store.codingsOf(coder.id).map((c) => {
        const key = `${coder.name} | ${docName.get(c.documentId)} | ${path(c.codeId)} | ${c.start}-${c.end}`;
        codingKeys.set(c.id, key);
        return key;
      }),
    )
    .sort();
  const texts = await Promise.all(documents.map(async (d) => (await store.readSource(d.id)).text));
  const memos = store
    .memos()
    .map((m) => {
      const t = m.target;
      const on = t.type === 'project' ? 'project' : t.type === 'document' ? docName.get(t.id) : t.type === 'code' ? path(t.id) : codingKeys.get(t.id);
      return `${coderName.get(m.coderId)} | ${t.type}: ${on} | ${m.text}`;
    })
    .sort();
  return {
    description: store.data.description,
    codebook: treeOrder(codebook).map((c) => ({ path: path(c.id), color: c.color.toLowerCase(), codable: c.codable, description: c.description })),
    attributes: attributes.map((a) => ({ ...a })),
    // Texts by hash (a failure stays readable); a missing value and null both mean "no value".
    documents: documents.map((d, i) => ({
      name: d.name,
      text: hashText(texts[i]!),
      turns: d.turnCount,
      attributes: Object.fromEntries(Object.entries(d.attributes).filter(([, v]) => v !== null && v !== '')),
    })),
    coders: coders.map((c) => c.name).sort(),
    sets: store.data.sets.map((s) => ({ name: s.name, documents: s.documentIds.map((id) => docName.get(id)) })),
    codings,
    memos,
  };
}

describe('REFI-QDA export, then import', () => {
  it.each(['standard', 'utf16'] as const)('gives a new project the same description, codebook, documents, coders, codings and memos (%s offsets)', async (offsets) => {
    const root = await tempDir();
    const fx = await buildExportFixture(root);
    const bytes = await exportQdpx(fx.store, offsets);
    const target = await ProjectStore.create(join(root, 'imported'), { name: 'Imported', description: '', codebook: [], attributes: [] }, fixedDeps());
    const report = await importRefiProject(target, { name: 'export.qdpx', bytes });
    expect(report.notImported).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts).toMatchObject({ sources: 20, codingsWithOtherUser: 0 });
    expect(report.offsets).toMatchObject({ unit: offsets === 'utf16' ? 'utf16' : 'codepoint', decidedBy: 'origin' });

    const before = await essence(fx.store);
    const after = await essence(target);
    // Every description field, multi-line ones included, comes back into its own field.
    expect(before.codebook.filter((c) => c.description.whenToUse && c.description.whenNotToUse && c.description.example).length).toBeGreaterThan(5);
    expect(before.description).not.toBe('');
    expect(after).toEqual(before);
    expect(before.sets).toEqual([
      { name: 'Emoji & formulas', documents: [expect.any(String), 'Emoji 🌳 chat'] },
      { name: 'Empty <for now>', documents: [] },
    ]);
    // The passage after the emoji lands on the same text.
    const emoji = target.data.documents.find((d) => d.name === 'Emoji 🌳 chat')!;
    const [coding] = target.documentCodings(emoji.id);
    expect((await target.readSource(emoji.id)).text.slice(coding!.start, coding!.end)).toBe('the 🌳 park');
  });

  it('adds the project description after one the project already has, and keeps its own', async () => {
    const root = await tempDir();
    const fx = await buildExportFixture(root);
    const bytes = await exportQdpx(fx.store);
    const target = await ProjectStore.create(join(root, 'imported'), { name: 'Imported', description: 'Our own study.', codebook: [], attributes: [] }, fixedDeps());
    const report = await importRefiProject(target, { name: 'export.qdpx', bytes });
    expect(target.data.description).toBe(`Our own study.\n\n${fx.store.data.description.trim()}`);
    expect(report.warnings).toEqual(['The project description in export.qdpx was added after this project\'s own description.']);
    expect(target.data.coders.map((c) => c.name).sort()).toEqual(fx.store.data.coders.map((c) => c.name).sort());
    // A second import of the same file changes nothing more.
    const again = await importRefiProject(target, { name: 'export.qdpx', bytes });
    expect(again.counts).toMatchObject({ sources: 0, codings: 0, memos: 0 });
    expect(target.data.description).toBe(`Our own study.\n\n${fx.store.data.description.trim()}`);
  });
});
