import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isHtml, isInside, looksLikeFile, resolveStaticPath } from '../../../electron/common/static-files';

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
    ['/r/assets/index.MJS', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['inter.woff2', 'font/woff2'],
    ['inter.woff', 'font/woff'],
    ['logo.svg', 'image/svg+xml'],
    ['logo.PNG', 'image/png'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['favicon.ico', 'image/x-icon'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it.each(['unknown.bin', 'noextension', '/r/assets/x.exe'])('falls back to an inert type for %s', (file) => {
    expect(contentTypeFor(file)).toBe('application/octet-stream');
  });

  it('knows which files are pages (they get the CSP header)', () => {
    expect(isHtml('/r/index.html')).toBe(true);
    expect(isHtml('/r/INDEX.HTML')).toBe(true);
    expect(isHtml('/r/index.js')).toBe(false);
  });
});
