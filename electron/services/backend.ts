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
import { restoreFromBackup } from './project/restore-backup';
import { formatWhen } from './store/project-lock';
import type { LockApp } from './store/project-lock';
import { createSampleProject } from './project/sample-project';
import { AppSettingsStore } from './settings/app-settings';
import { ProjectSession } from './workbench/project-session';
import { workbenchHandlers } from './workbench/workbench-handlers';
import { importHandlers } from './import/import-handlers';
import { exportHandlers } from './export/export-handlers';
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

/** Channels that only read: they run at once. Every other request waits for the one before it. */
const readingChannels = new Set<string>([
  'app.getState',
  'document.get',
  'document.codings',
  'history.state',
  'segments.query',
  'search.text',
  'agreement.compute',
  'agreement.cells',
  'agreement.disagreements',
  'agreement.export',
  'exchange.exportCoder',
  'import.stage',
  'import.inspect',
  'dialog.pickProjectFolder',
]);

/** Whether a channel only reads (exports and analyses included): such requests need not wait. */
export function isReadingChannel(channel: string): boolean {
  return readingChannels.has(channel) || /^(export|analysis)\./.test(channel);
}

/**
 * Runs changing requests one at a time, in the order they came. An operation reads the project
 * to build its change; two running at once could each build on what the other is replacing.
 */
function serialiseChanges(handlers: Handlers): Handlers {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => {
      if (isReadingChannel(channel)) return [channel, handler];
      const run = handler as (input: unknown) => Promise<unknown>;
      return [
        channel,
        (input: unknown) => {
          const result = tail.then(() => run(input));
          tail = result.catch(() => undefined);
          return result;
        },
      ];
    }),
  );
  return serial as unknown as Handlers;
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

  const app: LockApp = options.shell === 'electron' ? 'desktop' : 'browser';

  const closeCurrent = async (): Promise<void> => {
    const closing = current;
    current = null;
    await closing?.store.close();
  };

  const activate = async (store: ProjectStore): Promise<ProjectSession> => {
    if (current?.store !== store) await closeCurrent();
    current = new ProjectSession(store, settings, deps);
    await settings.rememberProject({ path: store.dir, name: store.data.name, openedAt: deps.now().toISOString() });
    return current;
  };

  /**
   * Opens a project for this window. The project already open here is closed first when it is
   * the same folder, so that its lock does not make the new copy read-only.
   */
  const openAt = async (path: string): Promise<ProjectSession> => {
    if (current && current.store.dir === path) await closeCurrent();
    return activate(await ProjectStore.open(path, deps, { app }));
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
    if (await exists(join(dest, 'project.json'))) return openAt(dest);
    return activate(await createSampleProject(options.resourcesDir, dest, deps, { app }));
  };

  const handlers: Handlers = {
    'app.getState': async () => state(),
    'app.setCoderName': async ({ name }) => {
      await settings.setCoderName(name);
      return state();
    },
    'project.open': async ({ path }) => (await openAt(resolve(path))).snapshot(),
    'project.create': async ({ path, name, template }) =>
      (await activate(await createProject(resolve(path), { name, template }, deps, { app }))).snapshot(),
    'project.openSample': async () => (await openSample()).snapshot(),
    'project.restoreBackup': async ({ path, file, backup }) => {
      const dir = resolve(path);
      if (current && current.store.dir === dir) {
        throw new AppError('INVALID_INPUT', `${file} belongs to the project open now, which loaded it soundly: there is nothing to restore.`, dir);
      }
      const restored = await restoreFromBackup(dir, file, { ...(backup !== undefined && { backup }), app, deps });
      const kept = restored.damagedCopy ? ` The damaged file was kept as ${restored.damagedCopy}.` : '';
      const message = `${restored.file} was restored from the backup of ${formatWhen(restored.takenAt)} (${restored.backup}); changes made to it after that time are not in it.${kept}`;
      try {
        return { ...restored, message, snapshot: (await openAt(dir)).snapshot() };
      } catch (err) {
        // Another file may need the same: say what was done, and pass on its own offer.
        if (err instanceof AppError) throw new AppError(err.code, `${message} But the project still cannot be opened: ${err.message}`, err.file, { ...(err.restore && { restore: err.restore }), cause: err });
        throw err;
      }
    },
    'project.close': async () => {
      await closeCurrent();
      return null;
    },
    'workspace.update': async (change) => {
      await settings.updateWorkspace(session().store.data.id, change);
      return null;
    },
    ...workbenchHandlers(session, deps),
    ...importHandlers(session, staging, events),
    ...exportHandlers(session, events),
    'dialog.pickProjectFolder': async () => null,
  };

  return {
    handlers: serialiseChanges(handlers),
    events,
    async openInitialProject(path) {
      const last = settings.data.recentProjects[0]?.path;
      try {
        if (path) await openAt(resolve(path));
        else if (last) await openAt(last);
        else await openSample();
      } catch (err) {
        notices.push(toErrorShape(err));
        throw err;
      }
    },
    async shutdown() {
      await Promise.all([closeCurrent(), settings.flush(), staging.clear()]);
    },
  };
}
