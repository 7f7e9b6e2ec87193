import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/services/backend';
import type { Backend } from '../../electron/services/backend';
import { MAX_DOCUMENT_PAGE } from '../../shared/api/limits';
import type { DocumentSummary, ExportChunk, ExportedFile, Handlers } from '../../shared/api/contract';
import { fixedDeps } from './temp-dir';

/** A real backend on temp folders, `root` standing for the user's home; nothing opened yet. */
export function homeBackend(root: string, idPrefix = 'id', ids: 'plain' | 'guid' = 'plain'): Promise<Backend> {
  return createBackend({
    dataDir: join(root, 'data'),
    documentsDir: join(root, 'Documents'),
    homeDir: root,
    resourcesDir: resolve('resources'),
    shell: 'browser',
    deps: fixedDeps(undefined, idPrefix, ids),
  });
}

/** A real backend on temp folders, with the sample project open and the user named. */
export async function sampleBackend(root: string, coderName: string | null = 'Test Coder', idPrefix = 'id', ids: 'plain' | 'guid' = 'plain'): Promise<Backend> {
  const backend = await homeBackend(root, idPrefix, ids);
  await backend.openInitialProject();
  if (coderName) await backend.handlers['app.setCoderName']({ name: coderName });
  return backend;
}

export const SAMPLE_PATH = join('Documents', 'Marginalia', 'Thrive LDN sample.marginalia');

/**
 * Two researchers, each with their own copy of the same sample project (the colleague's is a
 * copy of the lead's folder, at `root/colleague-copy`), with GUID ids as the app makes them:
 * the files they exchange hold only GUIDs.
 */
export async function samplePair(root: string): Promise<{ lead: Backend; colleague: Backend; colleagueCopy: string }> {
  const lead = await sampleBackend(join(root, 'lead'), 'Lead', 'id', 'guid');
  const colleagueCopy = join(root, 'colleague-copy');
  await cp(join(root, 'lead', SAMPLE_PATH), colleagueCopy, { recursive: true });
  const colleague = await sampleBackend(join(root, 'colleague'), 'Colleague', 'col', 'guid');
  // The colleague opens their copy with Open project: they picked it.
  await colleague.grants.allow(colleagueCopy);
  await colleague.handlers['project.open']({ path: colleagueCopy });
  return { lead, colleague, colleagueCopy };
}

/** An export's file, read back as the UI reads it: a piece at a time through export.read. */
export async function exportedBytes(handlers: Handlers, file: ExportedFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk: ExportChunk = await handlers['export.read']({ fileId: file.fileId, offset });
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  return Buffer.concat(parts);
}

/** Every document of the open project, as the Documents list gets them (the snapshot has only their tally). */
export async function allDocuments(handlers: Pick<Handlers, 'documents.page'>): Promise<DocumentSummary[]> {
  return (await handlers['documents.page']({ filter: {}, offset: 0, limit: MAX_DOCUMENT_PAGE })).rows;
}
