import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The pure checks browser mode's server makes on every request. None touches a socket or
 * the disk, so each is unit-tested on its own.
 */

/** Lower-case, as Node presents incoming header names. The page and scripts send the token here, never in a cookie. */
export const TOKEN_HEADER = 'x-marginalia-token';

/** Shorter tokens are refused at start: 32 characters of the alphabet below carry at least 190 bits when random. */
export const MIN_TOKEN_LENGTH = 32;
export const MAX_TOKEN_LENGTH = 512;

/** Characters that survive a URL fragment and an HTTP header unquoted. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._~-]*$/;

/** Why a token cannot be used, or null when it can. */
export function tokenProblem(token: string): string | null {
  if (!TOKEN_CHARACTERS.test(token)) return 'may only contain A-Z a-z 0-9 . _ ~ -';
  if (token.length < MIN_TOKEN_LENGTH) return `must be at least ${MIN_TOKEN_LENGTH} characters long (it has ${token.length}): a short token can be guessed`;
  if (token.length > MAX_TOKEN_LENGTH) return `must be at most ${MAX_TOKEN_LENGTH} characters long`;
  return null;
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

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  return value.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}
