import { createHash, timingSafeEqual } from 'node:crypto';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The pure checks browser mode's server makes on every request. None touches a socket or
 * the disk, so each is unit-tested on its own.
 */

export const TOKEN_COOKIE = 'marginalia_token';
/** Lower-case, as Node presents incoming header names. */
export const TOKEN_HEADER = 'x-marginalia-token';

/** Characters that survive a cookie value, a URL query and a Windows `start` command unquoted. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{1,512}$/;

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Only the loopback names we bind to: any other Host means a rebound DNS name or a proxy. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** An absent Origin is allowed (navigations, scripts); a present one must be this very server. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Hashing first makes the comparison constant-time and length-independent. */
export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined || expected.length === 0) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Every value of the named cookie: several servers on other loopback ports may each have set one. */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export interface AuthHeaders {
  cookie?: string | undefined;
  token?: string | string[] | undefined;
}

/** The token may come from the login cookie (the browser) or the X-Marginalia-Token header (scripts). */
export function isAuthorized(headers: AuthHeaders, token: string): boolean {
  if (typeof headers.token === 'string' && tokensEqual(headers.token, token)) return true;
  return cookieValues(headers.cookie, TOKEN_COOKIE).some((value) => tokensEqual(value, token));
}

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  return value.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

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
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
