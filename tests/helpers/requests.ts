import type { z } from 'zod';
import { parseInput } from '../../shared/api/contract';
import type { Channel, Contract, Input } from '../../shared/api/contract';

/** A request as a transport hands it to a handler: checked by the contract, its defaults filled in. */
export function request<C extends Channel>(channel: C, input: Input<C>): z.output<Contract[C]['input']> {
  const parsed = parseInput(channel, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.input;
}
