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

/** Sources read at once while the caller works through the one before: enough to keep the disk busy. */
const READ_AHEAD = 16;

/**
 * The sources of these documents, in order, a few read ahead: read one after another, the
 * 20,000 small files of a survey each waited for the disk in turn (seconds for a word table).
 */
export async function* sourcesInOrder(view: ProjectView, documentIds: readonly string[]): AsyncGenerator<SourceView> {
  const reading: Promise<SourceView>[] = [];
  let next = 0;
  const readOne = () => {
    const read = view.readSource(documentIds[next++]!);
    // Awaited in its turn below, which rethrows; until then a failure must not count as unhandled.
    read.catch(() => undefined);
    reading.push(read);
  };
  while (next < documentIds.length && reading.length < READ_AHEAD) readOne();
  while (reading.length > 0) {
    const source = await reading.shift()!;
    if (next < documentIds.length) readOne();
    yield source;
  }
}
