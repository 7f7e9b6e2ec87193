import type { z } from 'zod';

/**
 * Kinds, declared with each channel and nowhere else (the write queue, the HTTP limits and the
 * renderer's "this changes data" set are derived from them):
 * - query: reads; runs at once.
 * - change: changes the project or the app's state; runs in the write queue, one at a time.
 * - job: long work with progress events (imports, exports); runs outside the queue and, if it
 *   changes the project, applies one patch through the queue when it is done.
 */
export type ChannelKind = 'query' | 'change' | 'job';

/** One channel: its kind, its input schema, its output type (a phantom), and a larger body limit where it carries files. */
export interface ChannelSpec {
  kind: ChannelKind;
  input: z.ZodType;
  output: unknown;
  maxBytes?: number;
}

/** A phantom marker carrying an output type; it exists only for the type checker. */
export function returns<T>(): T {
  return undefined as T;
}

type Joined<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Joined<Rest> : unknown;

/**
 * The groups of channels as one contract. A channel declared in two groups is refused when the
 * module loads: spreading the groups together would keep the last silently.
 */
export function joinChannels<T extends readonly Record<string, ChannelSpec>[]>(...groups: T): Joined<T> {
  const joined: Record<string, ChannelSpec> = {};
  for (const group of groups) {
    for (const [channel, spec] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(joined, channel)) throw new Error(`The channel ${channel} is declared twice in the contract.`);
      joined[channel] = spec;
    }
  }
  return joined as Joined<T>;
}
