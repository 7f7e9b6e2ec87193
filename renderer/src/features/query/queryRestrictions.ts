import { parseQuery, quoteName } from '../../../../shared/query';

/** What the query view's pickers restrict a query to; null: no restriction. */
export interface QueryRestrictions {
  coder: string | null;
  set: string | null;
  attribute: { name: string; value: string } | null;
}

export const noRestrictions: QueryRestrictions = { coder: null, set: null, attribute: null };

/** True when the query as written already has a WHERE clause (the pickers then add to it with AND). */
function hasWhere(query: string): boolean {
  try {
    return parseQuery(query).where.length > 0;
  } catch {
    return /\bWHERE\b/i.test(query);
  }
}

/**
 * The query the view runs: the one written, with the pickers' choices added as WHERE conditions
 * in the query language itself, so what runs, what is saved and what is exported are one text.
 */
export function restrictedQuery(query: string, r: QueryRestrictions): string {
  const conditions = [
    r.coder !== null ? `CODER = ${quoteName(r.coder)}` : null,
    r.set !== null ? `SET = ${quoteName(r.set)}` : null,
    r.attribute !== null ? `${quoteName(r.attribute.name)} = ${quoteName(r.attribute.value)}` : null,
  ].filter((c) => c !== null);
  const text = query.trim();
  if (conditions.length === 0 || text === '') return text;
  return `${text} ${hasWhere(text) ? 'AND' : 'WHERE'} ${conditions.join(' AND ')}`;
}
