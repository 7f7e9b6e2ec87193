import { join } from 'node:path';
import { createBackend } from '../../electron/services/backend';
import type { Backend } from '../../electron/services/backend';
import { createProject } from '../../electron/services/project/create-project';
import { addCoder, addCodings, addDocument } from './store-edits';
import { fixedDeps } from './temp-dir';

/** Issue 15's scenario: a project where "Real Coder" coded a passage in one session, then closed it. */

export const CONVERSATION = 'Facilitator: Welcome.\n\nParticipant 1: We started the walking group ourselves.';

/** The project at `root`/Study.marginalia; the coder's colour is not the first coder's default, so a test can tell where it came from. */
export async function realCoderProject(root: string) {
  const dir = join(root, 'Study.marginalia');
  const store = await createProject(dir, { name: 'Study', template: 'thrive-ldn' }, fixedDeps(Date.UTC(2026, 0, 5, 9)));
  const doc = await addDocument(store, { name: 'Conversation 1', text: CONVERSATION, turns: [], attributes: {}, importedFrom: 'c1.txt' });
  const coder = await addCoder(store, 'Real Coder', '#d4351c');
  const codeId = store.data.codebook.find((c) => c.name === 'Communities take the lead')!.id;
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId, start: 38, end: 77 }]);
  await store.close();
  return { root, dir, coder, doc, codeId };
}

/** The app on `root`'s folders (`root` is home), a few days later. */
export function appOn(root: string): Promise<Backend> {
  return createBackend({ dataDir: join(root, 'data'), documentsDir: join(root, 'Documents'), homeDir: root, resourcesDir: 'resources', shell: 'browser', deps: fixedDeps(Date.UTC(2026, 0, 8, 12)) });
}

/** The app, with the project folder `dir` picked by the user (as Open project does). */
export async function appWithPicked(root: string, dir: string): Promise<Backend> {
  const app = await appOn(root);
  await app.grants.allow(dir);
  return app;
}
