import { describe, expect, it, vi } from 'vitest';
import { createApiClient, createHttpTransport } from '../../../renderer/src/api/client';
import type { ApiEvent } from '../../../renderer/src/api/client';
import { EventStreamParser } from '../../../renderer/src/api/event-stream';
import { takeSessionToken } from '../../../renderer/src/api/session-token';
import type { TokenPlace } from '../../../renderer/src/api/session-token';
import { fakeWebServer } from '../../helpers/fake-web-server';

/**
 * Browser mode's transport: the token travels only in the X-Marginalia-Token header (never a
 * cookie, never the URL), and events are read from a fetch stream, which can carry that header.
 * The real server is exercised end to end in tests/e2e (foundation, two-servers).
 */

const TOKEN = 'token-of-this-tab-0123456789abcdef';

describe('the browser-mode transport', () => {
  it('sends the token as a header, never a cookie or in the URL, and receives events over a fetch stream', async () => {
    const server = fakeWebServer(TOKEN);
    const client = createApiClient(createHttpTransport({ baseUrl: 'http://127.0.0.1:5199', token: TOKEN, fetch: server.fetchImpl }));
    const received: ApiEvent[] = [];
    const off = client.onEvent((event) => received.push(event));
    try {
      expect(await client.call('app.getState', {})).toEqual({ coderName: 'Ana' });
      server.push('event: project.changed\ndata: {"path":"/p/one"}\n\nevent: not.ours\ndata: {}\n\n');
      await vi.waitFor(() => expect(received).toEqual([{ name: 'project.changed', payload: { path: '/p/one' } }]));
    } finally {
      off();
    }
    expect(server.seen.map((s) => new URL(s.url).pathname).sort()).toEqual(['/events', '/rpc/app.getState']);
    for (const request of server.seen) {
      expect(request.headers.get('x-marginalia-token')).toBe(TOKEN);
      expect(request.headers.get('cookie')).toBeNull();
      expect(request.credentials).toBe('omit');
      expect(request.url).not.toContain('token');
    }
  });

  it('without a token, a call fails with the server’s words: where the address with the token is', async () => {
    const server = fakeWebServer(TOKEN);
    const client = createApiClient(createHttpTransport({ token: null, fetch: server.fetchImpl }));
    await expect(client.call('app.getState', {})).rejects.toThrow(/no access token.*address printed in the terminal/);
    expect(server.seen[0]?.headers.get('x-marginalia-token')).toBeNull();
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
