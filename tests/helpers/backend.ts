import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/services/backend';
import type { Backend } from '../../electron/services/backend';
import { fixedDeps } from './temp-dir';

/** A real backend on temp folders, with the sample project open and the user named. */
export async function sampleBackend(root: string, coderName: string | null = 'Test Coder', idPrefix = 'id', ids: 'plain' | 'guid' = 'plain'): Promise<Backend> {
  const backend = await createBackend({
    dataDir: join(root, 'data'),
    documentsDir: join(root, 'Documents'),
    resourcesDir: resolve('resources'),
    shell: 'browser',
    deps: fixedDeps(undefined, idPrefix, ids),
  });
  await backend.openInitialProject();
  if (coderName) await backend.handlers['app.setCoderName']({ name: coderName });
  return backend;
}

export const SAMPLE_PATH = join('Documents', 'Marginalia', 'Thrive LDN sample.marginalia');
