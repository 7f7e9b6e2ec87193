import { resolve } from 'node:path';
import { plural } from '../../../shared/text/plural';
import { AppError } from '../../../shared/api/errors';
import { handlerModule } from '../handler-registry';
import { createProject } from '../project/create-project';
import { restoreFromBackup } from '../project/restore-backup';
import { formatWhen } from '../store/project-lock';
import { moveStrayFilesAside, reattachStrayFiles } from '../workbench/stray-repair';
import { FolderBrowser } from './folder-browser';
import type { ProjectHost } from './project-host';

/** The app itself: its state and the user's name as a coder. */
export function appHandlers(host: ProjectHost) {
  return handlerModule('app', {
    'app.getState': async () => host.state(),
    'app.setCoderName': async ({ name }) => {
      await host.settings.setCoderName(name);
      return host.state();
    },
  });
}

/** Opening, creating, restoring and closing the project of this window. */
export function projectHandlers(host: ProjectHost) {
  return handlerModule('project', {
    'project.open': async ({ path }) => (await host.openAt(path)).snapshot(),
    'project.create': async ({ path, name, template }) =>
      (await host.activate(await createProject(resolve(path), { name, template }, host.deps, { app: host.app }))).snapshot(),
    'project.openSample': async () => (await host.openSample()).snapshot(),
    'project.restoreBackup': async ({ path, file, backup }) => {
      const dir = resolve(path);
      if (host.open && host.open.store.dir === dir) {
        throw new AppError('INVALID_INPUT', `${file} belongs to the project open now, which loaded it soundly: there is nothing to restore.`, dir);
      }
      const restored = await restoreFromBackup(dir, file, { ...(backup !== undefined && { backup }), app: host.app, deps: host.deps });
      const kept = restored.damagedCopy ? ` The damaged file was kept as ${restored.damagedCopy}.` : '';
      const set = restored.alsoRestored.length > 0 ? `, together with the ${plural(restored.alsoRestored.length, 'coder file')} taken at the same moment` : '';
      const aside = restored.keptAside.length > 1 ? ' Every file replaced is kept in damaged/.' : '';
      const message = `${restored.file} was restored from the backup of ${formatWhen(restored.takenAt)} (${restored.backup})${set}; changes made after that time are not in it.${kept}${aside}`;
      try {
        return { ...restored, message, snapshot: (await host.openAt(dir)).snapshot() };
      } catch (err) {
        // Another file may need the same: say what was done, and pass on its own offer.
        if (err instanceof AppError) throw new AppError(err.code, `${message} But the project still cannot be opened: ${err.message}`, err.file, { ...(err.restore && { restore: err.restore }), cause: err });
        throw err;
      }
    },
    'project.repairStrayFiles': async ({ action }) => {
      const session = host.session();
      const message = action === 'reattach' ? await reattachStrayFiles(session) : await moveStrayFilesAside(session);
      await session.lookForStrayFiles();
      return { message, snapshot: session.snapshot() };
    },
    'project.close': async () => {
      await host.close();
      await host.settings.forgetOpenProject();
      return null;
    },
  });
}

/** Where the user is in the open project (kept in app settings, not in the project). */
export function workspaceHandlers(host: ProjectHost) {
  return handlerModule('workspace', {
    'workspace.update': async (change) => {
      await host.settings.updateWorkspace(host.session().store.data.id, change);
      return null;
    },
  });
}

/** Browser mode's folder chooser: folders in the user's home folder and below. */
export function folderHandlers(host: ProjectHost) {
  const browser = new FolderBrowser({ home: host.options.homeDir, startAt: [host.projectsDir, host.options.documentsDir] });
  return handlerModule('folders', {
    'folders.list': async ({ path }) => browser.list(path),
  });
}

/** Native dialogs: none in browser mode (the Electron shell replaces this module's handler). */
export function dialogHandlers() {
  return handlerModule('dialog', {
    'dialog.pickProjectFolder': async () => null,
  });
}
