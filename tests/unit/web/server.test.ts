import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/api/contract';
import type { AppState, Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/content-security-policy';
import { EventHub } from '../../../electron/services/events';
import { startWebServer } from '../../../electron/web/server';
import { WrongTokenLimiter } from '../../../electron/web/wrong-token-limiter';
import type { WebServer } from '../../../electron/web/server';

const TOKEN = 'test-token-0123456789abcdef-0123456789';
const AUTH = { 'x-marginalia-token': TOKEN };
const INDEX_HTML = '<!doctype html><title>Marginalia</title><div id="root"></div>';
const APP_JS = 'console.log("app");';
const SECRET = 'SECRET-OUTSIDE-STATIC-DIR';

const STATE: AppState = {
  shell: 'browser',
  coderName: 'Ana',
  recentProjects: [],
  projectsDir: '/home/ana/Documents/Marginalia',
  project: null,
  history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
  notices: [],
};

async function notInThisTest(): Promise<never> {
  throw new AppError('IO', 'not in this test');
}

const documentGet = vi.fn(async (input: { documentId: string }) => ({
  id: input.documentId,
  name: 'Interview 1',
  length: 5,
  words: 1,
  inTurn: false,
  speakers: [], segments: [[-1, 0, 0, 5, 0]],
  first: { start: 0, text: 'Hello' },
  codings: [],
}));

const handlers: Handlers = {
  ...(Object.fromEntries(channels.map((channel) => [channel, notInThisTest])) as unknown as Handlers),
  'app.getState': async () => STATE,
  'project.open': async ({ path }) => {
    throw new AppError('NOT_FOUND', `No project at ${path}`, path);
  },
  'project.create': async () => {
    throw new Error('disk on fire');
  },
  'project.close': async () => null,
  'document.get': documentGet,
  'dialog.pickProjectFolder': async () => null,
};

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** false: send no Host header at all. */
  setHost?: boolean;
  port?: number;
  address?: string;
}

let tmp: string;
let staticDir: string;
let events: EventHub;
let server: WebServer;
let port: number;
/** Every reply seen in this file, to check headers that must never appear. */
const seen: Reply[] = [];

function send(options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.address ?? '127.0.0.1',
        port: options.port ?? port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        setHost: options.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() };
          seen.push(reply);
          resolve(reply);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A request that carries the token header, as the page and scripts send it. */
function authed(options: RequestOptions): Promise<Reply> {
  return send({ ...options, headers: { ...AUTH, ...options.headers } });
}

function rpc(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return authed({
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'marginalia-web-'));
  staticDir = join(tmp, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app.js'), APP_JS);
  await writeFile(join(tmp, 'secret.txt'), SECRET);
  await writeFile(join(tmp, 'package.json'), SECRET);
  if (process.platform !== 'win32') {
    await symlink(join(tmp, 'secret.txt'), join(staticDir, 'assets', 'leak.txt'));
    await symlink(tmp, join(staticDir, 'up'));
  }
  events = new EventHub();
  server = await startWebServer({ handlers, events, staticDir, token: TOKEN, port: 0, heartbeatMs: 100 });
  port = server.port;
});

afterAll(async () => {
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  documentGet.mockClear();
});

describe('binding', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.address().address).toBe('127.0.0.1');
    expect(server.address().port).toBe(port);
    expect(port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    expect(server.origin).toBe(`http://127.0.0.1:${port}`);
  });

  it.runIf(process.platform === 'linux')('refuses other loopback addresses (it is not bound to 0.0.0.0)', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port });
      socket.on('connect', () => {
        socket.destroy();
        resolve(null);
      });
      socket.on('error', (err) => resolve(err));
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });
});

describe('authentication', () => {
  it.each(['/events', '/rpc/app.getState'])('%s without a token → 403 naming where the address is', async (path) => {
    const reply = await send({ path, method: path === '/events' ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: path === '/events' ? undefined : '{}' });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/address printed in the terminal.*#token=.*after the browser restarts/);
    expect(reply.body).not.toContain('Ana');
  });

  it('an rpc call without a token → 403 and the handler is not called', async () => {
    const reply = await send({
      method: 'POST',
      path: '/rpc/document.get',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: 'd1' }),
    });
    expect(reply.status).toBe(403);
    expect(documentGet).not.toHaveBeenCalled();
  });

  it('a wrong token header, or the token in a cookie or the URL, → 403', async () => {
    const call = (headers: Record<string, string>, path = '/rpc/app.getState') =>
      send({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({ 'x-marginalia-token': 'wrong' })).status).toBe(403);
    expect((await call({ 'x-marginalia-token': `${TOKEN}x` })).status).toBe(403);
    expect((await call({ cookie: `marginalia_token=${TOKEN}` })).status).toBe(403);
    expect((await call({}, `/rpc/app.getState?token=${TOKEN}`)).status).toBe(403);
  });

  it('the page is served without a token (it holds no data) and sets no cookie, whatever the address', async () => {
    for (const path of ['/', '/login', `/login?token=${TOKEN}`, `/?token=${TOKEN}`]) {
      const page = await send({ path });
      expect(page.status).toBe(200);
      expect(page.body).toBe(INDEX_HTML);
      expect(page.headers['set-cookie']).toBeUndefined();
    }
  });

  it('the login address carries the token in its fragment, which no request ever contains', () => {
    expect(server.loginUrl).toBe(`http://127.0.0.1:${port}/login#token=${TOKEN}`);
  });

  it('with the token header, an rpc call works', async () => {
    const reply = await rpc('app.getState', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: STATE });
  });
});

describe('wrong-token rate limit', () => {
  it('after 3 wrong tokens in a minute, no token is compared (429 with Retry-After) until the minute has passed', async () => {
    let now = 1_000_000;
    const other = await startWebServer({ handlers, events: new EventHub(), staticDir, token: TOKEN, port: 0, wrongTokens: new WrongTokenLimiter(3, 60_000, () => now) });
    try {
      const call = (token: string) =>
        send({ port: other.port, method: 'POST', path: '/rpc/app.getState', headers: { 'content-type': 'application/json', 'x-marginalia-token': token }, body: '{}' });
      for (let i = 0; i < 3; i++) expect((await call(`guess-${i}`)).status).toBe(403);
      const locked = await call(TOKEN);
      expect(locked.status).toBe(429);
      expect(locked.headers['retry-after']).toBe('60');
      expect(locked.body).toMatch(/too many wrong access tokens/);
      expect(JSON.stringify(locked)).not.toContain('Ana');
      now += 30_000;
      expect((await call('guess-3')).status).toBe(429);
      now += 30_001;
      expect((await call(TOKEN)).status).toBe(200);
      // Requests with no token at all are not guesses: they never lock anyone out.
      for (let i = 0; i < 5; i++) expect((await send({ port: other.port, path: '/events' })).status).toBe(403);
      expect((await call(TOKEN)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('keep-alive', () => {
  /** One GET on `agent`; resolves whether the request went out on a socket kept from before. */
  function getOn(agent: Agent): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.reusedSocket));
      });
      req.on('error', reject);
      req.end();
    });
  }

  // Node's default (5 s) closed idle sockets under clients about to reuse them: ECONNRESET.
  it('an idle connection is still open after 6 s, so a client reusing it is not reset', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await getOn(agent)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await getOn(agent)).toBe(true);
    } finally {
      agent.destroy();
    }
  }, 15_000);
});

describe('Host and Origin checks', () => {
  it('a foreign Origin → 403 even with the token', async () => {
    const reply = await rpc('document.get', { documentId: 'd1' }, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(documentGet).not.toHaveBeenCalled();
    expect((await authed({ path: '/', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await authed({ path: '/', headers: { origin: 'null' } })).status).toBe(403);
    expect((await authed({ path: '/', headers: { origin: `http://127.0.0.1:${port + 1}` } })).status).toBe(403);
  });

  it('our own Origin, under either name, is accepted', async () => {
    expect((await rpc('app.getState', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await rpc('app.getState', {}, { origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('a foreign Host (DNS rebinding) → 403 even with the token', async () => {
    const reply = await rpc('document.get', { documentId: 'd1' }, { host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
    expect(documentGet).not.toHaveBeenCalled();
    expect((await authed({ path: '/', headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await authed({ path: '/', headers: { host: `127.0.0.1:${port + 1}` } })).status).toBe(403);
    expect((await authed({ path: '/', headers: { host: '127.0.0.1' } })).status).toBe(403);
  });

  it('a request without Host is refused', async () => {
    // Node itself answers 400 to an HTTP/1.1 request without Host; either way nothing is served.
    const reply = await authed({ path: '/', setHost: false });
    expect([400, 403]).toContain(reply.status);
    expect(reply.body).not.toContain('Marginalia</title>');
  });

  it('Host localhost:PORT is accepted', async () => {
    const page = await send({ path: '/', headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect((await rpc('app.getState', {}, { host: `localhost:${port}` })).status).toBe(200);
  });
});

describe('methods and CORS', () => {
  it('OPTIONS → 405, also as a CORS preflight, with no CORS headers', async () => {
    const plain = await authed({ method: 'OPTIONS', path: '/rpc/app.getState' });
    expect(plain.status).toBe(405);
    const preflight = await send({
      method: 'OPTIONS',
      path: '/rpc/app.getState',
      headers: {
        origin: `http://localhost:${port}`,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(405);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('GET on an rpc channel and POST outside /rpc → 405', async () => {
    expect((await authed({ path: '/rpc/app.getState' })).status).toBe(405);
    const post = await authed({ method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(405);
  });

  it('HEAD answers like GET without a body', async () => {
    for (const path of ['/', '/login', '/assets/app.js']) {
      const get = await send({ path });
      const head = await send({ method: 'HEAD', path });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
    }
    expect((await send({ method: 'HEAD', path: '/assets/missing.js' })).status).toBe(404);
    expect((await authed({ method: 'HEAD', path: '/rpc/app.getState' })).status).toBe(405);
  });

  it('no response ever carries an Access-Control-* header', async () => {
    // Exercise each kind of reply with a cross-site and a same-site Origin, then look at all replies so far.
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port}`]) {
      await authed({ path: '/', headers: { origin } });
      await authed({ path: '/assets/app.js', headers: { origin } });
      await rpc('app.getState', {}, { origin });
      await rpc('nope', {}, { origin });
      await send({ path: '/', headers: { origin } });
    }
    expect(seen.length).toBeGreaterThan(20);
    for (const reply of seen) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('rpc', () => {
  it('passes parsed input to the handler', async () => {
    const reply = await rpc('document.get', { documentId: 'd1' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { id: 'd1', name: 'Interview 1', length: 5, words: 1, inTurn: false, speakers: [], segments: [[-1, 0, 0, 5, 0]], first: { start: 0, text: 'Hello' }, codings: [] },
    });
    expect(documentGet).toHaveBeenCalledExactlyOnceWith({ documentId: 'd1' });
  });

  it('an empty body counts as {}', async () => {
    const reply = await rpc('app.getState', '');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: STATE });
  });

  it('malformed JSON → 400 INVALID_INPUT', async () => {
    const reply = await rpc('document.get', '{"documentId": ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(documentGet).not.toHaveBeenCalled();
  });

  it.each(
    [{ documentId: '' }, { documentId: 'd1', extra: true }, {}, { documentId: 42 }, ['d1'], 'd1', 7].map((input) =>
      JSON.stringify(input),
    ),
  )(
    'schema-invalid input %s → 400 INVALID_INPUT, handler not called',
    async (raw) => {
      const reply = await rpc('document.get', raw);
      expect(reply.status).toBe(400);
      const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.message).toMatch(/Invalid request for document\.get/);
      expect(documentGet).not.toHaveBeenCalled();
    },
  );

  it('a wrong Content-Type → 415 and the handler is not called', async () => {
    const reply = await rpc('document.get', { documentId: 'd1' }, { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(documentGet).not.toHaveBeenCalled();
  });

  it.each(['nope', 'app', '__proto__', 'toString', 'constructor', 'app.getState%00'])(
    'unknown channel %s → 404 envelope',
    async (channel) => {
      const reply = await rpc(channel, {});
      expect(reply.status).toBe(404);
      // The same code the Electron bridge uses for an unknown channel.
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it('a domain error comes back as 200 with the AppError in the envelope', async () => {
    const reply = await rpc('project.open', { path: '/nowhere' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No project at /nowhere', file: '/nowhere' },
    });
  });

  it('an unexpected error comes back as 200 INTERNAL', async () => {
    const reply = await rpc('project.create', { path: '/p', name: 'P', template: 'empty' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } });
  });

  it('null results survive the envelope', async () => {
    const reply = await rpc('project.close', {});
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: null });
  });
});

describe('body size limit (default 1 MiB)', () => {
  const oversize = JSON.stringify({ documentId: 'd1', pad: 'x'.repeat(1024 * 1024) });

  it('a declared oversize body → 413 before it is read', async () => {
    const reply = await rpc('document.get', oversize);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'This request is too large: document.get accepts at most 1 MB.' } });
    expect(reply.headers.connection).toBe('close');
    expect(documentGet).not.toHaveBeenCalled();
  });

  it('answers 413 from Content-Length alone, without waiting for the body', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/rpc/document.get',
        headers: { ...AUTH, 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) },
        agent: false,
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (err) => {
        if (!req.destroyed) reject(err);
      });
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('a chunked body that grows past the limit → 413', async () => {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/rpc/document.get',
        headers: { ...AUTH, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        agent: false,
      });
      let answered = false;
      req.on('response', (res: IncomingMessage) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      });
      // The server hangs up once it has answered; the client's remaining writes may then fail.
      req.on('error', (err) => {
        if (!answered) reject(err);
      });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = (): void => {
        while (!answered && sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      req.write('{"documentId":"d1","pad":"');
      pump();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(documentGet).not.toHaveBeenCalled();
  });

  it('a body just under the limit is read', async () => {
    const body = JSON.stringify({ documentId: 'd1' }).padEnd(1024 * 1024, ' ');
    const reply = await rpc('document.get', body);
    expect(reply.status).toBe(200);
    expect(documentGet).toHaveBeenCalledOnce();
  });
});

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const reply = await authed({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    // The Electron shell's policy without a dev server: one policy for both shells.
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('sends the security headers on refusals too', async () => {
    const reply = await send({ path: '/events' });
    expect(reply.status).toBe(403);
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an asset with its type', async () => {
    const reply = await authed({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.body).toBe(APP_JS);
  });

  it('falls back to index.html for app routes but not for missing files', async () => {
    const route = await authed({ path: '/projects/open?x=1' });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    const missing = await authed({ path: '/assets/missing.js' });
    expect(missing.status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '//../secret.txt',
    '/.%2e/secret.txt',
  ])('%s never escapes the static folder', async (path) => {
    const reply = await authed({ path });
    expect(reply.body).not.toContain(SECRET);
    expect([200, 404]).toContain(reply.status);
    if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML);
  });

  it.skipIf(process.platform === 'win32')('does not follow symlinks out of the static folder', async () => {
    for (const path of ['/assets/leak.txt', '/up/secret.txt', '/up/package.json']) {
      const reply = await authed({ path });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain(SECRET);
    }
  });
});

describe('server-sent events', () => {
  function openStream(): Promise<{ res: IncomingMessage; text: () => string; close: () => void }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/events', headers: AUTH, agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('error', () => {});
          resolve({ res, text: () => text, close: () => req.destroy() });
        },
      );
      req.on('error', (err) => {
        if (!req.destroyed) reject(err);
      });
      req.end();
    });
  }

  it('streams emitted events and heartbeats, and unsubscribes on close', async () => {
    const unsubscribes: Array<ReturnType<typeof vi.fn>> = [];
    const subscribe = events.subscribe.bind(events);
    const spy = vi.spyOn(events, 'subscribe').mockImplementation((listener) => {
      const off = vi.fn(subscribe(listener));
      unsubscribes.push(off);
      return off;
    });
    try {
      const stream = await openStream();
      expect(stream.res.statusCode).toBe(200);
      expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      await vi.waitFor(() => expect(stream.text()).toContain(': connected'));
      expect(unsubscribes).toHaveLength(1);

      events.emit('project.changed', { path: '/p/one' });
      events.emit('backend.error', { code: 'IO', message: 'disk full', file: '/p/one/project.json' });
      await vi.waitFor(() => {
        expect(stream.text()).toContain('event: project.changed\ndata: {"path":"/p/one"}\n\n');
        expect(stream.text()).toContain(
          'event: backend.error\ndata: {"code":"IO","message":"disk full","file":"/p/one/project.json"}\n\n',
        );
      });
      await vi.waitFor(() => expect(stream.text()).toContain(': heartbeat\n\n'));

      stream.close();
      await vi.waitFor(() => expect(unsubscribes[0]).toHaveBeenCalledOnce());
    } finally {
      spy.mockRestore();
    }
  });

  it('close() ends open streams and resolves', async () => {
    const hub = new EventHub();
    const other = await startWebServer({ handlers, events: hub, staticDir, token: TOKEN, port: 0 });
    const ended = new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: other.port, path: '/events', headers: AUTH, agent: false },
        (res) => {
          res.resume();
          res.on('close', () => resolve());
          void other.close();
        },
      );
      req.on('error', reject);
      req.end();
    });
    await ended;
    await other.close();
  });
});

describe('startup', () => {
  it('refuses a token that cannot be a header value, and one shorter than 32 characters', async () => {
    await expect(startWebServer({ handlers, events: new EventHub(), staticDir, token: `a; b${TOKEN}`, port: 0 })).rejects.toThrow(/access token may only contain/);
    await expect(startWebServer({ handlers, events: new EventHub(), staticDir, token: 'x'.repeat(31), port: 0 })).rejects.toThrow(/at least 32 characters/);
  });

  it('rejects when the port is taken', async () => {
    await expect(startWebServer({ handlers, events: new EventHub(), staticDir, token: TOKEN, port })).rejects.toMatchObject(
      { code: 'EADDRINUSE' },
    );
  });
});
