import { useEffect, useState } from 'react';
import type { CoderCoding } from '../../../../shared/api/contract';
import { useApi } from '../../api/context';
import { useChanges, useProject } from '../workbench/state/contexts';
import type { LoadedDocument } from './useDocumentContent';

interface Codings {
  content: LoadedDocument;
  revision: number;
  coderIds: readonly string[];
  codings: readonly CoderCoding[];
}

/**
 * The codings of the open document: those that came with its text, fetched again (without the
 * text) when the workbench says they changed, or when the view shows a coder they were not
 * asked for. Until the new ones arrive, the ones at hand stay on screen.
 */
export function useDocumentCodings(content: LoadedDocument | null, visibleCoderIds: readonly string[]): readonly CoderCoding[] {
  const api = useApi();
  const { showError } = useChanges();
  const revision = useProject().codingRevisions.get(content?.id ?? '') ?? 0;
  const [baseRevision] = useState(revision);
  const [fresh, setFresh] = useState<Codings | null>(null);

  const current: Codings | null = fresh && fresh.content === content ? fresh : content ? { content, revision: baseRevision, coderIds: content.coderIds, codings: content.codings } : null;
  const stale = current !== null && (current.revision !== revision || visibleCoderIds.some((id) => !current.coderIds.includes(id)));
  const wanted = visibleCoderIds.join(',');

  useEffect(() => {
    if (!content || !stale) return;
    let live = true;
    const coderIds = wanted ? wanted.split(',') : [];
    api.call('document.codings', { documentId: content.id, coderIds }).then(
      (codings) => {
        if (live) setFresh({ content, revision, coderIds, codings });
      },
      (err: unknown) => {
        if (live) showError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [api, content, stale, revision, wanted, showError]);

  return current?.codings ?? [];
}
