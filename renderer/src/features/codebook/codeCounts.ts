import type { Code } from '../../../../shared/domain/schemas';

/** The counts the codebook shows: codings per code (the user's or everyone's), and what deleting a code takes with it. Pure. */

/** How many codes a codebook has that can be applied to text (folders excluded). */
export function codableCount(codes: readonly Code[]): number {
  return codes.reduce((n, c) => n + (c.codable ? 1 : 0), 0);
}

/** Whose codings a count shows: the user's own, or every coder's. */
export type CountMode = 'mine' | 'all';

/** Codings per code id, for the user (`coderId`; none when they have not coded yet) or for all coders. */
export function codeCounts(
  codingCounts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  mode: CountMode,
  coderId: string | null,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [codeId, byCoder] of Object.entries(codingCounts)) {
    if (mode === 'mine') out[codeId] = coderId ? (byCoder[coderId] ?? 0) : 0;
    else out[codeId] = Object.values(byCoder).reduce((n, c) => n + c, 0);
  }
  return out;
}

/** What deleting a code removes: the codings at it and its sub-codes, all coders, and per coder. */
export interface SubtreeCodings {
  total: number;
  byCoder: Record<string, number>;
  /** How many sub-codes (at any depth) go with it. */
  subcodes: number;
}

export function subtreeCodings(
  codes: readonly Code[],
  codingCounts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  ids: readonly string[],
): SubtreeCodings {
  const byCoder: Record<string, number> = {};
  let total = 0;
  for (const id of ids) {
    for (const [coderId, n] of Object.entries(codingCounts[id] ?? {})) {
      byCoder[coderId] = (byCoder[coderId] ?? 0) + n;
      total += n;
    }
  }
  const known = new Set(codes.map((c) => c.id));
  return { total, byCoder, subcodes: ids.filter((id) => known.has(id)).length - 1 };
}
