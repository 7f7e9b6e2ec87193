import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useApi } from '../../api/context';
import { useChanges, useProject } from '../workbench/state/contexts';
import type { CodingPlace } from './memoSubjects';

/**
 * Where codings are (document, extent, text): every coding with a memo (`'memos'`, for the memo
 * list) or one coding (the memo panel open on it); empty until loaded. Only those codings are
 * asked for: the whole codebook's passages of a large study are over 100 MB.
 */
export function useCodingPlaces(which: 'memos' | string | null): ReadonlyMap<string, CodingPlace> {
  const api = useApi();
  const { project } = useProject();
  const { showError } = useChanges();
  const onError = useEffectEvent((error: unknown) => showError(error));
  const [places, setPlaces] = useState<ReadonlyMap<string, CodingPlace>>(() => new Map());
  const codingIds = useMemo(() => {
    if (which !== 'memos') return which ? [which] : [];
    return [...new Set(project.memos.flatMap((m) => (m.target.type === 'coding' ? [m.target.id] : [])))].sort();
  }, [project.memos, which]);
  const rootIds = useMemo(() => project.codebook.filter((c) => c.parentId === null).map((c) => c.id), [project.codebook]);
  const coderIds = useMemo(() => project.coders.map((c) => c.id), [project.coders]);

  useEffect(() => {
    if (codingIds.length === 0 || rootIds.length === 0) return;
    let live = true;
    api
      .call('segments.query', { codeIds: rootIds, includeSubcodes: true, coderIds, attributes: {}, codingIds })
      .then((segments) => {
        if (!live) return;
        setPlaces(new Map(segments.map((s) => [s.codingId, { documentId: s.documentId, codeId: s.codeId, start: s.start, end: s.end, text: s.text }])));
      })
      .catch((error: unknown) => {
        if (live) onError(error);
      });
    return () => {
      live = false;
    };
  }, [api, codingIds, rootIds, coderIds, project]);

  return places;
}
