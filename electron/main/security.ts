/**
 * The Electron shell's security rules as pure predicates: no `electron` import, so every rule
 * is unit-tested in plain Node. Every URL that fails to parse is denied.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Hosts that `shell.openExternal` may open over https. Empty on purpose: nothing leaves the app yet. */
export const EXTERNAL_HOSTS: readonly string[] = [];

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Same scheme, host and port, and no userinfo. Compared field by field because Node gives
 * custom schemes an opaque origin ("null"), and because `app://marginalia@evil/` must not
 * pass a prefix test.
 */
function sameOrigin(candidate: URL, origin: URL): boolean {
  return (
    candidate.protocol === origin.protocol &&
    candidate.hostname.toLowerCase() === origin.hostname.toLowerCase() &&
    candidate.hostname !== '' &&
    candidate.port === origin.port &&
    candidate.username === '' &&
    candidate.password === ''
  );
}

/** True when `url` belongs to the UI's own origin: `app://marginalia` or, in dev, the dev server. */
export function isAppUrl(url: unknown, appOrigin: string): boolean {
  const candidate = parse(url);
  const origin = parse(appOrigin);
  return candidate !== null && origin !== null && sameOrigin(candidate, origin);
}

/** The window may only ever show the app itself. */
export function isAllowedNavigation(url: unknown, appOrigin: string): boolean {
  return isAppUrl(url, appOrigin);
}

/** IPC is answered only for frames showing the app. */
export function isTrustedSender(frameUrl: unknown, appOrigin: string): boolean {
  return isAppUrl(frameUrl, appOrigin);
}

const ALWAYS_ALLOWED_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);

/**
 * The session's network filter: the app protocol, DevTools, data: and blob: are local; in dev,
 * the dev server's page and HMR socket. Everything else (http, ws, ftp, file, …) is cancelled.
 */
export function isAllowedNetworkRequest(url: unknown, devServerOrigin: string | null): boolean {
  const candidate = parse(url);
  if (candidate === null) return false;
  if (ALWAYS_ALLOWED_SCHEMES.has(candidate.protocol)) return true;
  if (candidate.protocol === `${APP_SCHEME}:`) return isAppUrl(url, APP_ORIGIN);
  if (devServerOrigin === null) return false;
  const dev = parse(devServerOrigin);
  if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  if (sameOrigin(candidate, dev)) return true;
  const socket = new URL(dev.href);
  socket.protocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return sameOrigin(candidate, socket);
}

/** What `shell.openExternal` may receive: mailto:, and https to an allow-listed host. */
export function isSafeExternalUrl(url: unknown, allowedHosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const candidate = parse(url);
  if (candidate === null) return false;
  if (candidate.protocol === 'mailto:') return true;
  if (candidate.protocol !== 'https:') return false;
  if (candidate.username !== '' || candidate.password !== '' || candidate.port !== '') return false;
  return allowedHosts.includes(candidate.hostname);
}

/** Permission requests and checks: the app needs no camera, location, notifications or devices. */
export function denyAllPermissions(): false {
  return false;
}

export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  preload: string;
}

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
  };
}
