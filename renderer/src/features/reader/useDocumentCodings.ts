import { useEffect, useState } from 'react';
import type { CoderCoding, DocumentContent } from '../../../../shared/api/contract';
import { useApi } from '../../api/context';
import { useChanges, useProject } from '../workbench/state/contexts';

/**
 * The codings of the open document: those that came with its text, refreshed (without
 * reloading the text) whenever the workbench says they changed.
 */
export function useDocumentCodings(content: DocumentContent | null): readonly CoderCoding[] {
  const api = useApi();
  const { showError } = useChanges();
  const codingsRevision = useProject().codingRevisions.get(content?.id ?? '') ?? 0;
  const [baseRevision] = useState(codingsRevision);
  const [fresh, setFresh] = useState<{ content: DocumentContent; revision: number; codings: CoderCoding[] } | null>(null);

  useEffect(() => {
    if (!content || codingsRevision === baseRevision) return;
    let live = true;
    api.call('document.codings', { documentId: content.id }).then(
      (codings) => {
        if (live) setFresh((prev) => (prev && prev.content === content && prev.revision > codingsRevision ? prev : { content, revision: codingsRevision, codings }));
      },
      (err: unknown) => {
        if (live) showError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [api, content, codingsRevision, baseRevision, showError]);

  if (!content) return [];
  return fresh && fresh.content === content ? fresh.codings : content.codings;
}
