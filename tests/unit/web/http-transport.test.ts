import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/api/contract';
import type { AppState, Handlers } from '../../../shared/api/contract';
import { EventHub } from '../../../electron/services/events';
import { startWebServer } from '../../../electron/web/server';
import type { WebServer } from '../../../electron/web/server';
import { createApiClient, createHttpTransport } from '../../../renderer/src/api/client';
import type { ApiEvent } from '../../../renderer/src/api/client';
import { EventStreamParser } from '../../../renderer/src/api/event-stream';
import { takeSessionToken } from '../../../renderer/src/api/session-token';
import type { TokenPlace } from '../../../renderer/src/api/session-token';

/** The renderer's browser-mode transport against the real server: the token travels only as a header. */

const state = (coderName: string): AppState => ({
  shell: 'browser',
  coderName,
  recentProjects: [],
  project: null,
  history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
  notices: [],
});

interface Running {
  server: WebServer;
  events: EventHub;
  token: string;
}

let tmp: string;
const running: Running[] = [];

async function serve(coderName: string, token: string): Promise<Running> {
  const handlers = {
    ...(Object.fromEntries(channels.map((c) => [c, async () => null])) as unknown as Handlers),
    'app.getState': async () => state(coderName),
  };
  const events = new EventHub();
  const server = await startWebServer({ handlers, events, staticDir: tmp, token, port: 0 });
  const started = { server, events, token };
  running.push(started);
  return started;
}

/** Node's fetch, recording what each request carried. */
function recordingFetch(seen: { url: string; headers: Headers; credentials: RequestCredentials | undefined }[]): typeof fetch {
  return async (input, init) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers), credentials: init?.credentials });
    return fetch(input, init);
  };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'marginalia-transport-'));
  await writeFile(join(tmp, 'index.html'), '<!doctype html>');
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.server.close()));
  await rm(tmp, { recursive: true, force: true });
});

describe('the browser-mode transport', () => {
  it('sends the token as a header, never a cookie, and receives events over a fetch stream', async () => {
    const one = await serve('Ana', 'token-of-server-one-0123456789abcdef');
    const seen: Parameters<typeof recordingFetch>[0] = [];
    const client = createApiClient(createHttpTransport({ baseUrl: one.server.origin, token: one.token, fetch: recordingFetch(seen) }));
    const received: ApiEvent[] = [];
    const off = client.onEvent((event) => received.push(event));
    try {
      expect((await client.call('app.getState', {})).coderName).toBe('Ana');
      one.events.emit('project.changed', { path: '/p/one' });
      await vi.waitFor(() => expect(received).toEqual([{ name: 'project.changed', payload: { path: '/p/one' } }]));
    } finally {
      off();
    }
    expect(seen.map((s) => new URL(s.url).pathname).sort()).toEqual(['/events', '/rpc/app.getState']);
    for (const request of seen) {
      expect(request.headers.get('x-marginalia-token')).toBe(one.token);
      expect(request.headers.get('cookie')).toBeNull();
      expect(request.credentials).toBe('omit');
      expect(request.url).not.toContain('token');
    }
  });

  it('two servers, two tokens: each client keeps working beside the other', async () => {
    const a = await serve('Ana', 'token-of-server-a-0123456789abcdef');
    const b = await serve('Ben', 'token-of-server-b-0123456789abcdef');
    const clientA = createApiClient(createHttpTransport({ baseUrl: a.server.origin, token: a.token }));
    const clientB = createApiClient(createHttpTransport({ baseUrl: b.server.origin, token: b.token }));
    expect((await clientA.call('app.getState', {})).coderName).toBe('Ana');
    expect((await clientB.call('app.getState', {})).coderName).toBe('Ben');
    expect((await clientA.call('app.getState', {})).coderName).toBe('Ana');
  });

  it('without a token, a call fails saying where the address with the token is', async () => {
    const a = await serve('Ana', 'token-of-server-c-0123456789abcdef');
    const client = createApiClient(createHttpTransport({ baseUrl: a.server.origin, token: null }));
    await expect(client.call('app.getState', {})).rejects.toThrow(/no access token.*address printed in the terminal/);
  });
});

describe('EventStreamParser', () => {
  it('yields whole events whatever the chunk boundaries, skipping comments', () => {
    const text = ': connected\n\nevent: project.changed\ndata: {"path":"/a"}\n\n: heartbeat\n\nevent: backend.error\ndata: {"code":"IO",\ndata: "x":1}\n\n';
    for (const size of [1, 3, 7, text.length]) {
      const parser = new EventStreamParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events).toEqual([
        { event: 'project.changed', data: '{"path":"/a"}' },
        { event: 'backend.error', data: '{"code":"IO",\n"x":1}' },
      ]);
    }
  });
});

describe('takeSessionToken', () => {
  function place(hash: string, stored: Record<string, string> = {}) {
    const replaced: string[] = [];
    const storage = new Map(Object.entries(stored));
    const where: TokenPlace = {
      location: { hash },
      history: { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
      storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    };
    return { where, replaced, storage };
  }

  it('takes the token from the fragment into this tab’s sessionStorage and out of the address bar', () => {
    const p = place('#token=abc_DEF-123.~');
    expect(takeSessionToken(p.where)).toBe('abc_DEF-123.~');
    expect(p.replaced).toEqual(['/']);
    expect([...p.storage.values()]).toEqual(['abc_DEF-123.~']);
  });

  it('after a reload (no fragment), uses the token the tab kept; a new fragment replaces it', () => {
    expect(takeSessionToken(place('', { 'marginalia.token': 'kept' }).where)).toBe('kept');
    expect(takeSessionToken(place('#token=new', { 'marginalia.token': 'kept' }).where)).toBe('new');
  });

  it('has none in a fresh tab, and ignores fragments that are not a token', () => {
    for (const hash of ['', '#', '#tokens=x', '#token=', '#token=a b']) {
      const p = place(hash);
      expect(takeSessionToken(p.where)).toBeNull();
      expect(p.replaced).toEqual([]);
    }
  });
});
