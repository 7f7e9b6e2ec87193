import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, isJsonContentType, tokenProblem, tokensEqual } from '../../../electron/web/request-guards';
import { WrongTokenLimiter } from '../../../electron/web/wrong-token-limiter';

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

describe('tokenProblem', () => {
  it('accepts 32 to 512 characters that survive a URL fragment and a header', () => {
    expect(tokenProblem('aB3_-.~'.repeat(5))).toBeNull();
    expect(tokenProblem('x'.repeat(32))).toBeNull();
    expect(tokenProblem('x'.repeat(512))).toBeNull();
  });

  it('refuses a short token, saying how long it must be', () => {
    expect(tokenProblem('a')).toMatch(/at least 32 characters long \(it has 1\)/);
    expect(tokenProblem('x'.repeat(31))).toMatch(/at least 32/);
    expect(tokenProblem('')).toMatch(/at least 32/);
  });

  it.each(['a;b', 'a b', 'a&b', 'a#b', 'é'])('refuses characters outside the alphabet: %j', (bad) => {
    expect(tokenProblem(bad + 'x'.repeat(40))).toMatch(/may only contain/);
  });

  it('refuses more than 512 characters', () => {
    expect(tokenProblem('x'.repeat(513))).toMatch(/at most 512/);
  });
});

describe('WrongTokenLimiter', () => {
  it('allows max failures per window, then locks until the oldest leaves the window', () => {
    let now = 0;
    const limiter = new WrongTokenLimiter(2, 1000, () => now);
    expect(limiter.retryAfterMs()).toBe(0);
    limiter.recordFailure();
    now = 100;
    limiter.recordFailure();
    expect(limiter.retryAfterMs()).toBe(900);
    now = 999;
    expect(limiter.retryAfterMs()).toBe(1);
    now = 1000;
    expect(limiter.retryAfterMs()).toBe(0);
    now = 1100;
    expect(limiter.retryAfterMs()).toBe(0);
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
