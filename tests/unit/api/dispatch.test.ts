import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/api/contract';
import type { AppState, Handlers } from '../../../shared/api/contract';
import { dispatch, dispatchRequest } from '../../../shared/api/dispatch';
import { AppError } from '../../../shared/api/errors';

const STATE: AppState = {
  shell: 'electron',
  coderName: null,
  recentProjects: [],
  projectsDir: '/home/ana/Documents/Marginalia',
  project: null,
  history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
  notices: [],
};

function unexpected(): Promise<never> {
  return Promise.reject(new Error('not called in this test'));
}

/** Every channel's handler is a spy; those a test does not expect to run reject. */
function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ...(Object.fromEntries(channels.map((channel) => [channel, vi.fn(unexpected)])) as unknown as Handlers),
    'app.getState': vi.fn(async () => STATE),
    'project.close': vi.fn(async () => null),
    'dialog.pickProjectFolder': vi.fn(async () => '/picked'),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('calls the handler with the validated input and wraps its value', async () => {
    const open = vi.fn(async ({ path }: { path: string }) => ({ path }) as never);
    const handlers = fakeHandlers({ 'project.open': open });
    await expect(dispatch(handlers, 'project.open', { path: '/projects/a' })).resolves.toEqual({
      ok: true,
      value: { path: '/projects/a' },
    });
    expect(open).toHaveBeenCalledWith({ path: '/projects/a' });
  });

  it('treats a missing argument as an empty request', async () => {
    await expect(dispatch(fakeHandlers(), 'app.getState', undefined)).resolves.toEqual({ ok: true, value: STATE });
    await expect(dispatch(fakeHandlers(), 'project.close', null)).resolves.toEqual({ ok: true, value: null });
  });

  it.each([
    ['project.open', {}],
    ['project.open', { path: '' }],
    ['project.open', { path: 42 }],
    ['project.open', { path: '/a', extra: true }],
    ['project.open', 'just a string'],
    ['project.create', { path: '/a', name: 'A', template: 'nope' }],
    ['document.get', { documentId: 'x'.repeat(65) }],
    ['app.getState', { sneaky: 1 }],
  ] as const)('rejects invalid input for %s (%j) before the handler', async (channel, raw) => {
    const handlers = fakeHandlers();
    const reply = await dispatch(handlers, channel, raw);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_INPUT');
      expect(reply.error.message).toContain(channel);
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it.each(['nope', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses the unknown channel %j',
    async (channel) => {
      const reply = await dispatch(fakeHandlers(), channel, {});
      expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Unknown') } });
    },
  );

  it('keeps an AppError’s code, message and file', async () => {
    const handlers = fakeHandlers({
      'project.open': async () => {
        throw new AppError('DAMAGED_FILE', 'codebook.json is not valid JSON', '/p/codebook.json');
      },
    });
    await expect(dispatch(handlers, 'project.open', { path: '/p' })).resolves.toEqual({
      ok: false,
      error: { code: 'DAMAGED_FILE', message: 'codebook.json is not valid JSON', file: '/p/codebook.json' },
    });
  });

  it('reports any other thrown value as INTERNAL, and tells the caller', async () => {
    const boom = new Error('boom');
    const onInternalError = vi.fn();
    const handlers = fakeHandlers({
      'project.openSample': async () => {
        throw boom;
      },
      'project.close': async () => {
        throw 'a string';
      },
    });
    await expect(dispatch(handlers, 'project.openSample', {}, { onInternalError })).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'boom' },
    });
    expect(onInternalError).toHaveBeenCalledWith('project.openSample', boom);
    await expect(dispatch(handlers, 'project.close', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'a string' },
    });
  });

  it('does not tell the caller about AppErrors (they are the user’s, not bugs)', async () => {
    const onInternalError = vi.fn();
    const handlers = fakeHandlers({
      'document.get': async () => {
        throw new AppError('NOT_FOUND', 'No such document.');
      },
    });
    await dispatch(handlers, 'document.get', { documentId: 'd1' }, { onInternalError });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('reports a missing handler as INTERNAL rather than throwing', async () => {
    const handlers = { ...fakeHandlers() } as Partial<Handlers>;
    delete handlers['dialog.pickProjectFolder'];
    const reply = await dispatch(handlers as Handlers, 'dialog.pickProjectFolder', {});
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('No handler') } });
  });

  it('sends null, not undefined, when a handler returns nothing', async () => {
    const handlers = fakeHandlers({ 'project.close': vi.fn(async () => undefined as unknown as null) });
    await expect(dispatch(handlers, 'project.close', {})).resolves.toEqual({ ok: true, value: null });
  });
});

describe('dispatchRequest', () => {
  it('says the request was refused when no handler ran: unknown channel or invalid input', async () => {
    const handlers = fakeHandlers();
    await expect(dispatchRequest(handlers, 'nope', {})).resolves.toMatchObject({ refused: true, reply: { ok: false } });
    await expect(dispatchRequest(handlers, 'project.open', {})).resolves.toMatchObject({
      refused: true,
      reply: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    expect(handlers['project.open']).not.toHaveBeenCalled();
  });

  it('does not, once a handler ran, whatever it answered', async () => {
    const handlers = fakeHandlers({
      'project.open': async () => {
        throw new AppError('INVALID_INPUT', 'Not a project folder.');
      },
    });
    await expect(dispatchRequest(handlers, 'app.getState', {})).resolves.toEqual({
      refused: false,
      reply: { ok: true, value: STATE },
    });
    await expect(dispatchRequest(handlers, 'project.open', { path: '/p' })).resolves.toEqual({
      refused: false,
      reply: { ok: false, error: { code: 'INVALID_INPUT', message: 'Not a project folder.' } },
    });
  });

  it('does not count a missing handler as the request’s fault', async () => {
    const handlers = { ...fakeHandlers() } as Partial<Handlers>;
    delete handlers['dialog.pickProjectFolder'];
    const result = await dispatchRequest(handlers as Handlers, 'dialog.pickProjectFolder', {});
    expect(result).toMatchObject({ refused: false, reply: { ok: false, error: { code: 'INTERNAL' } } });
  });
});
