import { app } from 'electron';
import type { Handlers } from '../../shared/api/contract';

/**
 * Every project the window opens goes on the operating system's recent-documents list (the
 * Dock's and File → Open Recent on macOS, the taskbar jump list on Windows, recent files on
 * Linux desktops). Choosing one there hands its folder back to the app (see index.ts).
 */
export function rememberOpenedProjects(handlers: Handlers): Handlers {
  const remember = <T extends { path: string }>(snapshot: T): T => {
    app.addRecentDocument(snapshot.path);
    return snapshot;
  };
  return {
    ...handlers,
    'project.open': async (input) => remember(await handlers['project.open'](input)),
    'project.create': async (input) => remember(await handlers['project.create'](input)),
    'project.openSample': async (input) => remember(await handlers['project.openSample'](input)),
    'project.restoreBackup': async (input) => {
      const result = await handlers['project.restoreBackup'](input);
      remember(result.snapshot);
      return result;
    },
  };
}

/** The project opened at launch, once it is open. */
export async function rememberInitialProject(handlers: Handlers): Promise<void> {
  const { project } = await handlers['app.getState']({});
  if (project) app.addRecentDocument(project.path);
}
