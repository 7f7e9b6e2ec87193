import { AppError } from '../api/errors';
import type { AppErrorCode } from '../api/errors';
import { nameProblem } from '../domain/names';
import { added, updated } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { Coder } from '../domain/schemas';
import { CONSENSUS_CODER_NAME } from './consensus-ops';
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

/**
 * Why a coder cannot be renamed `name`, or null when they can. The user is known to the project
 * by their name (see ProjectSession.coder), so their own coder is not renamed here: that would
 * make their next coding start a new coder. Consensus is found by its name the same way.
 */
export function coderRenameProblem(
  coders: readonly Pick<Coder, 'id' | 'name'>[],
  coderId: string,
  name: string,
  currentCoderId: string | null,
): { code: AppErrorCode; message: string } | null {
  const coder = coders.find((c) => c.id === coderId);
  if (!coder) return { code: 'NOT_FOUND', message: `There is no coder with id ${coderId}; they may have been removed.` };
  const refuse = (message: string) => ({ code: 'INVALID_INPUT' as const, message });
  if (coderId === currentCoderId) return refuse(`“${coder.name}” is you: to code under another name, choose “Someone else…” in the coder menu.`);
  if (coder.name === CONSENSUS_CODER_NAME) return refuse(`The ${CONSENSUS_CODER_NAME} coder holds settled disagreements and keeps its name.`);
  const trimmed = name.trim();
  if (!trimmed) return refuse('A coder needs a name.');
  const problem = nameProblem(trimmed);
  if (problem) return refuse(`That name cannot be used: ${problem}.`);
  const clash = coders.find((c) => c.id !== coderId && c.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  return clash ? { code: 'ALREADY_EXISTS', message: `A coder named “${clash.name}” is already in the project.` } : null;
}

/** The coders the user may rename: all but themself and Consensus (see coderRenameProblem). */
export function renamableCoders<T extends Pick<Coder, 'id' | 'name'>>(coders: readonly T[], currentCoderId: string | null): T[] {
  return coders.filter((c) => c.id !== currentCoderId && c.name !== CONSENSUS_CODER_NAME);
}

/** Renames a coder in project.json and in their own file (which carries their name), as one undoable change. */
export function renameCoder(ctx: OperationContext, coderId: string, asked: string, currentCoderId: string | null): Patch {
  const name = asked.trim();
  const problem = coderRenameProblem(ctx.project.coders, coderId, name, currentCoderId);
  if (problem) throw new AppError(problem.code, problem.message);
  const coder = ctx.state.tables.coders.get(coderId)!;
  const change = updated(coderId, coder, { ...coder, name });
  if (!change) return { label: `Rename coder “${coder.name}”` };
  const profile = ctx.state.coder(coderId)?.profile.get('profile');
  const next = { id: 'profile' as const, name };
  return {
    label: `Rename coder “${coder.name}” to “${name}”`,
    project: { coders: [change] },
    coders: [{ coderId, profile: [profile ? { id: 'profile', before: profile, after: next } : added('profile', next)] }],
  };
}
