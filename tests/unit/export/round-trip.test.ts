import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDescriptionText, exportQdpx } from '../../../electron/services/export/refi-export';
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
    codebook: treeOrder(codebook).map((c) => ({ path: path(c.id), color: c.color.toLowerCase(), codable: c.codable, description: codeDescriptionText(c.description) })),
    attributes: attributes.map((a) => ({ ...a })),
    // Texts by hash (a failure stays readable); a missing value and null both mean "no value".
    documents: documents.map((d, i) => ({
      name: d.name,
      text: hashText(texts[i]!),
      turns: d.turnCount,
      attributes: Object.fromEntries(Object.entries(d.attributes).filter(([, v]) => v !== null && v !== '')),
    })),
    coders: coders.map((c) => c.name).sort(),
    codings,
    memos,
  };
}

describe('REFI-QDA export, then import', () => {
  it('gives back the same codebook, documents, attributes, coders, codings and memos', async () => {
    const root = await tempDir();
    const fx = await buildExportFixture(root);
    const bytes = await exportQdpx(fx.store);
    const target = await ProjectStore.create(join(root, 'imported'), { name: 'Imported', description: '', codebook: [], attributes: [] }, fixedDeps());
    const report = await importRefiProject(target, { name: 'export.qdpx', bytes });
    expect(report.notImported).toEqual([]);
    expect(report.counts.sources).toBe(20);

    const before = await essence(fx.store);
    const after = await essence(target);
    expect(after.codebook).toEqual(before.codebook);
    expect(after.attributes).toEqual(before.attributes);
    expect(after.documents).toEqual(before.documents);
    expect(after.codings).toEqual(before.codings);
    // The project's description comes back as a project memo by "Marginalia import" (an import
    // does not replace the description of the project it goes into); the rest is as it was.
    const description = fx.store.data.description.trim();
    expect(description).not.toBe('');
    expect(after.coders).toEqual([...before.coders, 'Marginalia import'].sort());
    expect(after.memos).toEqual([...before.memos, `Marginalia import | project: project | ${description}`].sort());
  });
});
