import { AppError } from '../api/errors';
import { added, removed, updated } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { SavedQuery } from '../domain/schemas';
import { QueryError, bindQuery, parseQuery } from '../query';
import { plural } from '../text/plural';
import { applyCodings, where } from './coding-ops';
import type { DocumentSpan } from './coding-ops';
import { findCode, nextRank } from './context';
import type { OperationContext } from './context';

/** Saved coding queries (the project's `queries`): kept by name, to run again. */

function findQuery(ctx: OperationContext, queryId: string): SavedQuery {
  const query = ctx.project.queries.find((q) => q.id === queryId);
  if (!query) throw new AppError('NOT_FOUND', `There is no saved query with id ${queryId}; it may have been deleted.`);
  return query;
}

function checkName(ctx: OperationContext, name: string, except: string | null): void {
  const clash = ctx.project.queries.find((q) => q.id !== except && q.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) throw new AppError('ALREADY_EXISTS', `A query named “${clash.name}” is already saved: choose another name, or replace that one.`);
}

/**
 * A saved query is kept to be run again: one that would not run now (a mistake, or a name the
 * project does not have) is refused with the message running it gives.
 */
function checkRunnable(ctx: OperationContext, query: string): void {
  try {
    bindQuery(ctx.project, parseQuery(query));
  } catch (err) {
    if (err instanceof QueryError) throw new AppError('INVALID_INPUT', `This query cannot be run, so it is not saved: ${err.message}`);
    throw err;
  }
}

export function saveQuery(ctx: OperationContext, id: string, name: string, query: string): Patch {
  checkName(ctx, name, null);
  checkRunnable(ctx, query);
  return { label: `Save the query “${name}”`, project: { queries: [added(id, { id, name, query, rank: nextRank(ctx.project.queries) })] } };
}

/** Renames a saved query, or replaces its text (the query as now written). */
export function updateQuery(ctx: OperationContext, queryId: string, change: { name?: string | undefined; query?: string | undefined }): Patch {
  const saved = findQuery(ctx, queryId);
  if (change.name !== undefined) checkName(ctx, change.name, queryId);
  // Only new text is checked: a query that a since-deleted code broke can still be renamed.
  if (change.query !== undefined) checkRunnable(ctx, change.query);
  const next = { ...saved, ...(change.name !== undefined && { name: change.name }), ...(change.query !== undefined && { query: change.query }) };
  const diff = updated(saved.id, saved, next);
  const label = change.name !== undefined && change.name !== saved.name ? `Rename the query “${saved.name}” to “${change.name}”` : `Change the query “${saved.name}”`;
  return { label, ...(diff && { project: { queries: [diff] } }) };
}

export function deleteQuery(ctx: OperationContext, queryId: string): Patch {
  const saved = findQuery(ctx, queryId);
  return { label: `Delete the query “${saved.name}”`, project: { queries: [removed(saved.id, saved)] } };
}

/**
 * Codes every passage a query found at one code, in one step (coding-ops' applyCodings: a
 * passage the coder already coded there changes nothing, one overlapping a coding widens it).
 */
export function codeQueryResults(ctx: OperationContext, coderId: string, codeId: string, query: string, passages: readonly DocumentSpan[]): Patch {
  if (passages.length === 0) throw new AppError('INVALID_INPUT', `The query “${query}” finds nothing: there is nothing to code.`);
  const spans = passages.map(({ documentId, start, end }) => ({ documentId, start, end }));
  const patch = applyCodings(ctx, coderId, codeId, spans);
  if (!patch.coders) return patch;
  return { ...patch, label: `Code ${plural(spans.length, 'passage')} found by “${query}” at “${findCode(ctx, codeId).name}” ${where(ctx, spans)}` };
}
