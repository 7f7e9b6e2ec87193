import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../electron/main/dispatch';
import type { AppState, Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';

const STATE: AppState = { shell: 'electron', coderName: null, recentProjects: [], project: null, notices: [] };

function unexpected(): Promise<never> {
  return Promise.reject(new Error('not called in this test'));
}

function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.getState': vi.fn(async () => STATE),
    'project.open': vi.fn(unexpected),
    'project.create': vi.fn(unexpected),
    'project.openSample': vi.fn(unexpected),
    'project.close': vi.fn(async () => null),
    'document.get': vi.fn(unexpected),
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
});
