import type { Coder } from './schemas';

/**
 * Intra-coder agreement: a coder codes the same documents again as a second-round identity,
 * "<name> (second round)", blind to their first round, and the two are compared like any two
 * coders. The second round records whose it is (`roundOf`) when it first codes.
 */

const SUFFIX = ' (second round)';

export function secondRoundName(name: string): string {
  return `${name}${SUFFIX}`;
}

/** The first round's name for a second round's, or null when `name` is not a second round. */
export function firstRoundName(name: string): string | null {
  return name.endsWith(SUFFIX) && name.length > SUFFIX.length ? name.slice(0, -SUFFIX.length) : null;
}

/** The first round of the coder named `name`, or null: the coder whose codings `name` must not see. */
export function firstRoundOf(coders: readonly Pick<Coder, 'id' | 'name' | 'roundOf'>[], name: string | null): string | null {
  if (!name) return null;
  const me = coders.find((c) => c.name === name);
  if (me?.roundOf) return me.roundOf;
  const first = firstRoundName(name);
  return first === null ? null : (coders.find((c) => c.name === first)?.id ?? null);
}

/** The coders whose codings the user coding as `name` may see: all but their own first round. */
export function codersSeenBy<T extends Pick<Coder, 'id' | 'name' | 'roundOf'>>(coders: readonly T[], name: string | null): T[] {
  const hidden = firstRoundOf(coders, name);
  return hidden === null ? [...coders] : coders.filter((c) => c.id !== hidden);
}

/** Coding counts per code and coder, less one coder's (a second round's first round). */
export function countsWithout(
  counts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  coderId: string | null,
): Readonly<Record<string, Readonly<Record<string, number>>>> {
  if (coderId === null) return counts;
  return Object.fromEntries(Object.entries(counts).map(([codeId, byCoder]) => [codeId, Object.fromEntries(Object.entries(byCoder).filter(([id]) => id !== coderId))]));
}
