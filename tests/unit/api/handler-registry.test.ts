import { describe, expect, it } from 'vitest';
import { channelKind, channels } from '../../../shared/api/contract';
import type { Handlers } from '../../../shared/api/contract';
import { WriteQueue, mountHandlers } from '../../../electron/services/handler-registry';

/** A handler for every channel of the contract, one module per namespace, each answering its own name. */
function modules(): { namespace: string; handlers: Partial<Handlers> }[] {
  const byNamespace = new Map<string, Partial<Handlers>>();
  for (const channel of channels) {
    const namespace = channel.split('.')[0]!;
    const handlers = byNamespace.get(namespace) ?? byNamespace.set(namespace, {}).get(namespace)!;
    (handlers as Record<string, unknown>)[channel] = async () => channel;
  }
  return [...byNamespace].map(([namespace, handlers]) => ({ namespace, handlers }));
}

describe('handler registration', () => {
  it('mounts one handler per channel of the contract', () => {
    expect(Object.keys(mountHandlers(modules(), new WriteQueue())).sort()).toEqual([...channels].sort());
  });

  it('fails at start-up when a channel has no handler, is registered twice, or sits in the wrong module', () => {
    const all = modules();
    const withoutCoding = all.map((m) => (m.namespace === 'coding' ? { ...m, handlers: {} } : m));
    expect(() => mountHandlers(withoutCoding, new WriteQueue())).toThrow(/No handler for coding\.apply/);
    const twice = [...all, all.find((m) => m.namespace === 'memo')!];
    expect(() => mountHandlers(twice, new WriteQueue())).toThrow(/"memo\.create" is registered twice/);
    const stray = [...all.filter((m) => m.namespace !== 'code'), { namespace: 'memo', handlers: all.find((m) => m.namespace === 'code')!.handlers }];
    expect(() => mountHandlers(stray, new WriteQueue())).toThrow(/The memo handlers register "code\.\w+", which belongs to another namespace/);
    expect(() => mountHandlers([...all, { namespace: 'ghost', handlers: { 'ghost.walk': async () => null } as unknown as Partial<Handlers> }], new WriteQueue())).toThrow(/does not declare/);
  });

  it('runs changes one at a time, in order, and queries at once', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const all = modules();
    const code = all.find((m) => m.namespace === 'code')!;
    (code.handlers as Record<string, unknown>)['code.create'] = async () => {
      order.push('create started');
      await gate;
      order.push('create done');
      return null;
    };
    (code.handlers as Record<string, unknown>)['code.delete'] = async () => void order.push('delete');
    const mounted = mountHandlers(all, new WriteQueue());
    expect(channelKind('code.create')).toBe('change');
    expect(channelKind('history.state')).toBe('query');
    const first = mounted['code.create']({ name: 'x', parentId: null });
    const second = mounted['code.delete']({ codeId: 'y' });
    await mounted['history.state']({});
    order.push('query answered');
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['create started', 'query answered', 'create done', 'delete']);
  });
});
