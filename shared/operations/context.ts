import { AppError } from '../api/errors';
import type { Code, Coding, DocumentMeta, ProjectFile } from '../domain/schemas';
import type { ProjectState } from '../domain/state/project-state';

/** What an operation reads to build its patch. Operations never change what they read. */
export interface OperationContext {
  readonly state: ProjectState;
  /** project.json as it stands (the state's view of it). */
  readonly project: Readonly<ProjectFile>;
  newId(): string;
  /** ISO timestamp for created/updated fields. */
  now(): string;
}

export function operationContext(state: ProjectState, deps: { newId(): string; now(): Date }): OperationContext {
  return {
    state,
    get project() {
      return state.data;
    },
    newId: deps.newId,
    now: () => deps.now().toISOString(),
  };
}

export function findCode(ctx: OperationContext, codeId: string): Code {
  const code = ctx.state.tables.codes.get(codeId);
  if (!code) throw new AppError('NOT_FOUND', `There is no code with id ${codeId}; it may have been deleted.`);
  return code;
}

export function findDocument(ctx: OperationContext, documentId: string): DocumentMeta {
  const doc = ctx.state.tables.documents.get(documentId);
  if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${documentId}.`);
  return doc;
}

/** A coder's codings in one document; none for a coder who has not coded here yet. */
export function codingsIn(ctx: OperationContext, coderId: string, documentId: string): Coding[] {
  return ctx.state.coder(coderId)?.codingsIn(documentId) ?? [];
}

/** The rank that puts a new entity after every other in its list. */
export function nextRank(list: Iterable<{ rank: number }>): number {
  let max = -1;
  for (const item of list) max = Math.max(max, item.rank);
  return Math.floor(max) + 1;
}
