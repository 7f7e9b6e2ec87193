import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  EXTERNAL_HOSTS,
  denyAllPermissions,
  isAllowedNavigation,
  isAllowedNetworkRequest,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/main/security';

const DEV = 'http://localhost:5173';

/** URLs no predicate may ever accept as the app (in production). */
const HOSTILE = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'file:///etc/passwd',
  'FILE:///etc/passwd',
  'https://example.com/',
  'http://127.0.0.1.evil.com/',
  'app://evil/',
  'app://marginalia@evil/',
  'app://marginalia:x@evil/',
  'app://evil@marginalia/',
  'app://marginalia.evil/',
  'app://marginalia:8080/',
  'app:marginalia/index.html',
  'app:///index.html',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://marginalia/0d1c',
  'about:blank',
  'chrome://settings',
  '',
  'not a url',
  '//marginalia/index.html',
];

describe('isAppUrl', () => {
  it('accepts the app protocol on the app host, whatever the path, query or case', () => {
    expect(isAppUrl(APP_INDEX_URL, APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://marginalia/', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://marginalia/assets/index-abc.js?v=1#x', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('APP://MARGINALIA/index.html', APP_ORIGIN)).toBe(true);
  });

  it.each(HOSTILE)('denies %j', (url) => {
    expect(isAppUrl(url, APP_ORIGIN)).toBe(false);
  });

  it('denies values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, new URL(APP_INDEX_URL)]) {
      expect(isAppUrl(value, APP_ORIGIN)).toBe(false);
    }
  });

  it('in dev, accepts exactly the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.com/', DEV)).toBe(false);
    expect(isAppUrl('http://user@localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl(APP_INDEX_URL, DEV)).toBe(false);
  });

  it('denies everything when the app origin itself is malformed', () => {
    expect(isAppUrl(APP_INDEX_URL, 'not an origin')).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows navigation within the app only', () => {
    expect(isAllowedNavigation('app://marginalia/index.html#/codebook', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/', DEV)).toBe(true);
  });

  it.each(HOSTILE)('denies %j', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false);
  });

  it('denies leaving the dev server for another local port or host', () => {
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://localhost.evil.com:5173/', DEV)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts frames showing the app', () => {
    expect(isTrustedSender(APP_INDEX_URL, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', DEV)).toBe(true);
  });

  it.each(HOSTILE)('does not trust %j', (url) => {
    expect(isTrustedSender(url, APP_ORIGIN)).toBe(false);
  });

  it('does not trust a missing frame', () => {
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
  });
});

describe('isAllowedNetworkRequest', () => {
  it('allows the local schemes', () => {
    for (const url of [
      'app://marginalia/assets/index.js',
      'APP://marginalia/index.html',
      'devtools://devtools/bundled/inspector.html',
      'data:image/png;base64,iVBORw0KGgo=',
      'DATA:text/plain,hi',
      'blob:app://marginalia/6f1c6a2e-1b7a-4a53-9d1e-1c6bb1d0a7a0',
    ]) {
      expect(isAllowedNetworkRequest(url, null), url).toBe(true);
    }
  });

  it('blocks every remote or file request in production', () => {
    for (const url of [
      'http://localhost:5173/',
      'https://example.com/',
      'HTTPS://EXAMPLE.COM/',
      'ws://localhost:5173/',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'http://127.0.0.1.evil.com/',
      'app://evil/',
      'app://marginalia@evil/',
      'chrome-extension://abc/x.js',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAllowedNetworkRequest(url, null), url).toBe(false);
    }
  });

  it('in dev, allows only the dev server page and its HMR socket', () => {
    expect(isAllowedNetworkRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedNetworkRequest('ws://localhost:5173/?token=abc', DEV)).toBe(true);
    expect(isAllowedNetworkRequest('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('wss://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('http://127.0.0.1.evil.com:5173/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('http://localhost:5173@evil.com/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('https://example.com/', DEV)).toBe(false);
    expect(isAllowedNetworkRequest('file:///etc/passwd', DEV)).toBe(false);
  });

  it('maps an https dev server to wss only', () => {
    const secure = 'https://localhost:5173';
    expect(isAllowedNetworkRequest('wss://localhost:5173/', secure)).toBe(true);
    expect(isAllowedNetworkRequest('ws://localhost:5173/', secure)).toBe(false);
  });

  it('ignores a dev server origin that is not http(s)', () => {
    expect(isAllowedNetworkRequest('file:///etc/passwd', 'file:///')).toBe(false);
    expect(isAllowedNetworkRequest('ftp://localhost:21/', 'ftp://localhost:21')).toBe(false);
    expect(isAllowedNetworkRequest('http://localhost:5173/', 'garbage')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('opens nothing over https while the allow-list is empty', () => {
    expect(EXTERNAL_HOSTS).toEqual([]);
    expect(isSafeExternalUrl('https://example.com/')).toBe(false);
  });

  it('allows mailto:', () => {
    expect(isSafeExternalUrl('mailto:team@example.org')).toBe(true);
    expect(isSafeExternalUrl('MAILTO:team@example.org')).toBe(true);
  });

  it('allows https to an allow-listed host, and nothing that only looks like it', () => {
    const hosts = ['docs.example.org'];
    expect(isSafeExternalUrl('https://docs.example.org/guide', hosts)).toBe(true);
    expect(isSafeExternalUrl('HTTPS://DOCS.EXAMPLE.ORG/guide', hosts)).toBe(true);
    expect(isSafeExternalUrl('http://docs.example.org/guide', hosts)).toBe(false);
    expect(isSafeExternalUrl('https://docs.example.org.evil.com/', hosts)).toBe(false);
    expect(isSafeExternalUrl('https://evil.com/docs.example.org', hosts)).toBe(false);
    expect(isSafeExternalUrl('https://docs.example.org@evil.com/', hosts)).toBe(false);
    expect(isSafeExternalUrl('https://user@docs.example.org/', hosts)).toBe(false);
    expect(isSafeExternalUrl('https://docs.example.org:8443/', hosts)).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://127.0.0.1.evil.com',
    'app://marginalia/index.html',
    'data:text/html,hi',
    'smb://server/share',
    'ms-settings:privacy',
    'not a url',
  ])('denies %j', (url) => {
    expect(isSafeExternalUrl(url, ['example.com'])).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('grants nothing', () => {
    expect(denyAllPermissions()).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates the page from the preload and sandboxes its renderer', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
  });

  it('gives the page, its workers and its frames no Node', () => {
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and webviews', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.webviewTag).toBe(false);
  });

  it('leaves spell-checking off (its dictionaries would be fetched from the network)', () => {
    expect(preferences.spellcheck).toBe(false);
  });

  it('loads the given preload script', () => {
    expect(preferences.preload).toBe('/app/out/preload/index.cjs');
  });
});
