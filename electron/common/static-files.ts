import { extname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * What both shells need to serve the built renderer from a folder: the Electron shell under
 * `app://marginalia/`, browser mode over HTTP. Pure path and name logic (no `electron`, no
 * disk), so every traversal rule is unit-tested in plain Node.
 */

/** True when `candidate` is `root` itself or lies beneath it. */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Maps a URL pathname to a path under `root`, or null when it is malformed or would leave
 * `root`. Decoding happens here, so `%2e%2e%2f` is caught like a literal `../`. Symlinks
 * are the caller's job: only the disk knows where they point.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // join, unlike resolve, keeps a leading slash (or a drive letter) relative to root.
  const target = join(root, decoded);
  return isInside(root, target) ? target : null;
}

/** SPA fallback applies to routes, not to missing assets: a name with an extension is a file. */
export function looksLikeFile(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return extname(last) !== '';
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served with a JavaScript MIME type, so this must be exact. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Pages are what a Content-Security-Policy header is for. */
export function isHtml(filePath: string): boolean {
  return extname(filePath).toLowerCase() === '.html';
}
