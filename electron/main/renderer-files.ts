import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_ORIGIN, isAppUrl } from './security';

/**
 * Maps an `app://marginalia/…` request to a file inside the built renderer folder, or null
 * when the URL is foreign, malformed, or would escape the folder (`..`, encoded separators,
 * NUL bytes, absolute paths). Pure, so the traversal rules are unit-tested without Electron.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string, appOrigin = APP_ORIGIN): string | null {
  if (!isAppUrl(requestUrl, appOrigin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, relativePath);
  const fromRoot = relative(root, file);
  if (fromRoot === '' || isAbsolute(fromRoot) || fromRoot === '..' || fromRoot.startsWith(`..${sep}`)) return null;
  return file;
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

export function isHtml(filePath: string): boolean {
  return extname(filePath).toLowerCase() === '.html';
}
