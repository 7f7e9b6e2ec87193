import { homedir } from 'node:os';
import type { Handlers } from '../../shared/api/contract';
import { toErrorShape } from '../../shared/api/errors';
import type { AppErrorShape } from '../../shared/api/errors';
import { agreementHandlers } from './agreement/agreement-handlers';
import { appHandlers, dialogHandlers, folderHandlers, projectHandlers, workspaceHandlers } from './app/app-handlers';
import { ProjectHost } from './app/project-host';
import type { HostOptions } from './app/project-host';
import { systemDeps } from './deps';
import type { ServiceDeps } from './deps';
import { PathGrants } from './access/path-grants';
import { guardRequestPaths } from './access/request-paths';
import { EventHub } from './events';
import { exchangeHandlers } from './exchange/exchange-handlers';
import { analysisHandlers, exportHandlers } from './export/export-handlers';
import { ExportFiles } from './export/export-files';
import { WriteQueue, handlerModule, mountHandlers } from './handler-registry';
import type { HandlerModule } from './handler-registry';
import { importHandlers } from './import/import-handlers';
import { StagingArea } from './import/staging';
import { AppSettingsStore } from './settings/app-settings';
import type { LoadedSettings } from './settings/app-settings';
import { service, startAll, stopAllOrThrow } from './lifecycle';
import { attributeHandlers, codeHandlers, coderHandlers, codingHandlers, documentHandlers, historyHandlers, memoHandlers, setHandlers } from './workbench/edit-handlers';
import { queryHandlers, wordHandlers } from './workbench/query-handlers';
import { searchHandlers, segmentsHandlers } from './workbench/retrieval-handlers';
import { documentListHandlers } from './workbench/document-list-handlers';

export interface BackendOptions extends Omit<HostOptions, 'homeDir'> {
  /** Default: the operating system's home folder for this user. */
  homeDir?: string;
  /** App settings and recent projects (settings.json). */
  dataDir: string;
  deps?: ServiceDeps;
  /** The shell's native dialogs (Electron); browser mode has none. */
  dialogs?: HandlerModule<'dialog'>;
}

export interface Backend {
  /** The one handler object every transport mounts; every path a request names is checked against `grants` first. */
  handlers: Handlers;
  /** The files the user picked this session (the shell adds what its dialogs and drops return). */
  grants: PathGrants;
  events: EventHub;
  /**
   * Opens `path` if given, else the last project (unless the user closed it: then nothing, and
   * the UI shows its start screen), else, on a first launch, a fresh copy of the sample.
   * `app.getState` waits for it.
   */
  openInitialProject(path?: string): Promise<void>;
  /**
   * Stops every service one by one (the open project: its last change saved, its logs folded
   * into snapshots, its lock released; the staging area; the exports not yet read back; the settings), each whatever became of
   * the others; throws afterwards, naming each that failed. Call before the process exits.
   */
  shutdown(): Promise<void>;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const deps = options.deps ?? systemDeps;
  const events = new EventHub();
  let loaded: LoadedSettings | null = null;
  const staging = new StagingArea();
  const exportFiles = new ExportFiles();
  const settingsService = service(
    'settings',
    async () => loaded?.settings.flush(),
    async () => {
      loaded = await AppSettingsStore.load(options.dataDir, deps.now);
    },
  );
  // Its folder is made when the first file is staged.
  const stagingService = service('staging area', () => staging.clear());
  // Exports the UI has not read back yet; their folder too is made when first needed.
  const exportFilesService = service('export files', () => exportFiles.clear());
  await startAll([settingsService, stagingService, exportFilesService]);
  const { settings, problem } = loaded!;
  const notices: AppErrorShape[] = problem ? [problem.toShape()] : [];
  const host = new ProjectHost(settings, deps, { ...options, homeDir: options.homeDir ?? homedir() }, notices);
  // Opened by a request (or `openInitialProject`); closing it stops the store's own services.
  const projectService = service('project', () => host.close());
  const queue = new WriteQueue();
  const session = () => host.session();
  const grants = new PathGrants(() => host.open?.store.dir ?? null, () => [...settings.data.recentProjects.map((p) => p.path), host.projectsDir]);
  let startup: Promise<void> = Promise.resolve();

  const app = appHandlers(host);
  const handlers = mountHandlers(
    [
      // The first state the UI sees already has the initial project, or its failure among `notices`.
      handlerModule('app', { ...app.handlers, 'app.getState': async (input) => (await startup, app.handlers['app.getState'](input)) }),
      projectHandlers(host),
      workspaceHandlers(host),
      documentHandlers(session),
      documentListHandlers(session),
      codingHandlers(session),
      codeHandlers(session),
      memoHandlers(session),
      attributeHandlers(session),
      setHandlers(session),
      coderHandlers(session),
      historyHandlers(session),
      segmentsHandlers(session),
      searchHandlers(session),
      queryHandlers(session),
      wordHandlers(session),
      agreementHandlers(session, () => settings.data.coderName),
      exchangeHandlers(session, deps),
      importHandlers(session, staging, events, queue),
      exportHandlers(session, events, exportFiles),
      analysisHandlers(session),
      options.dialogs ?? dialogHandlers(),
      folderHandlers(host),
    ],
    queue,
  );

  return {
    handlers: guardRequestPaths(handlers, grants),
    grants,
    events,
    openInitialProject(path) {
      const last = settings.projectToReopen;
      const firstLaunch = settings.data.recentProjects.length === 0;
      const opening = (async () => {
        if (path) {
          // Named by the user: on the command line, or by the system from their double-click.
          await grants.allow(path);
          await host.openAt(path);
        } else if (last) await host.openAt(last);
        else if (firstLaunch) await host.openSample();
      })();
      startup = opening.catch((err: unknown) => {
        notices.push(toErrorShape(err));
      });
      return opening;
    },
    shutdown: () => stopAllOrThrow([projectService, stagingService, exportFilesService, settingsService]),
  };
}
