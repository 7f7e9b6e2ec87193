import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TOKEN_COOKIE,
  contentTypeFor,
  cookieValues,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorized,
  isInside,
  isJsonContentType,
  isWellFormedToken,
  looksLikeFile,
  resolveStaticPath,
  tokensEqual,
} from '../../../electron/web/request-guards';

describe('isAllowedHost', () => {
  it('accepts exactly the two loopback names with our port', () => {
    expect(isAllowedHost('127.0.0.1:5199', 5199)).toBe(true);
    expect(isAllowedHost('localhost:5199', 5199)).toBe(true);
  });

  it.each([
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    '127.0.0.1:5200',
    'localhost:51990',
    'evil.example:5199',
    'localhost.evil.example:5199',
    '127.0.0.1.nip.io:5199',
    '[::1]:5199',
    '0.0.0.0:5199',
    '127.0.0.1:5199 ',
  ])('refuses %j', (host) => {
    expect(isAllowedHost(host, 5199)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('allows a request without Origin', () => {
    expect(isAllowedOrigin(undefined, 5199)).toBe(true);
  });

  it('allows this server as origin under either name', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5199', 5199)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5199', 5199)).toBe(true);
  });

  it.each([
    'null',
    '',
    'http://evil.example',
    'http://127.0.0.1:5200',
    'https://127.0.0.1:5199',
    'http://127.0.0.1:5199/',
    'http://localhost',
    'http://localhost:5199.evil.example',
  ])('refuses %j', (origin) => {
    expect(isAllowedOrigin(origin, 5199)).toBe(false);
  });
});

describe('tokensEqual', () => {
  it('matches only the identical token', () => {
    expect(tokensEqual('abc123', 'abc123')).toBe(true);
    expect(tokensEqual('abc124', 'abc123')).toBe(false);
    expect(tokensEqual('abc12', 'abc123')).toBe(false);
    expect(tokensEqual('abc1234', 'abc123')).toBe(false);
    expect(tokensEqual('', 'abc123')).toBe(false);
    expect(tokensEqual(undefined, 'abc123')).toBe(false);
  });

  it('never matches when no token is configured', () => {
    expect(tokensEqual('', '')).toBe(false);
  });
});

describe('cookies and authorisation', () => {
  it('reads every value of a cookie among others', () => {
    expect(cookieValues('a=1; marginalia_token=x; b=2; marginalia_token=y', TOKEN_COOKIE)).toEqual(['x', 'y']);
    expect(cookieValues('xmarginalia_token=x; flag', TOKEN_COOKIE)).toEqual([]);
    expect(cookieValues(undefined, TOKEN_COOKIE)).toEqual([]);
  });

  it('accepts the token from the cookie or the header', () => {
    expect(isAuthorized({ cookie: 'other=1; marginalia_token=T0K' }, 'T0K')).toBe(true);
    expect(isAuthorized({ token: 'T0K' }, 'T0K')).toBe(true);
    // Another Marginalia on another loopback port may have left its own cookie beside ours.
    expect(isAuthorized({ cookie: 'marginalia_token=old; marginalia_token=T0K' }, 'T0K')).toBe(true);
  });

  it('refuses a missing, wrong or repeated header token', () => {
    expect(isAuthorized({}, 'T0K')).toBe(false);
    expect(isAuthorized({ cookie: 'marginalia_token=nope', token: 'nope' }, 'T0K')).toBe(false);
    expect(isAuthorized({ cookie: 'token=T0K' }, 'T0K')).toBe(false);
    expect(isAuthorized({ token: ['T0K', 'T0K'] }, 'T0K')).toBe(false);
  });

  it('accepts only cookie-safe tokens', () => {
    expect(isWellFormedToken('aB3_-.~')).toBe(true);
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken('a;b')).toBe(false);
    expect(isWellFormedToken('a b')).toBe(false);
    expect(isWellFormedToken('a&b')).toBe(false);
    expect(isWellFormedToken('x'.repeat(513))).toBe(false);
  });
});

describe('isJsonContentType', () => {
  it('accepts application/json with or without parameters', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
  });

  it.each([undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonp'])(
    'refuses %j',
    (value) => {
      expect(isJsonContentType(value)).toBe(false);
    },
  );
});

describe('static paths', () => {
  const root = resolve('/srv/static');

  it('maps URL paths under the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, '/'));
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app%20x.js')).toBe(join(root, 'assets', 'app x.js'));
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });

  it.each([
    '/../package.json',
    '/..',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/..%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  ])('refuses the escape %s', (pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeNull();
  });

  it('refuses malformed encodings and NUL bytes', () => {
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath(root, '/index.html%00.png')).toBeNull();
  });

  it('keeps names that merely start with two dots', () => {
    expect(resolveStaticPath(root, '/..hidden')).toBe(join(root, '..hidden'));
  });

  it('isInside compares whole path segments', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, join(root, 'a', 'b'))).toBe(true);
    expect(isInside(root, `${root}-sibling`)).toBe(false);
    expect(isInside(root, resolve(root, '..'))).toBe(false);
  });

  it('tells asset names from SPA routes', () => {
    expect(looksLikeFile('/assets/app.js')).toBe(true);
    expect(looksLikeFile('/favicon.ico')).toBe(true);
    expect(looksLikeFile('/')).toBe(false);
    expect(looksLikeFile('/projects/open')).toBe(false);
    expect(looksLikeFile('/v1.2/route')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['inter.woff2', 'font/woff2'],
    ['inter.woff', 'font/woff'],
    ['logo.svg', 'image/svg+xml'],
    ['logo.PNG', 'image/png'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
    ['unknown.bin', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
