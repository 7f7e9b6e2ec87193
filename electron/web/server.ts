import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isChannel, maxRequestBytes } from '../../shared/api/contract';
import type { Handlers } from '../../shared/api/contract';
import { dispatchRequest } from '../../shared/api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';
import { contentTypeFor, isInside, looksLikeFile, resolveStaticPath } from '../common/static-files';
import type { EventHub } from '../services/events';
import { failHard, failure, methodNotAllowed, sendJson, sendText } from './replies';
import { readBody } from './request-body';
import { TOKEN_HEADER, isAllowedHost, isAllowedOrigin, isJsonContentType, tokenProblem, tokensEqual } from './request-guards';
import { WrongTokenLimiter } from './wrong-token-limiter';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const HEARTBEAT_MS = 25_000;

export interface WebServerOptions {
  handlers: Handlers;
  events: EventHub;
  /** The built renderer (out/renderer). */
  staticDir: string;
  token: string;
  /** 0 picks any free port. */
  port: number;
  maxBodyBytes?: number;
  /** For tests; the SSE heartbeat period. */
  heartbeatMs?: number;
  /** For tests; how many wrong tokens are answered before a lock-out. */
  wrongTokens?: WrongTokenLimiter;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/`, without the token. */
  url: string;
  /** The address that signs a tab in: the token rides in the fragment, which never reaches a server. */
  loginUrl: string;
  port: number;
  origin: string;
  address(): AddressInfo;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Everything is local and small; never caching keeps a stale UI out of the cache.
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const OPEN_THE_ADDRESS =
  'Open the address printed in the terminal where Marginalia was started (it ends in #token=…); ' +
  'after the browser restarts, open that address again.';
const NO_TOKEN_MESSAGE = `Marginalia: access denied: this tab has no access token. ${OPEN_THE_ADDRESS}\n`;
const WRONG_TOKEN_MESSAGE = `Marginalia: access denied: the access token is wrong (Marginalia makes a new one each time it starts). ${OPEN_THE_ADDRESS}\n`;

const KEEP_ALIVE_MS = 65_000;

interface Context {
  options: WebServerOptions;
  root: string;
  port: number;
  maxBodyBytes: number;
  streams: Set<ServerResponse>;
  wrongTokens: WrongTokenLimiter;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const problem = tokenProblem(options.token);
  if (problem !== null) throw new Error(`The access token ${problem}.`);
  const ctx: Context = {
    options,
    root: await realpath(options.staticDir),
    port: 0,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    streams: new Set(),
    wrongTokens: options.wrongTokens ?? new WrongTokenLimiter(),
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => failHard(res, err));
  });
  // Node closes idle keep-alive sockets after 5 s; a client reusing one at that moment gets
  // ECONNRESET. Outlasting the clients' own idle timeouts lets them close first.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await listen(server, options.port);
  const address = server.address() as AddressInfo;
  ctx.port = address.port;
  const origin = `http://127.0.0.1:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    loginUrl: `${origin}/login#token=${options.token}`,
    port: address.port,
    origin,
    address: () => server.address() as AddressInfo,
    close: () => (closing ??= closeServer(server, ctx.streams)),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, streams: Set<ServerResponse>): Promise<void> {
  return new Promise((resolve, reject) => {
    for (const res of streams) res.end();
    server.close((err) => (err ? reject(err) : resolve()));
    // Event streams and keep-alive sockets would otherwise hold close() open indefinitely.
    server.closeAllConnections();
  });
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (!isAllowedHost(req.headers.host, ctx.port)) {
    return sendText(res, 403, 'Forbidden: this server answers only to 127.0.0.1 and localhost.\n');
  }
  if (!isAllowedOrigin(req.headers.origin, ctx.port)) {
    return sendText(res, 403, 'Forbidden: cross-origin requests are refused.\n');
  }
  const method = req.method ?? '';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const url = parseUrl(req.url);
  if (!url) return sendText(res, 400, 'Bad request.\n');

  // The page itself holds no data: it is served to anyone who may connect, and signs in from its
  // address's fragment (see renderer/src/api/session-token.ts). Data needs the token header.
  const isRpc = url.pathname.startsWith('/rpc/');
  if (!isRpc && url.pathname !== '/events') {
    return method === 'POST' ? methodNotAllowed(res, 'GET, HEAD') : serveStatic(ctx, res, url.pathname, method === 'HEAD');
  }
  if (!checkToken(ctx, req, res)) return;
  if (isRpc) {
    return method === 'POST' ? rpc(ctx, req, res, url.pathname.slice('/rpc/'.length)) : methodNotAllowed(res, 'POST');
  }
  return method === 'GET' ? eventStream(ctx, req, res) : methodNotAllowed(res, 'GET');
}

/** True when the request carries the token; otherwise answers it (403, or 429 while guessing is locked out). */
function checkToken(ctx: Context, req: IncomingMessage, res: ServerResponse): boolean {
  const given = req.headers[TOKEN_HEADER];
  if (given === undefined) {
    sendText(res, 403, NO_TOKEN_MESSAGE);
    return false;
  }
  const waitMs = ctx.wrongTokens.retryAfterMs();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    res.setHeader('Retry-After', String(seconds));
    sendText(res, 429, `Marginalia: too many wrong access tokens; none is checked for the next ${seconds} s. ${OPEN_THE_ADDRESS}\n`);
    return false;
  }
  if (typeof given === 'string' && tokensEqual(given, ctx.options.token)) return true;
  ctx.wrongTokens.recordFailure();
  sendText(res, 403, WRONG_TOKEN_MESSAGE);
  return false;
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}

function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

// Status rule: 4xx only when the request was refused before a handler ran; once a handler runs
// the reply is 200 and the envelope carries success or the error (domain or INTERNAL alike).
async function rpc(ctx: Context, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  // INVALID_INPUT, not NOT_FOUND: the Electron bridge reports an unknown channel the same way.
  if (!isChannel(name)) return sendJson(res, 404, failure('INVALID_INPUT', `Unknown channel: ${name.slice(0, 100)}`));
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendJson(res, 415, failure('INVALID_INPUT', 'Content-Type must be application/json.'));
  }
  // File-carrying channels declare a larger limit in the contract; every other one gets the default.
  const limit = maxRequestBytes(name, ctx.maxBodyBytes);
  const body = await readBody(req, limit);
  if (body === null) {
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, failure('INVALID_INPUT', `This request is too large: ${name} accepts at most ${describeSize(limit)}.`));
  }
  let raw: unknown;
  try {
    raw = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, failure('INVALID_INPUT', 'Request body is not valid JSON.'));
  }
  // The channel is known by now, so a refusal can only be invalid input.
  const { reply, refused } = await dispatchRequest(ctx.options.handlers, name, raw);
  sendJson(res, refused ? 400 : 200, reply);
}

function eventStream(ctx: Context, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  // A first comment flushes the headers so EventSource reports "open" at once.
  res.write(': connected\n\n');
  const unsubscribe = ctx.options.events.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), ctx.options.heartbeatMs ?? HEARTBEAT_MS);
  ctx.streams.add(res);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    ctx.streams.delete(res);
  });
  req.socket.setNoDelay(true);
}

type Lookup = { kind: 'file'; path: string; size: number } | { kind: 'missing' } | { kind: 'outside' };

async function serveStatic(ctx: Context, res: ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
  const target = resolveStaticPath(ctx.root, pathname);
  const found: Lookup = target === null ? { kind: 'outside' } : await lookup(ctx.root, target);
  if (found.kind === 'file') return sendFile(res, found, headOnly);
  if (found.kind === 'outside' || looksLikeFile(pathname)) return sendText(res, 404, 'Not found.\n');
  const index = await lookup(ctx.root, join(ctx.root, 'index.html'));
  if (index.kind !== 'file') return sendText(res, 404, 'Not found: the renderer is not built (run `npm run build`).\n');
  return sendFile(res, index, headOnly);
}

/** Follows symlinks and refuses any whose real target lies outside the static root. */
async function lookup(root: string, target: string): Promise<Lookup> {
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return { kind: 'missing' };
  }
  if (!isInside(root, real)) return { kind: 'outside' };
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? { kind: 'file', path: real, size: info.size } : { kind: 'missing' };
}

async function sendFile(res: ServerResponse, file: { path: string; size: number }, headOnly: boolean): Promise<void> {
  res.writeHead(200, { 'Content-Type': contentTypeFor(file.path), 'Content-Length': file.size });
  if (headOnly) res.end();
  else await pipeline(createReadStream(file.path), res);
}
