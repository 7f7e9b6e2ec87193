import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { toErrorShape } from '../../shared/api/errors';
import { createBackend } from '../services/backend';
import type { Backend } from '../services/backend';
import { handlerModule } from '../services/handler-registry';
import { projectPathFromArgv } from './argv';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_INDEX_URL, APP_ORIGIN } from './security';
import { createMainWindow, installMenu, installSecurityGuards } from './window';

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

async function openProjectFromMenu(backend: Backend): Promise<void> {
  const path = await pickProjectFolder();
  if (path === null) return;
  try {
    const project = await backend.handlers['project.open']({ path });
    backend.events.emit('project.changed', { path: project.path });
  } catch (err) {
    backend.events.emit('backend.error', toErrorShape(err));
  }
}

async function boot(): Promise<void> {
  installSecurityGuards({ appOrigin, devServerOrigin });
  serveRenderer(rendererDir);
  app.setAboutPanelOptions({ applicationName: 'Marginalia', applicationVersion: app.getVersion() });

  const started = await createBackend({
    dataDir: app.getPath('userData'),
    documentsDir: process.env.MARGINALIA_DOCUMENTS_DIR || app.getPath('documents'),
    resourcesDir: join(app.getAppPath(), 'resources'),
    shell: 'electron',
    dialogs: handlerModule('dialog', { 'dialog.pickProjectFolder': pickProjectFolder }),
  });
  backend = started;
  started
    .openInitialProject(projectPathFromArgv(process.argv, process.defaultApp === true))
    .catch((err: unknown) => console.error('Could not open the initial project:', err));

  registerIpcHandlers(started.handlers, appOrigin);
  forwardEvents(started.events);
  installMenu({ openProject: () => void openProjectFromMenu(started) });
  showMainWindow();
}

function fail(err: unknown): void {
  console.error('Marginalia could not start:', err);
  dialog.showErrorBox('Marginalia could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

function start(): void {
  app.on('second-instance', () => {
    if (app.isReady() && backend !== null) showMainWindow();
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
