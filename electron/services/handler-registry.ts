import { channelKind, channels } from '../../shared/api/contract';
import type { Channel, Handlers } from '../../shared/api/contract';

/** The channels of one namespace: 'coding' → 'coding.apply' | 'coding.remove' | … */
export type ChannelsOf<N extends string> = Extract<Channel, `${N}.${string}`>;

/** The handlers of one namespace, in one module: every channel of the namespace, and no other. */
export interface HandlerModule<N extends string = string> {
  namespace: N;
  handlers: Pick<Handlers, ChannelsOf<N>>;
}

export function handlerModule<N extends string>(namespace: N, handlers: Pick<Handlers, ChannelsOf<N>>): HandlerModule<N> {
  return { namespace, handlers };
}

/** Runs one request at a time, in the order they came. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * The one handler object every transport mounts, from one module per namespace. Registering a
 * channel twice, outside its module's namespace, or not at all fails here, at start-up. Channels
 * of kind 'change' run through the write queue: an operation reads the project to build its
 * change, and two running at once could each build on what the other is replacing.
 */
export function mountHandlers(modules: readonly { namespace: string; handlers: Partial<Handlers> }[], queue: WriteQueue): Handlers {
  const mounted = new Map<string, (input: never) => Promise<unknown>>();
  for (const { namespace, handlers } of modules) {
    for (const [channel, handler] of Object.entries(handlers)) {
      if (!(channels as string[]).includes(channel)) throw new Error(`The ${namespace} handlers register "${channel}", which the contract does not declare.`);
      if (!channel.startsWith(`${namespace}.`)) throw new Error(`The ${namespace} handlers register "${channel}", which belongs to another namespace.`);
      if (mounted.has(channel)) throw new Error(`"${channel}" is registered twice.`);
      const run = handler as (input: never) => Promise<unknown>;
      mounted.set(channel, channelKind(channel as Channel) === 'change' ? (input: never) => queue.run(() => run(input)) : run);
    }
  }
  const missing = channels.filter((c) => !mounted.has(c));
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}.`);
  return Object.fromEntries(mounted) as unknown as Handlers;
}
