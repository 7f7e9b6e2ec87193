import { AppError } from '../../shared/api/errors';
import { systemDeps } from '../services/deps';
import { ProjectStore } from '../services/project/project-store';
import { findStrayFiles, hasStrays } from '../services/project/stray-files';
import { ProjectSession, scriptUser } from '../services/workbench/project-session';
import { reattachStrayFiles } from '../services/workbench/stray-repair';

/**
 * `marginalia check --repair`: re-attaches the files project.json does not list, as the app's
 * offer does (the same change, through a session), then the check runs on the result.
 */
export async function repairStrayFiles(dir: string): Promise<void> {
  const store = await ProjectStore.open(dir, systemDeps, { app: 'cli' });
  try {
    if (store.readOnly) throw new AppError('READ_ONLY', `nothing was repaired. ${store.readOnly.reason}`);
    if (!hasStrays(await findStrayFiles(store.layout, store.data))) return;
    console.log(await reattachStrayFiles(new ProjectSession(store, scriptUser, systemDeps)));
  } finally {
    await store.close();
  }
}
