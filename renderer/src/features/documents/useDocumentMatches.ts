import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { useApi } from '../../api/context';
import { useChanges } from '../workbench/state/contexts';
import { useDocumentDirectory } from '../workbench/state/useDocuments';

/** Matches offered at once: enough to choose from; more of the name narrows a longer list. */
export const MATCHES_SHOWN = 50;
/** Typing this long without a key asks the backend once, not once per key. */
const TYPING_PAUSE_MS = 120;

export interface DocumentMatches {
  query: string;
  /** The first MATCHES_SHOWN, in the list's order. */
  rows: DocumentSummary[];
  /** How many names hold the query. */
  total: number;
}

/**
 * The first documents whose names hold `query` (case ignored; every document when it is blank),
 * found by the backend (documents.page by name), so that a picker among 20,000 survey answers
 * never fetches them all. Asked after a pause in typing, and again when the documents change;
 * null until the first answer, or while `enabled` is false.
 */
export function useDocumentMatches(query: string, enabled = true): DocumentMatches | null {
  const api = useApi();
  const { showError } = useChanges();
  const directory = useDocumentDirectory();
  const generation = useSyncExternalStore(directory.subscribe, directory.getGeneration);
  const [matches, setMatches] = useState<DocumentMatches | null>(null);
  const needle = query.trim();

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('documents.page', { filter: {}, offset: 0, limit: MATCHES_SHOWN, nameContains: needle }).then(
        (page) => live && setMatches({ query: needle, rows: page.rows, total: page.total }),
        (err: unknown) => live && showError(err),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, enabled, needle, generation, showError]);

  return enabled ? matches : null;
}
