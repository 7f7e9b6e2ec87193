import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../electron/main/renderer-files';

const root = mkdtempSync(join(tmpdir(), 'marginalia-renderer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://marginalia/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://marginalia/assets/index-abc.js?v=2#top')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveRendererFile(root, 'app://marginalia/assets/My%20Font.woff2')).toBe(
      join(root, 'assets', 'My Font.woff2'),
    );
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveRendererFile(root, 'app://marginalia/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://marginalia')).toBe(join(root, 'index.html'));
  });

  it('keeps dot segments that stay inside the folder', () => {
    expect(resolveRendererFile(root, 'app://marginalia/assets/../index.html')).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://marginalia/..%2F..%2Fetc%2Fpasswd',
    'app://marginalia/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://marginalia/index.html%00.js',
    'app://marginalia/%E0%A4%A',
  ])('refuses %s (encoded traversal, NUL byte, bad escape)', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it.each([
    // The URL parser already folds these dot segments and leading slashes into the folder.
    'app://marginalia/../../etc/passwd',
    'app://marginalia/%2e%2e/%2e%2e/etc/passwd',
    'app://marginalia/%2Fetc%2Fpasswd',
    'app://marginalia/..%5C..%5Cwindows%5Cwin.ini',
  ])('keeps %s inside the folder', (url) => {
    const file = resolveRendererFile(root, url);
    if (file !== null) expect(file.startsWith(root + sep)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://marginalia@evil/index.html',
    'app://marginalia:81/index.html',
    'file:///etc/passwd',
    'http://marginalia/index.html',
    'not a url',
  ])('refuses foreign URL %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it('never returns a path outside the folder, whatever the input', () => {
    const segments = ['..', '%2e%2e', '.', 'a', '%2f', '%5c', '%2e', '', 'index.html', '%00'];
    for (const a of segments) {
      for (const b of segments) {
        for (const c of segments) {
          const file = resolveRendererFile(root, `app://marginalia/${a}/${b}/${c}`);
          if (file !== null) expect(file.startsWith(root + sep), file).toBe(true);
        }
      }
    }
  });
});
