import { join, resolve } from 'node:path';
import { isInside, resolveStaticPath } from '../common/static-files';
import { APP_ORIGIN, isAppUrl } from './security';

/**
 * Maps an `app://marginalia/…` request to a file inside the built renderer folder, or null
 * when the URL is foreign, malformed, or would escape the folder (`..`, encoded separators,
 * NUL bytes, absolute paths). A URL naming the folder itself (the bare origin) means its
 * index.html. Pure, so the traversal rules are unit-tested without Electron.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string, appOrigin = APP_ORIGIN): string | null {
  if (!isAppUrl(requestUrl, appOrigin)) return null;
  const root = resolve(rendererDir);
  const file = resolveStaticPath(root, new URL(requestUrl).pathname);
  if (file === null) return null;
  // Only the folder itself holds the folder: the bare origin (or `/`) means the page.
  return isInside(file, root) ? join(root, 'index.html') : file;
}
