import { BrowserWindow, app, session } from 'electron';
import { contentSecurityPolicy } from '../common/content-security-policy';
import {
  denyAllPermissions,
  isAllowedNavigation,
  isAllowedNetworkRequest,
  isAppUrl,
  secureWebPreferences,
} from './security';
import { safeOpenExternal } from './open-external';

export interface Origins {
  /** Where the UI is loaded from: `app://marginalia`, or the dev server's origin. */
  appOrigin: string;
  /** The dev server's origin in development, else null. */
  devServerOrigin: string | null;
}

/** Applies to every web contents the app will ever create, windows and DevTools alike. */
export function installSecurityGuards({ appOrigin, devServerOrigin }: Origins): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      safeOpenExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(denyAllPermissions()));
  ses.setPermissionCheckHandler(() => denyAllPermissions());
  ses.setDevicePermissionHandler(() => denyAllPermissions());
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedNetworkRequest(details.url, devServerOrigin) });
  });

  const csp = contentSecurityPolicy(devServerOrigin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // Only the app's own documents: DevTools pages bring their own policy.
    if (!isAppUrl(details.url, appOrigin)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Marginalia',
    backgroundColor: '#f7f6f3',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((err: unknown) => console.error('[window] could not load the UI:', err));
  return window;
}
