import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useApi } from '../../api/context';
import { useChanges, useProject } from '../workbench/state/contexts';
import type { CodingPlace } from './memoSubjects';

/**
 * Where each coding with a memo is (its document and extent), found through the coded
 * segments of the whole codebook; empty until loaded, or when no memo is on a coding (and
 * `wantedAnyway` is false: the memo panel asks for a coding that has none yet).
 */
export function useCodingPlaces(wantedAnyway: boolean): ReadonlyMap<string, CodingPlace> {
  const api = useApi();
  const { project } = useProject();
  const { showError } = useChanges();
  const onError = useEffectEvent((error: unknown) => showError(error));
  const [places, setPlaces] = useState<ReadonlyMap<string, CodingPlace>>(() => new Map());
  const wanted = wantedAnyway || project.memos.some((m) => m.target.type === 'coding');
  const rootIds = useMemo(() => project.codebook.filter((c) => c.parentId === null).map((c) => c.id), [project.codebook]);

  useEffect(() => {
    if (!wanted || rootIds.length === 0) return;
    let live = true;
    api
      .call('segments.query', { codeIds: rootIds, includeSubcodes: true, coderIds: null, attributes: {} })
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
  }, [api, wanted, rootIds, project]);

  return places;
}
