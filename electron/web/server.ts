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
import { toErrorShape } from '../../shared/api/errors';
import type { AppErrorCode, RpcReply } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';
import { contentTypeFor, isInside, looksLikeFile, resolveStaticPath } from '../common/static-files';
import type { EventHub } from '../services/events';
import {
  TOKEN_COOKIE,
  TOKEN_HEADER,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorized,
  isJsonContentType,
  isWellFormedToken,
  tokensEqual,
} from './request-guards';

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
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/`, without the token. */
  url: string;
  port: number;
  origin: string;
  address(): AddressInfo;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Everything is local and small; never caching keeps a stale UI (or a token page) out of the cache.
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const NO_TOKEN_MESSAGE =
  'Marginalia: access denied. Open the address printed in the terminal where Marginalia was started ' +
  '(it contains the access token).\n';

interface Context {
  options: WebServerOptions;
  root: string;
  port: number;
  maxBodyBytes: number;
  streams: Set<ServerResponse>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  if (!isWellFormedToken(options.token)) {
    throw new Error('The access token must be 1-512 characters from A-Z a-z 0-9 . _ ~ -');
  }
  const ctx: Context = {
    options,
    root: await realpath(options.staticDir),
    port: 0,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    streams: new Set(),
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => failHard(res, err));
  });
  await listen(server, options.port);
  const address = server.address() as AddressInfo;
  ctx.port = address.port;
  const origin = `http://127.0.0.1:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
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
  if (req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed(res, 'GET, POST');
  const url = parseUrl(req.url);
  if (!url) return sendText(res, 400, 'Bad request.\n');

  if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
    return login(ctx, res, url.searchParams.get('token') ?? undefined);
  }
  if (!isAuthorized({ cookie: req.headers.cookie, token: req.headers[TOKEN_HEADER] }, ctx.options.token)) {
    return sendText(res, 403, NO_TOKEN_MESSAGE);
  }
  if (url.pathname.startsWith('/rpc/')) {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    return rpc(ctx, req, res, url.pathname.slice('/rpc/'.length));
  }
  if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
  if (url.pathname === '/events') return eventStream(ctx, req, res);
  return serveStatic(ctx, res, url.pathname);
}

function parseUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** Trades the token in the address bar for a cookie, then reloads without it. */
function login(ctx: Context, res: ServerResponse, given: string | undefined): void {
  if (!tokensEqual(given, ctx.options.token)) return sendText(res, 403, NO_TOKEN_MESSAGE);
  res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${ctx.options.token}; HttpOnly; SameSite=Strict; Path=/`);
  res.writeHead(302, { Location: '/' });
  res.end();
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
    return sendJson(res, 413, failure('INVALID_INPUT', `Request body is larger than ${limit} bytes.`));
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

function failure(code: AppErrorCode, message: string): RpcReply<never> {
  return { ok: false, error: { code, message } };
}

/** The body, or null once it passes `limit`; reading stops there instead of buffering the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('The client closed the connection before sending the whole request.'));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    function cleanup(): void {
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError);
    }
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onError);
  });
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

async function serveStatic(ctx: Context, res: ServerResponse, pathname: string): Promise<void> {
  const target = resolveStaticPath(ctx.root, pathname);
  const found: Lookup = target === null ? { kind: 'outside' } : await lookup(ctx.root, target);
  if (found.kind === 'file') return sendFile(res, found);
  if (found.kind === 'outside' || looksLikeFile(pathname)) return sendText(res, 404, 'Not found.\n');
  const index = await lookup(ctx.root, join(ctx.root, 'index.html'));
  if (index.kind !== 'file') return sendText(res, 404, 'Not found: the renderer is not built (run `npm run build`).\n');
  return sendFile(res, index);
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

async function sendFile(res: ServerResponse, file: { path: string; size: number }): Promise<void> {
  res.writeHead(200, { 'Content-Type': contentTypeFor(file.path), 'Content-Length': file.size });
  await pipeline(createReadStream(file.path), res);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

function sendJson(res: ServerResponse, status: number, body: RpcReply<unknown>): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (err) {
    text = JSON.stringify(failure('INTERNAL', `The reply could not be encoded: ${toErrorShape(err).message}`));
  }
  send(res, status, 'application/json; charset=utf-8', text);
}

function send(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, 'Method not allowed.\n');
}

function failHard(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendText(res, 500, `Internal error: ${toErrorShape(err).message}\n`);
}
