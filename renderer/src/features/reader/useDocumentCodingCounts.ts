import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { useChanges, useProject } from '../workbench/state/contexts';

/** Codings per code id, then per coder id. */
export type CodingCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * How many codings the open document holds, per code and coder (document.codingCounts): the
 * reader's count and the stripe filter's codes, which cannot wait for every stretch's codings to
 * arrive. Asked again when its codings change; the old counts stay until the new ones arrive.
 * Asked once the document's text has come (`documentId` null until then): asked together, the
 * two competed for the backend and the text came later.
 */
export function useDocumentCodingCounts(documentId: string | null): CodingCounts | null {
  const api = useApi();
  const { showError } = useChanges();
  const revisions = useProject().codingRevisions;
  const revision = documentId === null ? 0 : (revisions.get(documentId) ?? 0);
  const [arrived, setArrived] = useState<{ documentId: string; counts: CodingCounts } | null>(null);

  useEffect(() => {
    if (documentId === null) return;
    let live = true;
    api.call('document.codingCounts', { documentId }).then(
      (counts) => {
        if (live) setArrived({ documentId, counts });
      },
      (err: unknown) => {
        if (live) showError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [api, documentId, revision, showError]);

  return arrived && arrived.documentId === documentId ? arrived.counts : null;
}

/** How many codings the shown coders have, in all and per code id. */
export function shownCounts(counts: CodingCounts, coderIds: readonly string[]): { total: number; codeIds: ReadonlySet<string> } {
  let total = 0;
  const codeIds = new Set<string>();
  for (const [codeId, perCoder] of Object.entries(counts)) {
    const n = coderIds.reduce((sum, id) => sum + (perCoder[id] ?? 0), 0);
    total += n;
    if (n > 0) codeIds.add(codeId);
  }
  return { total, codeIds };
}
