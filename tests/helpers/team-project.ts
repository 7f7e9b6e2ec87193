import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/services/backend';
import type { Input } from '../../shared/api/contract';
import { allDocuments } from './backend';
import { request } from './requests';
import { fixedDeps } from './temp-dir';

/**
 * A hand-built team project: four documents, two codes, coders who code as the pair did
 * (Sam and Dana), a Consensus coder, and a second-round identity; each test codes what it needs.
 */
export async function teamProject(root: string) {
  const backend = await createBackend({ dataDir: join(root, 'data'), documentsDir: root, resourcesDir: resolve('resources'), shell: 'browser', deps: fixedDeps() });
  const h = backend.handlers;
  const path = join(root, 'Team.marginalia');
  // The user picked the folder it goes in.
  await backend.grants.allow(root);
  await h['project.create']({ path, name: 'Team', template: 'empty' });
  for (let i = 1; i <= 4; i++) {
    const { stagedId } = await h['import.stage']({ fileName: `Interview ${i}.txt`, base64: Buffer.from(`Interview ${i}. ${'The lecture slides were hard to follow. '.repeat(10)}`).toString('base64') });
    await h['import.run']({ items: [{ source: { stagedId }, options: {} }] });
  }
  const slides = (await h['code.create']({ name: 'Lecture slides', parentId: null })).createdIds[0]!;
  const difficulties = (await h['code.create']({ name: 'Difficulties', parentId: null })).createdIds[0]!;
  const docs = (await allDocuments(h)).map((d) => d.id);
  const as = (name: string) => h['app.setCoderName']({ name });
  const code = (codeId: string, doc: number, start: number, end: number) => h['coding.apply']({ documentId: docs[doc]!, codeId, start, end });
  const coder = async (name: string) => (await h['app.getState']({})).project!.coders.find((c) => c.name === name)!.id;
  const all = { codeIds: null, documentIds: null, attributes: {}, coderIds: null };
  const matrix = (input: Omit<Input<'analysis.matrix'>, 'columns'>) => h['analysis.matrix'](request('analysis.matrix', { columns: { kind: 'documents' }, ...input }));
  return { backend, h, path, slides, difficulties, docs, as, code, coder, all, matrix };
}
