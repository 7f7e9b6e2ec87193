import { describe, expect, it, vi } from 'vitest';
import { createApiClient, createHttpTransport } from '../../../renderer/src/api/client';
import type { ApiClient } from '../../../renderer/src/api/client';
import { askFirstState } from '../../../renderer/src/app/firstState';
import { takeFirstPage } from '../../../renderer/src/features/workbench/state/documentDirectory';
import type { DocumentPage } from '../../../shared/api/contract';
import { fakeWebServer } from '../../helpers/fake-web-server';

const TOKEN = 'token-of-this-tab-0123456789abcdef';

describe('the first app state, asked for before React renders', () => {
  it('listens before it asks, and hands over a startup error pushed after the reply', async () => {
    const server = fakeWebServer(TOKEN);
    const api = createApiClient(createHttpTransport({ baseUrl: 'http://127.0.0.1:5199', token: TOKEN, fetch: server.fetchImpl }));
    const first = askFirstState(api);
    expect(await first.state).toEqual({ coderName: 'Ana' });
    // The stream was connected first, so nothing pushed right after the reply is missed; the
    // list's first page is asked for beside the state, not after it.
    expect(server.seen.map((s) => new URL(s.url).pathname)).toEqual(['/events', '/rpc/documents.page', '/rpc/app.getState']);
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

describe("the Documents list's first page, asked for beside the first state", () => {
  const PATH = '/studies/Thrive.marginalia';
  const page = (count: number): DocumentPage => ({
    rows: [{ id: 'd1', name: 'Hackney 001: young people', length: 100, turnCount: 3, attributes: {}, rank: 0 }],
    offset: 0,
    total: 1,
    count,
  });
  /** A client that answers the state with a project of `count` documents, and the page as given. */
  const client = (count: number, reply: () => Promise<DocumentPage>) =>
    ({
      onEvent: () => () => {},
      call: (channel: string) => (channel === 'documents.page' ? reply() : Promise.resolve({ project: { path: PATH, documents: { count } } })),
    }) as unknown as ApiClient;

  it('is handed to the list of the project the state names', async () => {
    await askFirstState(client(1, async () => page(1))).state;
    expect(takeFirstPage(PATH)?.rows.map((r) => r.name)).toEqual(['Hackney 001: young people']);
  });

  it("is dropped when it is another project's (its count differs), and the state comes all the same when the page is refused", async () => {
    await askFirstState(client(2, async () => page(1))).state;
    expect(takeFirstPage(PATH)).toBeNull();
    const state = await askFirstState(client(1, () => Promise.reject(new Error('No project is open.')))).state;
    expect(state).toEqual({ project: { path: PATH, documents: { count: 1 } } });
    expect(takeFirstPage(PATH)).toBeNull();
  });
});
