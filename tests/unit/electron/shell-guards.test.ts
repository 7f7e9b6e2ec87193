/**
 * The Electron shell's guards, run for real against a stubbed `electron` module. The fakes
 * below record what the shell hands to Electron (window options, event listeners, session
 * handlers, IPC handlers, the preload's bridge); each test then calls those recorded handlers
 * the way Electron would and checks the answer. No Electron binary is needed.
 *
 * The pure predicates behind these guards are covered in security.test.ts; this file checks
 * that the shell actually wires them in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/common/content-security-policy';
import { forwardEvents, registerIpcHandlers } from '../../../electron/main/ipc';
import { registerAppScheme, serveRenderer } from '../../../electron/main/protocol';
import { APP_INDEX_URL, APP_ORIGIN } from '../../../electron/main/security';
import { createMainWindow, installSecurityGuards } from '../../../electron/main/window';
import type { Origins } from '../../../electron/main/window';
import { EventHub } from '../../../electron/services/events';
import { EVENT_CHANNEL } from '../../../shared/api/bridge';
import type { MarginaliaBridge } from '../../../shared/api/bridge';
import { channels } from '../../../shared/api/contract';
import type { Channel, Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';

// ---------------------------------------------------------------------------------------------
// The stubbed `electron` module
// ---------------------------------------------------------------------------------------------

const fake = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;

  /** Just enough of Node's EventEmitter: `on`, `once`, `removeListener`, `emit`. */
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      const wrapped = (...args: never[]): unknown => {
        this.removeListener(name, wrapped);
        return listener(...args);
      };
      return this.on(name, wrapped);
    }
    removeListener(name: string, listener: Listener): this {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((l) => l !== listener),
      );
      return this;
    }
    listenerCount(name: string): number {
      return this.listeners.get(name)?.length ?? 0;
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of [...(this.listeners.get(name) ?? [])]) (listener as (...a: unknown[]) => unknown)(...args);
    }
    removeAllListeners(): void {
      this.listeners.clear();
    }
  }

  /** The order of calls that must happen before the app is ready. */
  const log: string[] = [];

  type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
    action: string;
  };
  type PermissionRequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string; isMainFrame: boolean },
  ) => void;
  type PermissionCheckHandler = (
    contents: unknown,
    permission: string,
    origin: string,
    details: { requestingUrl?: string; isMainFrame: boolean },
  ) => boolean;
  type DevicePermissionHandler = (details: { deviceType: string; origin: string }) => boolean;
  type BeforeRequestListener = (
    details: { url: string; method: string; resourceType: string },
    callback: (response: { cancel?: boolean; redirectURL?: string }) => void,
  ) => void;
  type HeadersReceivedListener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
  ) => void;

  class FakeWebRequest {
    beforeRequest: BeforeRequestListener | null = null;
    beforeRequestFilter: unknown = undefined;
    headersReceived: HeadersReceivedListener | null = null;
    headersReceivedFilter: unknown = undefined;
    onBeforeRequest(...args: unknown[]): void {
      this.beforeRequestFilter = args.length > 1 ? args[0] : undefined;
      this.beforeRequest = args.at(-1) as BeforeRequestListener | null;
    }
    onHeadersReceived(...args: unknown[]): void {
      this.headersReceivedFilter = args.length > 1 ? args[0] : undefined;
      this.headersReceived = args.at(-1) as HeadersReceivedListener | null;
    }
  }

  class FakeSession {
    permissionRequestHandler: PermissionRequestHandler | null = null;
    permissionCheckHandler: PermissionCheckHandler | null = null;
    devicePermissionHandler: DevicePermissionHandler | null = null;
    webRequest = new FakeWebRequest();
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
      this.permissionCheckHandler = handler;
    }
    setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
      this.devicePermissionHandler = handler;
    }
    reset(): void {
      this.permissionRequestHandler = null;
      this.permissionCheckHandler = null;
      this.devicePermissionHandler = null;
      this.webRequest = new FakeWebRequest();
    }
  }
  const defaultSession = new FakeSession();

  class FakeApp extends Emitter {
    isPackaged = false;
    /** What requestSingleInstanceLock answers. */
    gotLock = true;
    readonly enableSandbox = vi.fn(() => {
      log.push('app.enableSandbox');
    });
    readonly whenReady = vi.fn(() => {
      log.push('app.whenReady');
      return Promise.resolve();
    });
    readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
    readonly quit = vi.fn();
    readonly exit = vi.fn();
    readonly setName = vi.fn();
    readonly setPath = vi.fn();
    readonly setAboutPanelOptions = vi.fn();
    readonly addRecentDocument = vi.fn((_path: string) => undefined);
    readonly getPath = vi.fn((name: string) => `/fake/${name}`);
    getAppPath(): string {
      return '/fake/app';
    }
    getVersion(): string {
      return '0.0.0-test';
    }
    isReady(): boolean {
      return true;
    }
  }
  const app = new FakeApp();

  class FakeWebContents extends Emitter {
    windowOpenHandler: WindowOpenHandler | null = null;
    destroyed = false;
    readonly send = vi.fn();
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly session = defaultSession;
    setWindowOpenHandler(handler: WindowOpenHandler): void {
      this.windowOpenHandler = handler;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static readonly instances: FakeBrowserWindow[] = [];
    static getAllWindows(): FakeBrowserWindow[] {
      return [...FakeBrowserWindow.instances];
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return null;
    }
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    destroyed = false;
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn(() => {
      this.minimized = false;
    });
    minimized = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      FakeBrowserWindow.instances.push(this);
      // As in Electron: every new web contents is announced on the app.
      app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
  }

  class FakeIpcMain {
    readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
      // Electron throws on a second handler for the same channel.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    }
    removeHandler(channel: string): void {
      this.handlers.delete(channel);
    }
  }

  class FakeIpcRenderer extends Emitter {
    readonly invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }));
    readonly send = vi.fn();
    readonly sendSync = vi.fn();
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => {
      log.push('protocol.registerSchemesAsPrivileged');
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler);
    }),
  };

  const backend = {
    handlers: {} as Record<string, unknown>,
    events: { subscribe: vi.fn(() => () => undefined), emit: vi.fn() },
    grants: { allow: vi.fn((_path: string) => Promise.resolve()) },
    openInitialProject: vi.fn((_path?: string) => Promise.resolve()),
    shutdown: vi.fn(() => Promise.resolve()),
  };

  const ipcMain = new FakeIpcMain();
  const ipcRenderer = new FakeIpcRenderer();

  return {
    log,
    app,
    defaultSession,
    WebContents: FakeWebContents,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    protocol,
    protocolHandlers,
    backend,
    createBackend: vi.fn((_options: unknown) => Promise.resolve(backend)),
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      session: { defaultSession },
      ipcMain,
      ipcRenderer,
      protocol,
      shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
      dialog: {
        showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
        showErrorBox: vi.fn(),
        showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0 })),
      },
      contextBridge: { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => undefined) },
    },
    /** Back to a freshly started process: no listeners, handlers, windows or recorded calls. */
    reset(): void {
      log.length = 0;
      app.removeAllListeners();
      app.isPackaged = false;
      app.gotLock = true;
      defaultSession.reset();
      FakeBrowserWindow.instances.length = 0;
      ipcMain.handlers.clear();
      ipcRenderer.removeAllListeners();
      protocolHandlers.clear();
      backend.handlers = {};
    },
  };
});

vi.mock('electron', () => fake.electron);
// Only the entry module (index.ts) imports the backend; the services are not under test here.
vi.mock('../../../electron/services/backend', () => ({ createBackend: fake.createBackend }));

const { shell, contextBridge, dialog } = fake.electron;

beforeEach(() => {
  fake.reset();
  vi.clearAllMocks();
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const DEV = 'http://localhost:5173';
const PRODUCTION: Origins = { appOrigin: APP_ORIGIN, devServerOrigin: null };
const DEVELOPMENT: Origins = { appOrigin: DEV, devServerOrigin: DEV };

type FakeWebContents = InstanceType<typeof fake.WebContents>;

/** Installs the guards, then has "Electron" create a web contents, as it does for every window. */
function guardedContents(origins: Origins = PRODUCTION): FakeWebContents {
  installSecurityGuards(origins);
  const contents = new fake.WebContents();
  fake.app.emit('web-contents-created', { preventDefault: vi.fn() }, contents);
  return contents;
}

/** Fires a navigation-type event the way Electron 45 does (details first, url kept for old listeners). */
function fireNavigation(contents: FakeWebContents, name: string, url: string): Mock {
  const preventDefault = vi.fn();
  contents.emit(name, { url, isMainFrame: true, isSameDocument: false, preventDefault }, url, false, true);
  return preventDefault;
}

function openWindow(contents: FakeWebContents, url: string): unknown {
  const handler = contents.windowOpenHandler;
  if (handler === null) throw new Error('no window-open handler was installed');
  return handler({ url, frameName: '', features: '', disposition: 'new-window' });
}

/** What the session's network filter answers for `url`. */
function networkDecision(url: string): unknown {
  const listener = fake.defaultSession.webRequest.beforeRequest;
  if (listener === null) throw new Error('no onBeforeRequest listener was installed');
  const callback = vi.fn();
  listener({ url, method: 'GET', resourceType: 'xhr' }, callback);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0];
}

function headersFor(url: string, responseHeaders?: Record<string, string[]>): Record<string, unknown> {
  const listener = fake.defaultSession.webRequest.headersReceived;
  if (listener === null) throw new Error('no onHeadersReceived listener was installed');
  const callback = vi.fn();
  listener({ url, responseHeaders }, callback);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0] as Record<string, unknown>;
}

/** Every source expression of a policy, across all its directives. */
function policySources(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/).slice(1))
    .flat();
}

type StubHandlers = Handlers & Record<Channel, Mock>;

function stubHandlers(): StubHandlers {
  return Object.fromEntries(channels.map((channel) => [channel, vi.fn(() => Promise.resolve({ from: channel }))])) as StubHandlers;
}

function ipcHandler(channel: string): (event: unknown, ...args: unknown[]) => unknown {
  const handler = fake.ipcMain.handlers.get(channel);
  if (handler === undefined) throw new Error(`${channel} is not registered`);
  return handler;
}

/** An IPC event from a frame showing `url` (or from no frame at all). */
function ipcEvent(frameUrl: string | null | undefined, webContentsUrl = APP_INDEX_URL): unknown {
  return {
    sender: { getURL: () => webContentsUrl, id: 1 },
    senderFrame: frameUrl === undefined ? undefined : frameUrl === null ? null : { url: frameUrl, origin: '' },
    processId: 1,
    frameId: 1,
  };
}

/** URLs no window may navigate to, redirect to or open in production. */
const FOREIGN_PAGES = [
  'https://example.com/',
  'http://example.com/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'app://evil/',
  'app://evil/index.html',
  'app://marginalia@evil/',
  'app://marginalia.evil/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
];

const APP_PAGES = [APP_INDEX_URL, 'app://marginalia/', 'app://marginalia/index.html#/codebook', 'APP://MARGINALIA/index.html'];

// ---------------------------------------------------------------------------------------------
// Window options
// ---------------------------------------------------------------------------------------------

describe('createMainWindow: the window options', () => {
  const preload = '/opt/Marginalia/resources/app.asar/out/preload/index.cjs';

  function webPreferences(): Record<string, unknown> {
    createMainWindow(preload, APP_INDEX_URL);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    return fake.BrowserWindow.instances[0]?.options.webPreferences as Record<string, unknown>;
  }

  // Each flag on its own, as the exact value: leaving one out (relying on a default) fails too.
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
  ])('sets webPreferences.%s to %s', (key, value) => {
    expect(webPreferences()[key]).toBe(value);
  });

  it('sets no preference that would loosen the renderer', () => {
    const prefs = webPreferences();
    for (const key of ['experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'plugins']) {
      expect(prefs, key).not.toHaveProperty(key);
    }
  });

  it('uses the preload it is given (the bundled out/preload/index.cjs)', () => {
    expect(webPreferences().preload).toBe(preload);
  });

  it('loads the URL it is given into the window, and shows it only when ready', () => {
    const window = createMainWindow(preload, APP_INDEX_URL) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_INDEX_URL);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

// ---------------------------------------------------------------------------------------------
// web-contents-created: new windows, navigation, webviews
// ---------------------------------------------------------------------------------------------

describe('installSecurityGuards: every web contents', () => {
  it('guards every web contents the app creates, not just the first', () => {
    installSecurityGuards(PRODUCTION);
    const first = new fake.WebContents();
    const second = new fake.WebContents();
    fake.app.emit('web-contents-created', {}, first);
    fake.app.emit('web-contents-created', {}, second);
    for (const contents of [first, second]) {
      expect(contents.windowOpenHandler).toBeTypeOf('function');
      expect(fireNavigation(contents, 'will-navigate', 'https://example.com/')).toHaveBeenCalled();
    }
  });

  it('guards the main window created by createMainWindow', () => {
    installSecurityGuards(PRODUCTION);
    createMainWindow('/x/out/preload/index.cjs', APP_INDEX_URL);
    const contents = fake.BrowserWindow.instances[0]?.webContents;
    if (contents === undefined) throw new Error('no window');
    expect(openWindow(contents, 'https://example.com/')).toEqual({ action: 'deny' });
    expect(fireNavigation(contents, 'will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
  });

  describe('window.open and target=_blank', () => {
    it.each([
      'https://example.com/',
      'http://example.com/',
      'https://example.com:8443/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'app://marginalia/index.html',
      'about:blank',
      'data:text/html,hi',
    ])('denies %s and does not hand it to the OS', (url) => {
      const contents = guardedContents();
      expect(openWindow(contents, url)).toEqual({ action: 'deny' });
      expect(shell.openExternal).not.toHaveBeenCalled();
    });

    it('denies a mailto: link in the app, and hands it (only it) to the OS mail client', () => {
      const contents = guardedContents();
      const url = 'mailto:researcher@example.org?subject=Codebook';
      expect(openWindow(contents, url)).toEqual({ action: 'deny' });
      expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
    });
  });

  describe.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s', (eventName) => {
    it.each(FOREIGN_PAGES)('is prevented for %s', (url) => {
      const contents = guardedContents();
      expect(fireNavigation(contents, eventName, url)).toHaveBeenCalled();
    });

    it.each(APP_PAGES)('is allowed for %s', (url) => {
      const contents = guardedContents();
      expect(fireNavigation(contents, eventName, url)).not.toHaveBeenCalled();
    });

    it('in dev, is allowed for the dev server only', () => {
      const contents = guardedContents(DEVELOPMENT);
      expect(fireNavigation(contents, eventName, 'http://localhost:5173/')).not.toHaveBeenCalled();
      expect(fireNavigation(contents, eventName, 'http://localhost:5173/?t=1#/codebook')).not.toHaveBeenCalled();
      for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'https://example.com/', 'file:///etc/passwd']) {
        expect(fireNavigation(contents, eventName, url), url).toHaveBeenCalled();
      }
    });
  });

  it('prevents will-attach-webview', () => {
    const contents = guardedContents();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, { preload: '/evil.js', nodeIntegration: true }, { src: APP_INDEX_URL });
    expect(preventDefault).toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------------

describe('installSecurityGuards: permissions', () => {
  /** Everything Electron 45 may ask about (Session.setPermissionRequestHandler's union). */
  const PERMISSIONS = [
    'media', 'geolocation', 'geolocation-approximate', 'notifications', 'clipboard-read', 'clipboard-sanitized-write',
    'deprecated-sync-clipboard-read', 'openExternal', 'display-capture', 'fileSystem', 'fullscreen', 'automatic-fullscreen',
    'hid', 'serial', 'usb', 'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'mediaKeySystem', 'idle-detection',
    'local-fonts', 'local-network', 'local-network-access', 'loopback-network', 'persistent-storage', 'storage-access',
    'top-level-storage-access', 'window-management', 'speaker-selection', 'screen-wake-lock', 'system-wake-lock',
    'sensors', 'nfc', 'payment-handler', 'background-sync', 'periodic-background-sync', 'background-fetch', 'ar', 'vr',
    'hand-tracking', 'captured-surface-control', 'smart-card', 'web-app-installation', 'web-printing', 'unknown',
  ];

  it.each(PERMISSIONS)('answers a request for %s with false, even from the app itself', (permission) => {
    installSecurityGuards(PRODUCTION);
    const handler = fake.defaultSession.permissionRequestHandler;
    expect(handler).toBeTypeOf('function');
    const callback = vi.fn();
    handler?.(new fake.WebContents(), permission, callback, { requestingUrl: APP_INDEX_URL, isMainFrame: true });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(PERMISSIONS)('answers a check for %s with false', (permission) => {
    installSecurityGuards(PRODUCTION);
    const handler = fake.defaultSession.permissionCheckHandler;
    expect(handler).toBeTypeOf('function');
    expect(handler?.(new fake.WebContents(), permission, APP_ORIGIN, { requestingUrl: APP_INDEX_URL, isMainFrame: true })).toBe(false);
    expect(handler?.(null, permission, 'https://example.com', { isMainFrame: false })).toBe(false);
  });

  it('grants no device (HID, serial, USB)', () => {
    installSecurityGuards(PRODUCTION);
    const handler = fake.defaultSession.devicePermissionHandler;
    expect(handler).toBeTypeOf('function');
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(handler?.({ deviceType, origin: APP_ORIGIN })).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Session request blocking and the CSP header
// ---------------------------------------------------------------------------------------------

describe('installSecurityGuards: network requests', () => {
  it('filters every request (no URL filter narrows the listener)', () => {
    installSecurityGuards(PRODUCTION);
    expect(fake.defaultSession.webRequest.beforeRequest).toBeTypeOf('function');
    expect(fake.defaultSession.webRequest.beforeRequestFilter).toBeUndefined();
  });

  describe('in production', () => {
    beforeEach(() => installSecurityGuards(PRODUCTION));

    it.each([
      'http://example.com/',
      'https://example.com/script.js',
      'ws://example.com/socket',
      'wss://example.com/socket',
      'http://localhost/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'http://127.0.0.1:8080/',
      'https://[::1]/',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://marginalia@evil/',
      'chrome-extension://abcdef/x.js',
      'not a url',
    ])('cancels %s', (url) => {
      expect(networkDecision(url)).toEqual({ cancel: true });
    });

    it.each([
      APP_INDEX_URL,
      'app://marginalia/assets/index-abc.js',
      'devtools://devtools/bundled/devtools_app.html',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://marginalia/6f1c1f7e-0000-4000-8000-000000000000',
    ])('lets %s through', (url) => {
      expect(networkDecision(url)).toEqual({ cancel: false });
    });
  });

  describe('in development', () => {
    beforeEach(() => installSecurityGuards(DEVELOPMENT));

    it.each(['http://localhost:5173/', 'http://localhost:5173/src/main.tsx?t=1', 'ws://localhost:5173/', APP_INDEX_URL])(
      'lets %s through',
      (url) => {
        expect(networkDecision(url)).toEqual({ cancel: false });
      },
    );

    it.each([
      'http://localhost:5174/',
      'https://localhost:5173/',
      'wss://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173@evil.example/',
      'ws://evil.example:5173/',
      'https://example.com/',
    ])('cancels %s', (url) => {
      expect(networkDecision(url)).toEqual({ cancel: true });
    });
  });
});

describe('installSecurityGuards: the Content-Security-Policy header', () => {
  it('puts the policy on the app’s pages, replacing any the response carried', () => {
    installSecurityGuards(PRODUCTION);
    const reply = headersFor(APP_INDEX_URL, {
      'content-security-policy': ["default-src * 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    const headers = reply.responseHeaders as Record<string, string[]>;
    const cspNames = Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy');
    expect(cspNames).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy(null)]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(reply.cancel).not.toBe(true);
  });

  it('sets a policy with no remote origin, no inline script and no plugins', () => {
    installSecurityGuards(PRODUCTION);
    const policy = (headersFor(APP_INDEX_URL).responseHeaders as Record<string, string[]>)['Content-Security-Policy']?.[0] ?? '';
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(policy).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    for (const source of policySources(policy)) {
      expect(["'self'", "'none'", "'unsafe-inline'", 'data:'], source).toContain(source);
    }
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
  });

  it('in dev, allows the dev server and its socket, and no other origin', () => {
    installSecurityGuards(DEVELOPMENT);
    const policy = (headersFor('http://localhost:5173/').responseHeaders as Record<string, string[]>)['Content-Security-Policy']?.[0] ?? '';
    const remote = policySources(policy).filter((source) => source.includes('://'));
    expect(new Set(remote)).toEqual(new Set(['http://localhost:5173', 'ws://localhost:5173']));
    expect(policy).not.toContain('*');
  });

  it('leaves other pages (DevTools) with their own headers', () => {
    installSecurityGuards(PRODUCTION);
    expect(headersFor('devtools://devtools/bundled/devtools_app.html', { 'X-Test': ['1'] })).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------
// IPC
// ---------------------------------------------------------------------------------------------

describe('registerIpcHandlers', () => {
  let handlers: StubHandlers;

  beforeEach(() => {
    handlers = stubHandlers();
    registerIpcHandlers(handlers, APP_ORIGIN);
  });

  it('registers every contract channel with ipcMain.handle, and nothing else', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('removes every handler again with the function it returns', () => {
    fake.ipcMain.handlers.clear();
    const unregister = registerIpcHandlers(handlers, APP_ORIGIN);
    unregister();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  describe.each([
    ['a remote page', 'https://evil.example/'],
    ['a local file', 'file:///home/user/evil.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a userinfo trick', 'app://marginalia@evil/index.html'],
    ['the dev server in production', 'http://localhost:5173/'],
    ['about:blank', 'about:blank'],
    ['an empty frame URL', ''],
    ['a destroyed frame (null)', null],
    ['no frame at all', undefined],
  ])('a call from %s', (_label, frameUrl) => {
    it('gets the refusal envelope, for valid and invalid input alike, and no handler runs', async () => {
      const event = ipcEvent(frameUrl);
      for (const raw of [{ path: '/tmp/project' }, { path: 42 }]) {
        const reply = await ipcHandler('project.open')(event, raw);
        expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/refused/i) } });
      }
      expect(handlers['project.open']).not.toHaveBeenCalled();
    });
  });

  it('refuses a foreign sender on every channel', async () => {
    for (const channel of channels) {
      const reply = (await ipcHandler(channel)(ipcEvent('https://evil.example/'), {})) as { ok: boolean };
      expect(reply.ok, channel).toBe(false);
    }
    for (const channel of channels) expect(handlers[channel], channel).not.toHaveBeenCalled();
  });

  it('judges the frame that sent the message, not the window it sits in', async () => {
    const reply = await ipcHandler('app.getState')(ipcEvent('https://evil.example/frame.html', APP_INDEX_URL), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handlers['app.getState']).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong type', { path: 42 }],
    ['a missing field', {}],
    ['an extra field', { path: '/tmp/project', evil: true }],
    ['a non-object', 'rm -rf /'],
  ])('answers INVALID_INPUT to a trusted sender with %s, and no handler runs', async (_label, raw) => {
    const reply = await ipcHandler('project.open')(ipcEvent(APP_INDEX_URL), raw);
    expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('project.open') } });
    expect(handlers['project.open']).not.toHaveBeenCalled();
  });

  it('passes a valid call from the app to its handler and returns {ok: true, value}', async () => {
    handlers['project.open'].mockResolvedValueOnce({ path: '/tmp/project', name: 'P' });
    const reply = await ipcHandler('project.open')(ipcEvent(APP_INDEX_URL), { path: '/tmp/project' });
    expect(reply).toEqual({ ok: true, value: { path: '/tmp/project', name: 'P' } });
    expect(handlers['project.open']).toHaveBeenCalledExactlyOnceWith({ path: '/tmp/project' });
  });

  it('treats a missing input as an empty request', async () => {
    const reply = await ipcHandler('app.getState')(ipcEvent(APP_INDEX_URL));
    expect(reply).toEqual({ ok: true, value: { from: 'app.getState' } });
  });

  it('answers a handler’s error as an envelope, keeping its code and file', async () => {
    handlers['project.open'].mockRejectedValueOnce(new AppError('DAMAGED_FILE', 'Broken', 'project.json'));
    const reply = await ipcHandler('project.open')(ipcEvent(APP_INDEX_URL), { path: '/tmp/project' });
    expect(reply).toEqual({ ok: false, error: { code: 'DAMAGED_FILE', message: 'Broken', file: 'project.json' } });
  });

  it('in dev, trusts the dev server’s frames and not app://', async () => {
    fake.ipcMain.handlers.clear();
    const devHandlers = stubHandlers();
    registerIpcHandlers(devHandlers, DEV);
    expect(await ipcHandler('app.getState')(ipcEvent('http://localhost:5173/'), {})).toMatchObject({ ok: true });
    expect(await ipcHandler('app.getState')(ipcEvent(APP_INDEX_URL), {})).toMatchObject({ ok: false });
    expect(await ipcHandler('app.getState')(ipcEvent('http://localhost:5174/'), {})).toMatchObject({ ok: false });
    expect(devHandlers['app.getState']).toHaveBeenCalledOnce();
  });
});

describe('forwardEvents', () => {
  it('sends backend events to every live window on the event channel only', () => {
    const hub = new EventHub();
    const live = new fake.BrowserWindow({});
    const closed = new fake.BrowserWindow({});
    closed.destroyed = true;
    const unsubscribe = forwardEvents(hub);
    hub.emit('project.changed', { path: '/tmp/p' });
    expect(live.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'project.changed', { path: '/tmp/p' });
    expect(closed.webContents.send).not.toHaveBeenCalled();
    unsubscribe();
    hub.emit('project.changed', { path: '/tmp/q' });
    expect(live.webContents.send).toHaveBeenCalledOnce();
  });
});

// ---------------------------------------------------------------------------------------------
// The app:// protocol
// ---------------------------------------------------------------------------------------------

describe('the app:// protocol', () => {
  let scratch: string;
  let rendererDir: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'marginalia-shell-'));
    rendererDir = join(scratch, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    await writeFile(join(rendererDir, 'main.js'), 'console.log(1)');
    // Next to the renderer folder: what a traversal would reach.
    await writeFile(join(scratch, 'secret.txt'), 'secret');
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  function serve(url: string, method = 'GET'): Promise<Response> {
    serveRenderer(rendererDir);
    const handler = fake.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    return handler(new Request(url, { method }));
  }

  it('registers the scheme as standard and secure, without bypassing the CSP', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    const [schemes] = fake.protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const privileges = (schemes as { privileges: Record<string, unknown> }[])[0]?.privileges ?? {};
    expect(privileges.standard).toBe(true);
    expect(privileges.secure).toBe(true);
    expect(privileges.bypassCSP).not.toBe(true);
    expect(privileges.allowServiceWorkers).not.toBe(true);
  });

  it('serves the page with the CSP and nosniff', async () => {
    const response = await serve(APP_INDEX_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(null));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Marginalia');
  });

  it.each([
    'app://evil/index.html',
    'app://marginalia.evil/index.html',
    'app://marginalia/..%2fsecret.txt',
    'app://marginalia/%2e%2e%2fsecret.txt',
    'app://marginalia/..%5csecret.txt',
    'app://marginalia/..%2f..%2f..%2fetc%2fpasswd',
    'app://marginalia/missing.js',
  ])('answers 404 to %s', async (url) => {
    expect((await serve(url)).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    expect((await serve('app://marginalia/main.js', method)).status).toBe(405);
  });
});

// ---------------------------------------------------------------------------------------------
// The preload
// ---------------------------------------------------------------------------------------------

describe('the preload', () => {
  let bridge: MarginaliaBridge;

  beforeEach(async () => {
    vi.resetModules();
    await import('../../../electron/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    bridge = contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as MarginaliaBridge;
  });

  it("exposes one object as window.marginalia, with only invoke and onEvent", () => {
    expect(contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('marginalia');
    expect(Reflect.ownKeys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(bridge.invoke).toBeTypeOf('function');
    expect(bridge.onEvent).toBeTypeOf('function');
  });

  it('hands the page nothing of ipcRenderer (no send, on, invoke or the object itself)', () => {
    const exposed = bridge as unknown as Record<string, unknown>;
    for (const name of ['ipcRenderer', 'send', 'sendSync', 'on', 'once', 'removeListener', 'postMessage']) {
      expect(exposed, name).not.toHaveProperty(name);
    }
    for (const value of Object.values(exposed)) {
      expect(value).not.toBe(fake.ipcRenderer);
      expect(value).not.toBe(fake.ipcRenderer.invoke);
      expect(value).not.toBe(fake.ipcRenderer.send);
    }
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype);
  });

  it.each(['evil.channel', 'marginalia:event', '__proto__', 'constructor', 'hasOwnProperty', 'toString', ''])(
    'never sends the unknown channel %j to the main process',
    async (channel) => {
      const reply = await bridge.invoke(channel as Channel, {} as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('never sends a channel that is not a string', async () => {
    for (const channel of [42, null, undefined, { toString: () => 'app.getState' }]) {
      await expect(bridge.invoke(channel as unknown as Channel, {} as never)).resolves.toMatchObject({ ok: false });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends a contract channel with its input and returns the reply', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { shell: 'electron' } });
    await expect(bridge.invoke('project.open', { path: '/tmp/p' })).resolves.toEqual({ ok: true, value: { shell: 'electron' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('project.open', { path: '/tmp/p' });
  });

  it('turns a failed IPC call into an INTERNAL envelope instead of throwing', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge.invoke('app.getState', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'No handler registered' },
    });
  });

  it('onEvent passes the event name and payload, never the IPC event object', () => {
    const listener = vi.fn();
    bridge.onEvent(listener);
    const ipcEventObject = { sender: fake.ipcRenderer, senderId: 0, ports: [] };
    fake.ipcRenderer.emit(EVENT_CHANNEL, ipcEventObject, 'project.changed', { path: '/tmp/p' });
    expect(listener).toHaveBeenCalledExactlyOnceWith('project.changed', { path: '/tmp/p' });
    fake.ipcRenderer.emit(EVENT_CHANNEL, ipcEventObject, 42, {});
    expect(listener).toHaveBeenCalledOnce();
  });

  it('onEvent listens on the event channel only, and its unsubscribe removes the listener', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    expect([...fake.ipcRenderer.listeners.entries()].filter(([, list]) => list.length > 0).map(([name]) => name)).toEqual([EVENT_CHANNEL]);
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    unsubscribe();
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    fake.ipcRenderer.emit(EVENT_CHANNEL, {}, 'project.changed', { path: '/tmp/p' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('onEvent refuses a listener that is not a function', () => {
    expect(() => bridge.onEvent('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// The entry module: what it wires together at start-up
// ---------------------------------------------------------------------------------------------

describe('the main entry (index.ts)', () => {
  const mainDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../electron/main');
  const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
  const signals = ['SIGINT', 'SIGTERM'] as const;
  let signalListeners: Map<string, unknown[]>;

  beforeEach(() => {
    signalListeners = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.backend.handlers = stubHandlers();
  });

  afterEach(() => {
    // index.ts installs SIGINT/SIGTERM handlers that call app.quit: take them off this worker.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!signalListeners.get(signal)?.includes(listener)) process.removeListener(signal, listener);
      }
    }
    if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
    else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
    vi.restoreAllMocks();
  });

  async function start(options: { packaged?: boolean; rendererUrl?: string; lock?: boolean } = {}): Promise<void> {
    fake.app.isPackaged = options.packaged ?? false;
    fake.app.gotLock = options.lock ?? true;
    if (options.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
    else process.env.ELECTRON_RENDERER_URL = options.rendererUrl;
    vi.resetModules();
    await import('../../../electron/main/index');
    if (fake.app.gotLock) await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
  }

  function mainWindow(): InstanceType<typeof fake.BrowserWindow> {
    const window = fake.BrowserWindow.instances[0];
    if (window === undefined) throw new Error('no window');
    return window;
  }

  it('enables the sandbox for every renderer and registers app:// before the app is ready', async () => {
    await start();
    expect(fake.app.enableSandbox).toHaveBeenCalledOnce();
    const ready = fake.log.indexOf('app.whenReady');
    expect(fake.log.indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(fake.log.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(fake.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(fake.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    await start({ lock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('opens the window with the bundled preload next to the main bundle (out/preload/index.cjs)', async () => {
    await start();
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    // index.ts sits in out/main once built: the preload must be out/preload/index.cjs.
    expect(relative(mainDir, String(prefs.preload)).split(/[\\/]/)).toEqual(['..', 'preload', 'index.cjs']);
  });

  it('loads app://marginalia/index.html, guarded, with IPC for every channel from that origin only', async () => {
    await start();
    const window = mainWindow();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_INDEX_URL);
    // The guards were installed before the window existed, so its contents carry them.
    expect(openWindow(window.webContents, 'https://example.com/')).toEqual({ action: 'deny' });
    expect(fireNavigation(window.webContents, 'will-navigate', 'https://example.com/')).toHaveBeenCalled();
    expect(fake.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(networkDecision('https://example.com/')).toEqual({ cancel: true });
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(await ipcHandler('history.state')(ipcEvent('https://evil.example/'), {})).toMatchObject({ ok: false });
    expect(await ipcHandler('history.state')(ipcEvent(APP_INDEX_URL), {})).toMatchObject({ ok: true });
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app', async () => {
    await start({ packaged: true, rendererUrl: 'https://evil.example/' });
    expect(mainWindow().loadURL).toHaveBeenCalledExactlyOnceWith(APP_INDEX_URL);
    expect(fireNavigation(mainWindow().webContents, 'will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(networkDecision('https://evil.example/')).toEqual({ cancel: true });
    expect(await ipcHandler('app.getState')(ipcEvent('https://evil.example/'), {})).toMatchObject({ ok: false });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url'])(
    'ignores ELECTRON_RENDERER_URL=%s even unpackaged',
    async (rendererUrl) => {
      await start({ rendererUrl });
      expect(mainWindow().loadURL).toHaveBeenCalledExactlyOnceWith(APP_INDEX_URL);
      expect(networkDecision('http://localhost:5173/')).toEqual({ cancel: true });
    },
  );

  it('unpackaged, loads the dev server and widens the guards to its origin only', async () => {
    await start({ rendererUrl: 'http://localhost:5173/' });
    expect(mainWindow().loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/');
    expect(networkDecision('ws://localhost:5173/')).toEqual({ cancel: false });
    expect(networkDecision('http://localhost:5174/')).toEqual({ cancel: true });
    expect(fireNavigation(mainWindow().webContents, 'will-navigate', 'http://localhost:5173/')).not.toHaveBeenCalled();
    expect(fireNavigation(mainWindow().webContents, 'will-navigate', 'https://example.com/')).toHaveBeenCalled();
    expect(await ipcHandler('app.getState')(ipcEvent('http://localhost:5173/'), {})).toMatchObject({ ok: true });
    expect(await ipcHandler('app.getState')(ipcEvent('https://example.com/'), {})).toMatchObject({ ok: false });
  });

  // -------------------------------------------------------------------------------------------
  // What the native shell asks of the UI: Help → About, a .qdpx opened with the app
  // -------------------------------------------------------------------------------------------

  type MenuItem = { label?: string; click?: () => void; submenu?: MenuItem[] };

  function menuItem(menu: string, label: string): MenuItem {
    const template = fake.electron.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItem[];
    const item = template.find((m) => m.label === menu)?.submenu?.find((m) => m.label === label);
    if (item === undefined) throw new Error(`no ${menu} → ${label}`);
    return item;
  }

  const shellRequests = () => fake.backend.events.emit.mock.calls.filter(([name]) => name === 'shell.request').map(([, payload]) => payload);

  /** The UI asks for its first state, as the renderer does on load. */
  async function uiLoads(): Promise<void> {
    await ipcHandler('app.getState')(ipcEvent(APP_INDEX_URL), {});
    await new Promise((resolve) => setImmediate(resolve));
  }

  it('Help → About Marginalia asks the UI for its About box, once the UI is listening', async () => {
    await start();
    menuItem('Help', 'About Marginalia').click?.();
    expect(shellRequests()).toEqual([]);
    await uiLoads();
    expect(shellRequests()).toEqual([{ action: 'about' }]);
    menuItem('Help', 'About Marginalia').click?.();
    expect(shellRequests()).toEqual([{ action: 'about' }, { action: 'about' }]);
  });

  it('Edit → Undo, Redo and Code Selection… ask the UI to do what its own keys do', async () => {
    await start();
    await uiLoads();
    menuItem('Edit', 'Undo').click?.();
    menuItem('Edit', 'Redo').click?.();
    menuItem('Edit', 'Code Selection…').click?.();
    menuItem('File', 'Close Project').click?.();
    expect(shellRequests()).toEqual(['undo', 'redo', 'codePalette', 'closeProject'].map((command) => ({ action: 'command', command })));
  });

  describe('one instance at a time', () => {
    const savedArgv = process.argv;
    afterEach(() => {
      process.argv = savedArgv;
    });

    it('a second launch brings the open window forward (restoring it if minimised) instead of opening another', async () => {
      await start();
      const window = mainWindow();
      window.minimized = true;
      fake.app.emit('second-instance', {}, ['/opt/Marginalia/marginalia'], '/home/ana');
      expect(window.restore).toHaveBeenCalledOnce();
      expect(window.focus).toHaveBeenCalledOnce();
      expect(fake.BrowserWindow.instances).toHaveLength(1);
      expect(fake.backend.handlers['project.open']).not.toHaveBeenCalled();
    });

    it('a second launch naming a project folder (a recent document chosen in the taskbar) opens it in this window', async () => {
      fake.backend.handlers['project.open'] = vi.fn(({ path }: { path: string }) => Promise.resolve({ path }));
      await start();
      fake.app.emit('second-instance', {}, ['/opt/Marginalia/marginalia', '/home/ana/Documents/Marginalia/Study.marginalia'], '/home/ana');
      await vi.waitFor(() => expect(fake.backend.handlers['project.open']).toHaveBeenCalledWith({ path: '/home/ana/Documents/Marginalia/Study.marginalia' }));
      // Named by the user outside the page: granted, so the page may use it (restore it, open it again).
      expect(fake.backend.grants.allow).toHaveBeenCalledWith('/home/ana/Documents/Marginalia/Study.marginalia');
      expect(mainWindow().focus).toHaveBeenCalled();
      await vi.waitFor(() => expect(fake.backend.events.emit).toHaveBeenCalledWith('project.changed', { path: '/home/ana/Documents/Marginalia/Study.marginalia' }));
    });
  });

  describe("the operating system's recent documents", () => {
    const project = (path: string) => Promise.resolve({ path, name: 'Study' });

    it('every project the window opens, creates or restores goes on the list', async () => {
      fake.backend.handlers['project.open'] = vi.fn(({ path }: { path: string }) => project(path));
      fake.backend.handlers['project.create'] = vi.fn(({ path }: { path: string }) => project(path));
      fake.backend.handlers['project.openSample'] = vi.fn(() => project('/home/ana/Documents/Marginalia/Thrive LDN sample.marginalia'));
      fake.backend.handlers['project.restoreBackup'] = vi.fn(({ path }: { path: string }) => Promise.resolve({ snapshot: { path } }));
      await start();
      await ipcHandler('project.open')(ipcEvent(APP_INDEX_URL), { path: '/home/ana/A.marginalia' });
      await ipcHandler('project.create')(ipcEvent(APP_INDEX_URL), { path: '/home/ana/B.marginalia', name: 'B', template: 'empty' });
      await ipcHandler('project.openSample')(ipcEvent(APP_INDEX_URL), {});
      await ipcHandler('project.restoreBackup')(ipcEvent(APP_INDEX_URL), { path: '/home/ana/C.marginalia', file: 'project.json' });
      expect(fake.app.addRecentDocument.mock.calls.map(([path]) => path)).toEqual([
        '/home/ana/A.marginalia',
        '/home/ana/B.marginalia',
        '/home/ana/Documents/Marginalia/Thrive LDN sample.marginalia',
        '/home/ana/C.marginalia',
      ]);
    });

    it('a project that fails to open is not added', async () => {
      fake.backend.handlers['project.open'] = vi.fn(() => Promise.reject(new AppError('NOT_FOUND', 'No project here.')));
      await start();
      expect(await ipcHandler('project.open')(ipcEvent(APP_INDEX_URL), { path: '/home/ana/Gone' })).toMatchObject({ ok: false });
      expect(fake.app.addRecentDocument).not.toHaveBeenCalled();
    });

    it('the project opened at launch is added', async () => {
      fake.backend.handlers['app.getState'] = vi.fn(() => Promise.resolve({ project: { path: '/home/ana/Last.marginalia' } }));
      await start();
      await vi.waitFor(() => expect(fake.app.addRecentDocument).toHaveBeenCalledWith('/home/ana/Last.marginalia'));
    });

    it('on macOS, a project chosen from the Dock or Open Recent opens in the window', async () => {
      fake.backend.handlers['project.open'] = vi.fn(({ path }: { path: string }) => project(path));
      await start();
      const preventDefault = vi.fn();
      fake.app.emit('open-file', { preventDefault }, '/Users/ana/Documents/Marginalia/Study.marginalia');
      expect(preventDefault).toHaveBeenCalled();
      await vi.waitFor(() => expect(fake.backend.handlers['project.open']).toHaveBeenCalledWith({ path: '/Users/ana/Documents/Marginalia/Study.marginalia' }));
      expect(fake.app.addRecentDocument).toHaveBeenCalledWith('/Users/ana/Documents/Marginalia/Study.marginalia');
    });
  });

  describe('a .qdpx the operating system opened with the app', () => {
    const savedArgv = process.argv;
    let file: string;

    beforeEach(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'marginalia-opened-'));
      file = join(dir, 'NVivo export.qdpx');
      await writeFile(file, 'PK fake');
      fake.backend.handlers['import.stage'] = vi.fn(() => Promise.resolve({ stagedId: 'staged-1' }));
    });

    afterEach(async () => {
      process.argv = savedArgv;
      await rm(dirname(file), { recursive: true, force: true });
    });

    it('is staged and handed to the import dialog of the open project, not opened as a project', async () => {
      fake.backend.handlers['app.getState'] = vi.fn(() => Promise.resolve({ project: { path: '/projects/study' } }));
      process.argv = ['/opt/Marginalia/marginalia', file];
      await start();
      expect(fake.backend.openInitialProject).toHaveBeenCalledWith(undefined);
      await vi.waitFor(() => expect(fake.backend.handlers['import.stage']).toHaveBeenCalled());
      expect(fake.backend.handlers['import.stage']).toHaveBeenCalledWith({ fileName: 'NVivo export.qdpx', base64: Buffer.from('PK fake').toString('base64') });
      await uiLoads();
      expect(shellRequests()).toEqual([{ action: 'import', files: [{ stagedId: 'staged-1', fileName: 'NVivo export.qdpx', size: 7 }] }]);
    });

    it('with no project open, says to open one first and stages nothing', async () => {
      fake.backend.handlers['app.getState'] = vi.fn(() => Promise.resolve({ project: null }));
      process.argv = ['/opt/Marginalia/marginalia', file];
      await start();
      await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
      expect(JSON.stringify(dialog.showMessageBox.mock.calls[0])).toContain('Open a project to import NVivo export.qdpx into.');
      expect(fake.backend.handlers['import.stage']).not.toHaveBeenCalled();
      await uiLoads();
      expect(shellRequests()).toEqual([]);
    });
  });
});
