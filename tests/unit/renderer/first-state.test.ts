import { describe, expect, it, vi } from 'vitest';
import { createApiClient, createHttpTransport } from '../../../renderer/src/api/client';
import { askFirstState } from '../../../renderer/src/app/firstState';
import { fakeWebServer } from '../../helpers/fake-web-server';

const TOKEN = 'token-of-this-tab-0123456789abcdef';

describe('the first app state, asked for before React renders', () => {
  it('listens before it asks, and hands over a startup error pushed after the reply', async () => {
    const server = fakeWebServer(TOKEN);
    const api = createApiClient(createHttpTransport({ baseUrl: 'http://127.0.0.1:5199', token: TOKEN, fetch: server.fetchImpl }));
    const first = askFirstState(api);
    expect(await first.state).toEqual({ coderName: 'Ana' });
    // The stream was connected first, so nothing pushed right after the reply is missed.
    expect(server.seen.map((s) => new URL(s.url).pathname)).toEqual(['/events', '/rpc/app.getState']);
    const probe = vi.fn();
    const offProbe = api.onEvent(probe);
    server.push('event: backend.error\ndata: {"code":"NOT_FOUND","message":"The project named on the command line could not be opened."}\n\n');
    await vi.waitFor(() => expect(probe).toHaveBeenCalledTimes(1));
    offProbe();
    const later = vi.fn();
    expect(first.takeEvents()).toEqual([{ name: 'backend.error', payload: { code: 'NOT_FOUND', message: 'The project named on the command line could not be opened.' } }]);

    // Once handed over it keeps nothing: the app's own listener hears what comes next.
    const off = api.onEvent(later);
    server.push('event: project.changed\ndata: {"path":"/p/one"}\n\n');
    await vi.waitFor(() => expect(later).toHaveBeenCalledTimes(1));
    expect(first.takeEvents()).toEqual([]);
    off();
  });
});
