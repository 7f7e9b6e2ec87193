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
import { EventHub } from './events';
import { exchangeHandlers } from './exchange/exchange-handlers';
import { analysisHandlers, exportHandlers } from './export/export-handlers';
import { WriteQueue, handlerModule, mountHandlers } from './handler-registry';
import type { HandlerModule } from './handler-registry';
import { importHandlers } from './import/import-handlers';
import { StagingArea } from './import/staging';
import { AppSettingsStore } from './settings/app-settings';
import { attributeHandlers, codeHandlers, codingHandlers, documentHandlers, historyHandlers, memoHandlers } from './workbench/edit-handlers';
import { searchHandlers, segmentsHandlers } from './workbench/retrieval-handlers';

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
  /** The one handler object every transport mounts. */
  handlers: Handlers;
  events: EventHub;
  /**
   * Opens `path` if given, else the last project (unless the user closed it: then nothing, and
   * the UI shows its start screen), else, on a first launch, a fresh copy of the sample.
   * `app.getState` waits for it.
   */
  openInitialProject(path?: string): Promise<void>;
  /** Flushes pending writes; call before the process exits. */
  shutdown(): Promise<void>;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const deps = options.deps ?? systemDeps;
  const events = new EventHub();
  const { settings, problem } = await AppSettingsStore.load(options.dataDir, deps.now);
  const notices: AppErrorShape[] = problem ? [problem.toShape()] : [];
  const host = new ProjectHost(settings, deps, { ...options, homeDir: options.homeDir ?? homedir() }, notices);
  const staging = new StagingArea();
  const queue = new WriteQueue();
  const session = () => host.session();
  let startup: Promise<void> = Promise.resolve();

  const app = appHandlers(host);
  const handlers = mountHandlers(
    [
      // The first state the UI sees already has the initial project, or its failure among `notices`.
      handlerModule('app', { ...app.handlers, 'app.getState': async (input) => (await startup, app.handlers['app.getState'](input)) }),
      projectHandlers(host),
      workspaceHandlers(host),
      documentHandlers(session),
      codingHandlers(session),
      codeHandlers(session),
      memoHandlers(session),
      attributeHandlers(session),
      historyHandlers(session),
      segmentsHandlers(session),
      searchHandlers(session),
      agreementHandlers(session, () => settings.data.coderName),
      exchangeHandlers(session, deps),
      importHandlers(session, staging, events, queue),
      exportHandlers(session, events),
      analysisHandlers(session),
      options.dialogs ?? dialogHandlers(),
      folderHandlers(host),
    ],
    queue,
  );

  return {
    handlers,
    events,
    openInitialProject(path) {
      const last = settings.projectToReopen;
      const firstLaunch = settings.data.recentProjects.length === 0;
      const opening = (async () => {
        if (path) await host.openAt(path);
        else if (last) await host.openAt(last);
        else if (firstLaunch) await host.openSample();
      })();
      startup = opening.catch((err: unknown) => {
        notices.push(toErrorShape(err));
      });
      return opening;
    },
    async shutdown() {
      await Promise.all([host.close(), settings.flush(), staging.clear()]);
    },
  };
}
