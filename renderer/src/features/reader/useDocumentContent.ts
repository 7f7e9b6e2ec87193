import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentContent } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';

/** A document as loaded: its text and turns, and the codings of the coders it was asked with. */
export interface LoadedDocument extends DocumentContent {
  /** The coders whose codings came with it (those shown when it was asked for). */
  coderIds: readonly string[];
}

export type DocumentLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; content: LoadedDocument };

type Result = { documentId: string; content: LoadedDocument } | { documentId: string; error: ApiError };

/**
 * Loads a document's text and turns, with the codings of the coders shown now (the reply is
 * sized to what the reader shows; useDocumentCodings asks for other coders' when the view
 * changes). A reload of the same document (revision bump) keeps the current text on screen
 * until the new one arrives; replies for a document no longer wanted are dropped.
 */
export function useDocumentContent(documentId: string, revision: number, visibleCoderIds: readonly string[]): DocumentLoad & { reload: () => void } {
  const api = useApi();
  const [result, setResult] = useState<Result | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Read when the request leaves, not a reason to ask again: a new coder view asks for codings only.
  const coders = useRef(visibleCoderIds);
  useEffect(() => {
    coders.current = visibleCoderIds;
  });

  useEffect(() => {
    let live = true;
    const coderIds = [...coders.current];
    api.call('document.get', { documentId, coderIds }).then(
      (content) => {
        if (live) setResult({ documentId, content: { ...content, coderIds } });
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
