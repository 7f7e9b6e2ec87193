import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/services/backend';
import type { Backend } from '../../electron/services/backend';
import { fixedDeps } from './temp-dir';

/** A real backend on temp folders, `root` standing for the user's home; nothing opened yet. */
export function homeBackend(root: string, idPrefix = 'id'): Promise<Backend> {
  return createBackend({
    dataDir: join(root, 'data'),
    documentsDir: join(root, 'Documents'),
    homeDir: root,
    resourcesDir: resolve('resources'),
    shell: 'browser',
    deps: fixedDeps(undefined, idPrefix),
  });
}

/** A real backend on temp folders, with the sample project open and the user named. */
export async function sampleBackend(root: string, coderName: string | null = 'Test Coder', idPrefix = 'id'): Promise<Backend> {
  const backend = await homeBackend(root, idPrefix);
  await backend.openInitialProject();
  if (coderName) await backend.handlers['app.setCoderName']({ name: coderName });
  return backend;
}

export const SAMPLE_PATH = join('Documents', 'Marginalia', 'Thrive LDN sample.marginalia');
