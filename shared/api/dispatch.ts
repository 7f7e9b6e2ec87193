import { isChannel, parseInput } from './contract';
import type { Channel, Handlers, Output } from './contract';
import { toErrorShape } from './errors';
import type { AppErrorShape, RpcReply } from './errors';

export interface DispatchOptions {
  /** Told about failures that are not AppErrors (bugs, not user errors), e.g. to log them. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface Dispatched<T> {
  reply: RpcReply<T>;
  /**
   * True when the request was refused before any handler ran (unknown channel, invalid input),
   * so a transport that has statuses can tell a bad request from a handler's own error.
   */
  refused: boolean;
}

function refusal(message: string): Dispatched<never> {
  return { reply: { ok: false, error: { code: 'INVALID_INPUT', message } }, refused: true };
}

function failure(error: AppErrorShape): Dispatched<never> {
  return { reply: { ok: false, error }, refused: false };
}

/**
 * One request through the contract, whatever carried it (IPC, HTTP): check the channel name,
 * validate the input, call the handler, and turn every outcome into an envelope. It never
 * throws, so a transport only has to send back the reply.
 */
export async function dispatchRequest(
  handlers: Handlers,
  channel: string,
  raw: unknown,
  options: DispatchOptions = {},
): Promise<Dispatched<Output<Channel>>> {
  if (!isChannel(channel)) return refusal(`Unknown request: ${JSON.stringify(channel)}`);
  const parsed = parseInput(channel, raw);
  if (!parsed.ok) return refusal(parsed.message);
  // TypeScript cannot pair a union-typed channel with its own handler; parseInput did.
  const handler = handlers[channel] as ((input: unknown) => Promise<Output<Channel> | undefined>) | undefined;
  if (typeof handler !== 'function') return failure({ code: 'INTERNAL', message: `No handler for ${channel}` });
  try {
    // No channel returns undefined; null keeps the `value` key through JSON as well as through IPC.
    const value = (await handler(parsed.input)) ?? null;
    return { reply: { ok: true, value: value as Output<Channel> }, refused: false };
  } catch (error) {
    const shape = toErrorShape(error);
    if (shape.code === 'INTERNAL') options.onInternalError?.(channel, error);
    return failure(shape);
  }
}

/** `dispatchRequest` for a transport that only sends the envelope back (IPC). */
export async function dispatch(...args: Parameters<typeof dispatchRequest>): Promise<RpcReply<Output<Channel>>> {
  return (await dispatchRequest(...args)).reply;
}
