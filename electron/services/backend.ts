import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppState, Handlers } from '../../shared/api/contract';
import { AppError, toErrorShape } from '../../shared/api/errors';
import type { AppErrorShape } from '../../shared/api/errors';
import { systemDeps } from './deps';
import type { ServiceDeps } from './deps';
import { EventHub } from './events';
import { createProject } from './project/create-project';
import { ProjectStore } from './project/project-store';
import { createSampleProject } from './project/sample-project';
import { AppSettingsStore } from './settings/app-settings';

export interface BackendOptions {
  /** App settings and recent projects (settings.json). */
  dataDir: string;
  /** Where the sample project's copy is made on first launch. */
  documentsDir: string;
  /** The app's resources/ folder (sample project sources, icons). */
  resourcesDir: string;
  shell: 'electron' | 'browser';
  deps?: ServiceDeps;
}

export interface Backend {
  /** The one handler object every transport mounts. */
  handlers: Handlers;
  events: EventHub;
  /** Opens `path` if given, else the last project, else a fresh copy of the sample. */
  openInitialProject(path?: string): Promise<void>;
  /** Flushes pending writes; call before the process exits. */
  shutdown(): Promise<void>;
}

const SAMPLE_FOLDER = 'Thrive LDN sample.marginalia';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const deps = options.deps ?? systemDeps;
  const events = new EventHub();
  const { settings, problem } = await AppSettingsStore.load(options.dataDir, deps.now);
  const notices: AppErrorShape[] = problem ? [problem.toShape()] : [];
  let current: ProjectStore | null = null;

  const requireProject = (): ProjectStore => {
    if (!current) throw new AppError('NO_PROJECT', 'No project is open.');
    return current;
  };

  const activate = async (store: ProjectStore): Promise<ProjectStore> => {
    if (current && current !== store) await current.flush();
    current = store;
    await settings.rememberProject({ path: store.dir, name: store.data.name, openedAt: deps.now().toISOString() });
    return store;
  };

  const openSample = async (): Promise<ProjectStore> => {
    // The bundled original is never opened: the user works in their own copy, made once.
    const dest = join(options.documentsDir, 'Marginalia', SAMPLE_FOLDER);
    if (await exists(join(dest, 'project.json'))) return activate(await ProjectStore.open(dest, deps));
    return activate(await createSampleProject(options.resourcesDir, dest, deps));
  };

  const handlers: Handlers = {
    'app.getState': async (): Promise<AppState> => ({
      shell: options.shell,
      coderName: settings.data.coderName,
      recentProjects: [...settings.data.recentProjects],
      project: current?.snapshot() ?? null,
      notices,
    }),
    'project.open': async ({ path }) => (await activate(await ProjectStore.open(resolve(path), deps))).snapshot(),
    'project.create': async ({ path, name, template }) =>
      (await activate(await createProject(resolve(path), { name, template }, deps))).snapshot(),
    'project.openSample': async () => (await openSample()).snapshot(),
    'project.close': async () => {
      await current?.flush();
      current = null;
      return null;
    },
    'document.get': async ({ documentId }) => requireProject().documentContent(documentId),
    'dialog.pickProjectFolder': async () => null,
  };

  return {
    handlers,
    events,
    async openInitialProject(path) {
      const last = settings.data.recentProjects[0]?.path;
      try {
        if (path) await activate(await ProjectStore.open(resolve(path), deps));
        else if (last) await activate(await ProjectStore.open(last, deps));
        else await openSample();
      } catch (err) {
        notices.push(toErrorShape(err));
        throw err;
      }
    },
    async shutdown() {
      await Promise.all([current?.flush(), settings.flush()]);
    },
  };
}
