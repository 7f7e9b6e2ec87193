import { added } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { Coder } from '../domain/schemas';
import { nextRank } from './context';
import type { OperationContext } from './context';

const CODER_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f3c97', '#b58840', '#28a197', '#912b88', '#505a5f'];

/**
 * A coder to add: the next colour and the last place in the list. `index` counts coders added
 * before this one in the same change, so each gets its own colour and place.
 */
export function newCoder(ctx: OperationContext, name: string, options: Partial<Pick<Coder, 'id' | 'color' | 'importedFrom' | 'roundOf'>> = {}, index = 0): Coder {
  const coders = ctx.project.coders;
  return {
    id: options.id ?? ctx.newId(),
    name,
    color: options.color ?? CODER_COLOURS[(coders.length + index) % CODER_COLOURS.length]!,
    ...(options.importedFrom && { importedFrom: options.importedFrom }),
    ...(options.roundOf && { roundOf: options.roundOf }),
    rank: nextRank(coders) + index,
  };
}

/** The project part of a patch that adds a coder (their file is created with them). */
export function addCoder(coder: Coder): NonNullable<Patch['project']> {
  return { coders: [added(coder.id, coder)] };
}
