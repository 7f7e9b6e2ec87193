import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { dictionary } from '../../../shared/domain/dictionary';
import { appSettingsSchema } from '../../../shared/domain/schemas';
import type { AppSettings, RecentProject, WorkspaceSettings } from '../../../shared/domain/schemas';
import { makePrivateDir } from '../store/file-io';
import { JsonStore } from '../store/json-store';
import type { JsonFileKind } from '../store/json-store';

const MAX_RECENT = 12;

const settingsKind: JsonFileKind<AppSettings> = {
  schema: appSettingsSchema,
  version: 1,
  description: 'settings file',
};

const defaults: AppSettings = { schemaVersion: 1, coderName: null, recentProjects: [], reopenLastProject: true, workspaces: {} };

/** Where a user starts in a project they have not opened before. */
export const freshWorkspace: WorkspaceSettings = { lastDocumentId: null, scrollTop: 0, quickCodes: [], coderView: 'me', openingDocumentId: null, stopWords: null };

export interface LoadedSettings {
  settings: AppSettingsStore;
  /** Set when a damaged settings file was moved aside: the user should be told. */
  problem: AppError | null;
}

/** The user's app settings (name as coder, recent projects), kept per user, not per project. */
export class AppSettingsStore {
  private constructor(private readonly store: JsonStore<AppSettings>) {}

  static async load(dataDir: string, now: () => Date): Promise<LoadedSettings> {
    await makePrivateDir(dataDir);
    const file = join(dataDir, 'settings.json');
    const where = { file, displayName: file };
    try {
      return { settings: new AppSettingsStore(await JsonStore.load(settingsKind, where)), problem: null };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      let problem: AppError | null = null;
      if (err.code !== 'NOT_FOUND') {
        // Settings are not research data: keep the damaged file aside for inspection and start afresh.
        const aside = join(dataDir, `settings.damaged-${now().getTime()}.json`);
        await rename(file, aside);
        problem = new AppError(
          err.code,
          `${err.message.replace(/ It has not been changed\.$/, '')} It was moved to ${aside} and settings were reset.`,
          aside,
        );
      }
      return { settings: new AppSettingsStore(await JsonStore.create(settingsKind, where, defaults)), problem };
    }
  }

  get data(): Readonly<AppSettings> {
    return this.store.data;
  }

  /** A project was opened: first among the recent ones, and reopened at the next launch. */
  rememberProject(entry: RecentProject): Promise<void> {
    return this.store.update((s) => {
      s.recentProjects = [entry, ...s.recentProjects.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT);
      s.reopenLastProject = true;
    });
  }

  /** The user closed their project: the next launch starts on the start screen. */
  forgetOpenProject(): Promise<void> {
    return this.store.update((s) => {
      s.reopenLastProject = false;
    });
  }

  /** The project to reopen at launch: the last one, unless the user closed it. */
  get projectToReopen(): string | null {
    return this.store.data.reopenLastProject ? (this.store.data.recentProjects[0]?.path ?? null) : null;
  }

  get coderName(): string | null {
    return this.store.data.coderName;
  }

  setCoderName(name: string): Promise<void> {
    return this.store.update((s) => {
      s.coderName = name;
    });
  }

  workspace(projectId: string): WorkspaceSettings {
    const { workspaces } = this.store.data;
    // By own key only: an id like "constructor" must not find Object.prototype's.
    return Object.hasOwn(workspaces, projectId) ? workspaces[projectId]! : freshWorkspace;
  }

  updateWorkspace(projectId: string, change: Partial<WorkspaceSettings>): Promise<void> {
    return this.store.update((s) => {
      s.workspaces = Object.assign(dictionary<WorkspaceSettings>(), s.workspaces, { [projectId]: { ...this.workspace(projectId), ...change } });
    });
  }

  flush(): Promise<void> {
    return this.store.flush();
  }
}
