import { AppError } from '../api/errors';
import type { Code, CoderFile, DocumentMeta, ProjectFile } from '../domain/schemas';

/** What an operation reads to build its patch. Operations never change what they read. */
export interface OperationContext {
  project: Readonly<ProjectFile>;
  coderFile(coderId: string): Readonly<CoderFile>;
  newId(): string;
  /** ISO timestamp for created/updated fields. */
  now(): string;
}

export function findCode(ctx: OperationContext, codeId: string): Code {
  const code = ctx.project.codebook.find((c) => c.id === codeId);
  if (!code) throw new AppError('NOT_FOUND', `There is no code with id ${codeId}; it may have been deleted.`);
  return code;
}

export function findDocument(ctx: OperationContext, documentId: string): DocumentMeta {
  const doc = ctx.project.documents.find((d) => d.id === documentId);
  if (!doc) throw new AppError('NOT_FOUND', `There is no document with id ${documentId}.`);
  return doc;
}

