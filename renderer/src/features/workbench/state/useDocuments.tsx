import { createContext, use, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AttributeFacet, AttributeFilter, DocumentSummary, DocumentTally } from '../../../../../shared/api/contract';
import type { DocumentSet } from '../../../../../shared/domain/schemas';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/context';
import { DocumentDirectory, takeFirstPage } from './documentDirectory';

const DirectoryContext = createContext<DocumentDirectory | null>(null);

/**
 * The project's document directory: made once per project, asked again whenever the snapshot's
 * tally changes, or its document sets (a list filtered by a set changes with its members).
 */
export function DocumentDirectoryProvider({ path, tally, sets, onError, children }: { path: string; tally: DocumentTally; sets: readonly DocumentSet[]; onError: (error: ApiError) => void; children: ReactNode }) {
  const api = useApi();
  const [directory] = useState(() => {
    const made = new DocumentDirectory(api, (err) => onError(ApiError.from(err)));
    // The list's first rows (a project opens unfiltered): sent with the app's first state, or
    // asked for now rather than after the workbench's first render.
    const first = takeFirstPage(path);
    if (first) made.seed({}, first);
    else made.wantRows({}, 0, 0);
    return made;
  });
  const seen = useRef({ tally, sets });
  useEffect(() => {
    if (seen.current.tally === tally && seen.current.sets === sets) return;
    seen.current = { tally, sets };
    directory.invalidate();
  }, [directory, tally, sets]);
  return <DirectoryContext value={directory}>{children}</DirectoryContext>;
}

export function useDocumentDirectory(): DocumentDirectory {
  const directory = use(DirectoryContext);
  if (!directory) throw new Error('useDocumentDirectory must be used inside <DocumentDirectoryProvider>.');
  return directory;
}

/** Re-renders the caller whenever documents arrive; returns the directory's version. */
export function useDirectoryVersion(directory: DocumentDirectory): number {
  return useSyncExternalStore(directory.subscribe, directory.getVersion);
}

/**
 * A lookup of these documents (asked for when unknown): a summary, null when the document is
 * gone, undefined while it is on its way.
 */
export function useDocumentSummaries(ids: readonly string[]): (id: string) => DocumentSummary | null | undefined {
  const directory = useDocumentDirectory();
  const version = useDirectoryVersion(directory);
  const key = ids.join('\n');
  useEffect(() => directory.wantSummaries(key ? key.split('\n') : []), [directory, version, key]);
  // The version makes a new lookup whenever documents arrive, so memoised readers see them.
  return useCallback((id: string) => (version >= 0 ? directory.summary(id) : undefined), [directory, version]);
}

/** One document's summary: see useDocumentSummaries. */
export function useDocumentSummary(id: string | null): DocumentSummary | null | undefined {
  const lookup = useDocumentSummaries(id ? [id] : []);
  return id ? lookup(id) : null;
}

/**
 * The attribute filter's choices (each attribute's values, with how many documents have each),
 * asked again when the documents change; null until the first reply. Asked only while `wanted`:
 * the Documents filter asks when it is opened, not at every load and change.
 */
export function useDocumentFacets(onError: (error: unknown) => void, wanted = true): AttributeFacet[] | null {
  const api = useApi();
  const directory = useDocumentDirectory();
  const generation = useSyncExternalStore(directory.subscribe, directory.getGeneration);
  const [facets, setFacets] = useState<AttributeFacet[] | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api.call('documents.facets', {}).then((next) => live && setFacets(next), (err: unknown) => live && onError(err));
    return () => {
      live = false;
    };
  }, [api, generation, onError, wanted]);
  return facets;
}

/**
 * The filter whose rows the list shows, and how many documents pass it: the filter asked for once
 * its first page has come, the one before until then (so the list changes once, when the new rows
 * are there, rather than emptying first).
 */
export function useListedFilter(filter: AttributeFilter): { filter: AttributeFilter; total: number } | null {
  const directory = useDocumentDirectory();
  const version = useDirectoryVersion(directory);
  const [listed, setListed] = useState<AttributeFilter | null>(null);
  useEffect(() => directory.wantRows(filter, 0, 0), [directory, filter, version]);
  const ready = directory.page(filter, 0) !== undefined;
  // Adjusted while rendering (React's pattern for state derived from props), not in an effect.
  if (ready && listed !== filter) setListed(filter);
  const shown = ready ? filter : listed;
  const page = shown ? directory.page(shown, 0) : undefined;
  return shown && page ? { filter: shown, total: page.total } : null;
}
