import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentOutline } from '../../../../shared/api/contract';
import type { Block } from '../../../../shared/text/blocks';
import { outlineBlocks } from '../../../../shared/text/outline';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { askDocument } from './documentRequest';

/** A document as opened: its outline and first stretch of text, and the codings of the coders it was asked with. */
export interface LoadedDocument extends DocumentOutline {
  /** The coders whose codings came with it (those shown when it was asked for). */
  coderIds: readonly string[];
  /** The outline's blocks, at their offsets into the text. */
  blocks: readonly Block[];
}

export type DocumentLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; content: LoadedDocument };

type Result = { documentId: string; content: LoadedDocument } | { documentId: string; error: ApiError };

/**
 * Opens a document: its outline, the text from where the reader goes first (`from`, a passage
 * opened from elsewhere) and the codings of the coders shown now (useDocumentText brings the
 * rest of the text; useDocumentCodings other coders' codings when the view changes). A reload
 * of the same document (revision bump) keeps the current one on screen until the new one
 * arrives; replies for a document no longer wanted are dropped. The request may have left
 * already, with the click that opened the document (documentRequest.ts).
 */
export function useDocumentContent(documentId: string, revision: number, visibleCoderIds: readonly string[], from: number | null): DocumentLoad & { reload: () => void } {
  const api = useApi();
  const [result, setResult] = useState<Result | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Read when the request leaves, not reasons to ask again: a new coder view asks for codings only.
  const asked = useRef({ coderIds: visibleCoderIds, from });
  useEffect(() => {
    asked.current = { coderIds: visibleCoderIds, from };
  });

  useEffect(() => {
    let live = true;
    const coderIds = [...asked.current.coderIds];
    const from = asked.current.from;
    askDocument(api, { documentId, coderIds, from }).then(
      (outline) => {
        if (live) setResult({ documentId, content: { ...outline, coderIds, blocks: outlineBlocks(outline) } });
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
