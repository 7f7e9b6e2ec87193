import { createHash, timingSafeEqual } from 'node:crypto';

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
