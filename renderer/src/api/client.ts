import type { BridgeEventListener, MarginaliaBridge } from '../../../shared/api/bridge';
import type { Channel, EventName, Input, Output, ServerEvents } from '../../../shared/api/contract';
import { isErrorShape } from '../../../shared/api/errors';
import type { AppErrorCode, AppErrorShape, RestoreOffer, RpcReply } from '../../../shared/api/errors';
import { readEventStream } from './event-stream';
import { takeSessionToken } from './session-token';

/**
 * The renderer's one way to talk to the backend. Components get an ApiClient from context
 * (see context.tsx) and never see the transport: Electron's preload bridge when it exists,
 * otherwise HTTP and a server-sent event stream against `npm run web`.
 */

/** The backend's error codes, plus DISCONNECTED when the transport itself failed. */
export type ApiErrorCode = AppErrorCode | 'DISCONNECTED';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly file?: string;
  /** Present when the damaged or missing file can be restored from a backup (project.restoreBackup). */
  readonly restore?: RestoreOffer;

  constructor(code: ApiErrorCode, message: string, file?: string, restore?: RestoreOffer) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (file !== undefined) this.file = file;
    if (restore !== undefined) this.restore = restore;
  }

  static fromShape(shape: AppErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.file, validOffer(shape.restore));
  }

  /** Any thrown value as an ApiError, so the UI has one thing to show. */
  static from(err: unknown): ApiError {
    if (err instanceof ApiError) return err;
    if (isErrorShape(err)) return ApiError.fromShape(err);
    const message = err instanceof Error ? err.message : String(err);
    return new ApiError('INTERNAL', message || 'Something went wrong.');
  }
}

/** A restore offer as the UI can use it: one that names a project, a file and at least one backup; else undefined. */
function validOffer(value: unknown): RestoreOffer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const offer = value as Partial<RestoreOffer>;
  if (typeof offer.projectPath !== 'string' || typeof offer.file !== 'string' || !Array.isArray(offer.backups)) return undefined;
  const backups = offer.backups.filter(
    (b): b is RestoreOffer['backups'][number] => typeof b === 'object' && b !== null && typeof b.backup === 'string' && typeof b.takenAt === 'string',
  );
  return backups.length > 0 ? { projectPath: offer.projectPath, file: offer.file, backups } : undefined;
}

/** One pushed event, as a union the UI can narrow on `name`. */
export type ApiEvent = { [E in EventName]: { name: E; payload: ServerEvents[E] } }[EventName];
export type ApiEventListener = (event: ApiEvent) => void;

export interface ApiClient {
  /** Calls a channel; resolves with its output or rejects with an ApiError. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: ApiEventListener): () => void;
}

/** A transport is anything shaped like the preload bridge: envelopes in, events out. */
export type Transport = MarginaliaBridge;

export const DISCONNECTED_MESSAGE = 'The Marginalia server stopped; restart npm run web.';

function isReply(value: unknown): value is RpcReply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; error?: unknown };
  if (reply.ok === true) return 'value' in reply;
  return reply.ok === false && isErrorShape(reply.error);
}

export function createApiClient(transport: Transport = pickTransport()): ApiClient {
  return {
    async call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
      let reply: unknown;
      try {
        reply = await transport.invoke(channel, input);
      } catch (err) {
        throw ApiError.from(err);
      }
      if (!isReply(reply)) {
        throw new ApiError('INTERNAL', `The backend sent an unreadable reply to ${channel}.`);
      }
      if (!reply.ok) throw ApiError.fromShape(reply.error);
      return reply.value as Output<C>;
    },
    onEvent(listener: ApiEventListener): () => void {
      const forward = (name: EventName, payload: unknown) => listener({ name, payload } as ApiEvent);
      return transport.onEvent(forward as unknown as BridgeEventListener);
    },
  };
}

/** The preload bridge when running inside Electron, else HTTP against the page's own server. */
export function pickTransport(): Transport {
  const bridge = (globalThis as { marginalia?: MarginaliaBridge }).marginalia;
  return bridge ?? createHttpTransport();
}

/** Every event the backend may push; the type check fails if ServerEvents gains one. */
const eventNames = ['project.changed', 'backend.error', 'import.progress', 'export.progress', 'shell.request'] as const satisfies readonly EventName[];
type MissingEvent = Exclude<EventName, (typeof eventNames)[number]>;
const allEventsListed: [MissingEvent] extends [never] ? true : never = true;
void allEventsListed;

export interface HttpTransportOptions {
  /** Prefix for /rpc and /events; '' (same origin) by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The access token sent with every request; by default the one this tab holds (session-token.ts). */
  token?: string | null;
}

/** How long the first request waits for the event stream to connect, so no startup event is missed. */
const EVENTS_OPEN_WAIT_MS = 1500;
/** Pause before the event stream reconnects after the connection dropped (EventSource's habit). */
const EVENTS_RETRY_MS = 3000;

/** A listener called without the bridge type's name/payload correlation (checked at the call site). */
type LooseListener = (name: EventName, payload: unknown) => void;

/** A failed reply that is not an envelope (e.g. the plain-text "no token" page) as readable text. */
function plainTextMessage(channel: string, status: number, body: string): string {
  const text = body.trim().replace(/\s+/g, ' ');
  if (text && !text.startsWith('<') && status >= 400) return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return `The Marginalia server sent an unreadable reply to ${channel} (HTTP ${status}).`;
}

const isEventName = (name: string): name is EventName => (eventNames as readonly string[]).includes(name);

/**
 * Browser mode: POST /rpc/<channel> with a JSON body, events streamed from GET /events. Every
 * request carries the token in the X-Marginalia-Token header and no cookie (credentials: omit).
 */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const token = options.token === undefined ? takeSessionToken() : options.token;
  const headers: Record<string, string> = token ? { 'X-Marginalia-Token': token } : {};
  const listeners = new Set<LooseListener>();
  let stream: AbortController | null = null;
  /** While the event stream is connecting: settles once it has (or failed, or taken too long). */
  let streamReady: Promise<void> | null = null;

  function dispatchEvent(name: string, data: string): void {
    if (!isEventName(name)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of listeners) listener(name, payload);
  }

  function openStream(): void {
    if (stream || listeners.size === 0) return;
    const controller = new AbortController();
    stream = controller;
    let settle: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      const timer = setTimeout(done, EVENTS_OPEN_WAIT_MS);
      function done() {
        clearTimeout(timer);
        resolve();
        // Settled: requests leave at once, not a microtask later (a click's request before its render).
        if (streamReady === ready) streamReady = null;
      }
      settle = done;
    });
    streamReady = ready;
    void (async () => {
      let retry = false;
      try {
        const response = await fetchImpl(`${baseUrl}/events`, { headers, credentials: 'omit', cache: 'no-store', signal: controller.signal });
        settle();
        // A refusal (no or wrong token) will not change by asking again; a dropped stream may.
        if (!response.ok || !response.body) return;
        retry = true;
        await readEventStream(response.body, (event) => dispatchEvent(event.event, event.data));
      } catch {
        retry = !controller.signal.aborted;
      } finally {
        settle();
        if (stream === controller) {
          stream = null;
          streamReady = null;
          if (retry) setTimeout(openStream, EVENTS_RETRY_MS);
        }
      }
    })();
  }

  return {
    async invoke<C extends Channel>(channel: C, input: Input<C>): Promise<RpcReply<Output<C>>> {
      // The backend pushes startup errors right after the first reply: be listening by then.
      if (streamReady) await streamReady;
      let response: Response;
      let body: string;
      try {
        response = await fetchImpl(`${baseUrl}/rpc/${channel}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
        });
        body = await response.text();
      } catch {
        throw new ApiError('DISCONNECTED', DISCONNECTED_MESSAGE);
      }
      let reply: unknown;
      try {
        reply = JSON.parse(body);
      } catch {
        throw new ApiError('INTERNAL', plainTextMessage(channel, response.status, body));
      }
      // 4xx bodies are envelopes too; the client reads ok:false from them.
      if (!isReply(reply)) {
        throw new ApiError(
          'INTERNAL',
          `The Marginalia server sent an unexpected reply to ${channel} (HTTP ${response.status}).`,
        );
      }
      return reply as RpcReply<Output<C>>;
    },
    onEvent(listener: BridgeEventListener): () => void {
      // The bridge type ties payload to name; events from the stream are matched by name above.
      const loose = listener as unknown as LooseListener;
      listeners.add(loose);
      openStream();
      return () => {
        listeners.delete(loose);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
          streamReady = null;
        }
      };
    },
  };
}
