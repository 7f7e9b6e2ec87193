import { useCallback, useEffect, useState } from 'react';
import type { DocumentContent } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';

export type DocumentLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; content: DocumentContent };

type Result = { documentId: string; content: DocumentContent } | { documentId: string; error: ApiError };

/**
 * Loads a document's text and turns. A reload of the same document (revision bump) keeps the
 * current text on screen until the new one arrives; replies for a document no longer wanted
 * are dropped.
 */
export function useDocumentContent(documentId: string, revision: number): DocumentLoad & { reload: () => void } {
  const api = useApi();
  const [result, setResult] = useState<Result | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('document.get', { documentId }).then(
      (content) => {
        if (live) setResult({ documentId, content });
      },
      (err: unknown) => {
        if (live) setResult({ documentId, error: ApiError.from(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, documentId, revision, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);

  if (!result || result.documentId !== documentId) return { status: 'loading', reload };
  if ('error' in result) return { status: 'failed', error: result.error, reload };
  return { status: 'ready', content: result.content, reload };
}
