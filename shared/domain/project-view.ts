import type { AttributeDef, Code, Coder, Coding, DocumentMeta, DocumentSet, Turn } from './schemas';

/** A document's normalised text and its speaker turns. */
export interface SourceView {
  text: string;
  turns: readonly Turn[];
}

/**
 * What queries, word frequencies and reports read from a project, and nothing else: a plain
 * read-only view that the project store (electron/services/project/project-view.ts), a test's
 * hand-built project, or later the renderer's own state can each provide.
 */
export interface ProjectView {
  readonly codebook: readonly Code[];
  readonly coders: readonly Coder[];
  readonly attributes: readonly AttributeDef[];
  readonly documents: readonly DocumentMeta[];
  /** Named groups of documents (WHERE SET = … in a query). */
  readonly sets: readonly DocumentSet[];
  /** One coder's codings, in any order. */
  codingsOf(coderId: string): readonly Coding[];
  /** The text and turns of one document (read from disk by the store, so asynchronous). */
  readSource(documentId: string): Promise<SourceView>;
}
