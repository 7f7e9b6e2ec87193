import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppState, Handlers, HistoryState } from '../../shared/api/contract';
import { AppError, toErrorShape } from '../../shared/api/errors';
import type { AppErrorShape } from '../../shared/api/errors';
import { systemDeps } from './deps';
import type { ServiceDeps } from './deps';
import { EventHub } from './events';
import { createProject } from './project/create-project';
import { ProjectStore } from './project/project-store';
import { createSampleProject } from './project/sample-project';
import { AppSettingsStore } from './settings/app-settings';
import { ProjectSession } from './workbench/project-session';
import { workbenchHandlers } from './workbench/workbench-handlers';
import { importHandlers } from './import/import-handlers';
import { StagingArea } from './import/staging';

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
  const staging = new StagingArea();
  let current: ProjectSession | null = null;
  const noHistory: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

  const session = (): ProjectSession => {
    if (!current) throw new AppError('NO_PROJECT', 'No project is open.');
    return current;
  };

  const activate = async (store: ProjectStore): Promise<ProjectSession> => {
    await current?.store.flush();
    current = new ProjectSession(store, settings, deps);
    await settings.rememberProject({ path: store.dir, name: store.data.name, openedAt: deps.now().toISOString() });
    return current;
  };

  const state = (): AppState => ({
    shell: options.shell,
    coderName: settings.data.coderName,
    recentProjects: [...settings.data.recentProjects],
    project: current?.snapshot() ?? null,
    history: current?.history.state() ?? noHistory,
    notices,
  });

  const openSample = async (): Promise<ProjectSession> => {
    // The bundled original is never opened: the user works in their own copy, made once.
    const dest = join(options.documentsDir, 'Marginalia', SAMPLE_FOLDER);
    if (await exists(join(dest, 'project.json'))) return activate(await ProjectStore.open(dest, deps));
    return activate(await createSampleProject(options.resourcesDir, dest, deps));
  };

  const handlers: Handlers = {
    'app.getState': async () => state(),
    'app.setCoderName': async ({ name }) => {
      await settings.setCoderName(name);
      return state();
    },
    'project.open': async ({ path }) => (await activate(await ProjectStore.open(resolve(path), deps))).snapshot(),
    'project.create': async ({ path, name, template }) =>
      (await activate(await createProject(resolve(path), { name, template }, deps))).snapshot(),
    'project.openSample': async () => (await openSample()).snapshot(),
    'project.close': async () => {
      await current?.store.flush();
      current = null;
      return null;
    },
    'workspace.update': async (change) => {
      await settings.updateWorkspace(session().store.data.id, change);
      return null;
    },
    ...workbenchHandlers(session, deps),
    ...importHandlers(session, staging, events),
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
      await Promise.all([current?.store.flush(), settings.flush(), staging.clear()]);
    },
  };
}
