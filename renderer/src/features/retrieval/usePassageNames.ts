import { useMemo } from 'react';
import { useProject } from '../workbench/state/contexts';
import { useDocumentSummaries } from '../workbench/state/useDocuments';

/** The distinct documents of some passages, in order of first appearance. */
export function documentIdsOf(passages: readonly { documentId: string }[]): string[] {
  return [...new Set(passages.map((p) => p.documentId))];
}

/**
 * Names of the documents, coders and codes of the passages listed: the documents' asked for as
 * the passages come (the snapshot carries no document names), the rest from the snapshot.
 */
export function usePassageNames(documentIds: readonly string[]) {
  const { project } = useProject();
  const documentOf = useDocumentSummaries(documentIds);
  const people = useMemo(
    () => ({ coders: new Map(project.coders.map((c) => [c.id, c])), codes: new Map(project.codebook.map((c) => [c.id, c])) }),
    [project.coders, project.codebook],
  );
  return useMemo(() => ({ ...people, docs: { get: (id: string) => documentOf(id)?.name } }), [people, documentOf]);
}
