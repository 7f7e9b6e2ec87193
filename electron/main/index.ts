import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog } from 'electron';
import type { OpenDialogOptions } from 'electron';
import type { Handlers } from '../../shared/api/contract';
import { toErrorShape } from '../../shared/api/errors';
import { createBackend } from '../services/backend';
import type { Backend } from '../services/backend';
import { handlerModule } from '../services/handler-registry';
import { importLimits } from '../services/import/types';
import { importFilesFromArgv, isImportableFile, projectPathFromArgv } from './argv';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { rememberInitialProject, rememberOpenedProjects } from './recent-documents';
import { APP_INDEX_URL, APP_ORIGIN } from './security';
import { ShellRequests, stageOpenedFiles } from './shell-requests';
import { createMainWindow, installSecurityGuards } from './window';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const rendererDir = join(outDir, 'renderer');

/** Honoured only unpackaged, so no environment variable can point a shipped app at another page. */
function devServerUrl(): URL | null {
  const raw = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through
  }
  console.error(`Ignoring ELECTRON_RENDERER_URL=${raw}: not an http(s) URL.`);
  return null;
}

const devUrl = devServerUrl();
const devServerOrigin = devUrl?.origin ?? null;
const appOrigin = devServerOrigin ?? APP_ORIGIN;
const startUrl = devUrl?.href ?? APP_INDEX_URL;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
/** The handlers IPC and the menu use: the backend's, with the shell's additions. */
let handlers: Handlers | null = null;
let startup: Promise<void> | null = null;
const shellRequests = new ShellRequests((request) => backend?.events.emit('shell.request', request));
/** Files macOS asked us to open before the backend was up. */
const openedBeforeStart: string[] = [];
/** A project folder macOS asked us to open (from its recent documents) before the backend was up. */
let projectOpenedBeforeStart: string | undefined;

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(preloadPath, startUrl);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function pickProjectFolder(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Choose a project folder',
    properties: ['openDirectory', 'createDirectory'],
  };
  const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Opens a project the user chose outside the page (menu, recent documents, a second launch) and tells the UI. */
async function openProjectForUser(backend: Backend, path: string): Promise<void> {
  await startup;
  showMainWindow();
  try {
    // Chosen by the user outside the page: the page may use it from now on.
    await backend.grants.allow(path);
    const project = await (handlers ?? backend.handlers)['project.open']({ path });
    backend.events.emit('project.changed', { path: project.path });
  } catch (err) {
    backend.events.emit('backend.error', toErrorShape(err));
  }
}

async function openProjectFromMenu(backend: Backend): Promise<void> {
  const path = await pickProjectFolder();
  if (path !== null) await openProjectForUser(backend, path);
}

/**
 * A .qdpx the OS opened with the app goes to the import dialog of the open project; with no
 * project open there is nothing to import into, and a native message says what to do.
 */
async function importOpenedFiles(backend: Backend, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await startup;
  showMainWindow();
  try {
    const state = await backend.handlers['app.getState']({});
    if (state.project === null) {
      const names = paths.map((p) => basename(p)).join(', ');
      const options = {
        type: 'info' as const,
        message: `Open a project to import ${names} into.`,
        detail: 'Open or create a project, then choose Import… in the Documents panel and pick the file.',
      };
      await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      return;
    }
    const files = await stageOpenedFiles(paths, backend.handlers['import.stage'], importLimits.maxFileBytes);
    shellRequests.send({ action: 'import', files });
  } catch (err) {
    backend.events.emit('backend.error', toErrorShape(err));
  }
}

/**
 * The backend's handlers as IPC serves them. Once the UI has read the app state it is
 * listening, and shell requests that waited (About, files opened with the app) are handed over.
 */
function desktopHandlers(backend: Backend): Handlers {
  return {
    ...rememberOpenedProjects(backend.handlers),
    'app.getState': async (input) => {
      const state = await backend.handlers['app.getState'](input);
      setImmediate(() => shellRequests.uiReady());
      return state;
    },
  };
}

async function boot(): Promise<void> {
  installSecurityGuards({ appOrigin, devServerOrigin });
  serveRenderer(rendererDir);

  const started = await createBackend({
    dataDir: app.getPath('userData'),
    documentsDir: process.env.MARGINALIA_DOCUMENTS_DIR || app.getPath('documents'),
    homeDir: app.getPath('home'),
    resourcesDir: join(app.getAppPath(), 'resources'),
    shell: 'electron',
    dialogs: handlerModule('dialog', { 'dialog.pickProjectFolder': pickProjectFolder }),
  });
  backend = started;
  handlers = desktopHandlers(started);
  startup = started
    .openInitialProject(projectPathFromArgv(process.argv, process.defaultApp === true) ?? projectOpenedBeforeStart)
    .then(() => rememberInitialProject(started.handlers))
    .catch((err: unknown) => console.error('Could not open the initial project:', err));

  registerIpcHandlers(handlers, appOrigin);
  forwardEvents(started.events);
  const toUi = (request: Parameters<ShellRequests['send']>[0]) => {
    showMainWindow();
    shellRequests.send(request);
  };
  installMenu({
    openProject: () => void openProjectFromMenu(started),
    showAbout: () => toUi({ action: 'about' }),
    command: (command) => toUi({ action: 'command', command }),
  });
  showMainWindow();
  void importOpenedFiles(started, [...importFilesFromArgv(process.argv, process.defaultApp === true), ...openedBeforeStart.splice(0)]);
}

function fail(err: unknown): void {
  console.error('Marginalia could not start:', err);
  dialog.showErrorBox('Marginalia could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

function start(): void {
  // A second launch (the lock keeps it from running) brings this window forward, with what it was asked to open.
  app.on('second-instance', (_event, argv) => {
    if (!app.isReady() || backend === null) return;
    showMainWindow();
    const project = projectPathFromArgv(argv, process.defaultApp === true);
    if (project !== undefined) void openProjectForUser(backend, project);
    void importOpenedFiles(backend, importFilesFromArgv(argv, process.defaultApp === true));
  });
  // macOS hands over a double-clicked file, or a project chosen from its recent documents, by event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isImportableFile(path)) {
      if (backend === null) openedBeforeStart.push(path);
      else void importOpenedFiles(backend, [path]);
    } else if (backend === null) projectOpenedBeforeStart = path;
    else void openProjectForUser(backend, path);
  });
  app.on('activate', () => {
    if (backend !== null && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Pending writes are flushed before the process goes: quit is held until shutdown settles.
  let shutdown: 'running' | 'flushing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (backend === null || shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'flushing') return;
    shutdown = 'flushing';
    backend
      .shutdown()
      .catch((err: unknown) => console.error('Could not save everything before quitting:', err))
      .finally(() => {
        shutdown = 'done';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app.whenReady().then(boot).catch(fail);
}

app.setName('Marginalia');
// The same folder browser mode uses (see services/app-paths), so both share settings and recent projects.
app.setPath('userData', process.env.MARGINALIA_DATA_DIR ? resolve(process.env.MARGINALIA_DATA_DIR) : join(app.getPath('appData'), 'Marginalia'));
registerAppScheme();
app.enableSandbox();

if (app.requestSingleInstanceLock()) start();
else app.quit();
