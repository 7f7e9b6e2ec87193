import { describe, expect, it } from 'vitest';
import {
  TOKEN_COOKIE,
  cookieValues,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorized,
  isJsonContentType,
  isWellFormedToken,
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
