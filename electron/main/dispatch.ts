import { isChannel, parseInput } from '../../shared/api/contract';
import type { Channel, Handlers, Output } from '../../shared/api/contract';
import { toErrorShape } from '../../shared/api/errors';
import type { AppErrorShape, RpcReply } from '../../shared/api/errors';

export interface DispatchOptions {
  /** Told about failures that are not AppErrors (bugs, not user errors), e.g. to log them. */
  onInternalError?: (channel: string, error: unknown) => void;
}

function failure(error: AppErrorShape): { ok: false; error: AppErrorShape } {
  return { ok: false, error };
}

/**
 * One request through the contract, whatever carried it (IPC, HTTP): check the channel name,
 * validate the input, call the handler, and turn every outcome into an envelope. It never
 * throws, so a transport only has to send back what it returns.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
  options: DispatchOptions = {},
): Promise<RpcReply<Output<Channel>>> {
  if (!isChannel(channel)) {
    return failure({ code: 'INVALID_INPUT', message: `Unknown request: ${JSON.stringify(channel)}` });
  }
  const parsed = parseInput(channel, raw);
  if (!parsed.ok) return failure({ code: 'INVALID_INPUT', message: parsed.message });
  // TypeScript cannot pair a union-typed channel with its own handler; parseInput did.
  const handler = handlers[channel] as ((input: unknown) => Promise<Output<Channel>>) | undefined;
  if (typeof handler !== 'function') {
    return failure({ code: 'INTERNAL', message: `No handler for ${channel}` });
  }
  try {
    return { ok: true, value: await handler(parsed.input) };
  } catch (error) {
    const shape = toErrorShape(error);
    if (shape.code === 'INTERNAL') options.onInternalError?.(channel, error);
    return failure(shape);
  }
}
