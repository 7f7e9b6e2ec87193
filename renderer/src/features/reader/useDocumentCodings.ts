import { useEffect, useMemo, useRef, useState } from 'react';
import type { CoderCoding } from '../../../../shared/api/contract';
import { heldCodings, refreshRanges, uncoveredIn, withCodings } from '../../../../shared/text/coding-pieces';
import type { HeldCodings } from '../../../../shared/text/coding-pieces';
import type { Span } from '../../../../shared/text/spans';
import { useApi } from '../../api/context';
import { useChanges, useProject } from '../workbench/state/contexts';
import type { LoadedDocument } from './useDocumentContent';

type Held = HeldCodings<CoderCoding>;

/**
 * The codings of the open document, a stretch at a time so that no reply carries them all
 * (issue 16): those overlapping the first stretch of text came with it; those of each further
 * stretch are asked for once its text has arrived (`loaded`). When the workbench says they
 * changed, or the view shows a coder they were not asked for, every stretch held so far is asked
 * for again, a piece per reply; until all of it arrives, the codings at hand stay on screen (a
 * coding removed or moved is never shown twice or half-updated).
 */
export function useDocumentCodings(content: LoadedDocument | null, visibleCoderIds: readonly string[], loaded: readonly Span[]): readonly CoderCoding[] {
  const api = useApi();
  const { showError } = useChanges();
  const revision = useProject().codingRevisions.get(content?.id ?? '') ?? 0;
  const [baseRevision] = useState(revision);
  const initial = useMemo(
    () => (content ? heldCodings(baseRevision, content.coderIds, { start: content.first.start, end: content.first.start + content.first.text.length }, content.codings) : null),
    [content, baseRevision],
  );
  const [arrived, setArrived] = useState<{ content: LoadedDocument; held: Held } | null>(null);
  const current = arrived && arrived.content === content ? arrived.held : initial;
  // A narrower view keeps the codings it has (it filters them); a coder not asked for asks again.
  const coderKey = (current && visibleCoderIds.every((id) => current.coderIds.includes(id)) ? current.coderIds : visibleCoderIds).join(',');

  // Read by the loop below as they change, without starting it again.
  const latest = useRef({ current, loaded });
  const wake = useRef<() => void>(() => {});
  useEffect(() => {
    latest.current = { current, loaded };
    wake.current();
  });

  useEffect(() => {
    if (!content) return undefined;
    let live = true;
    const coderIds = coderKey ? coderKey.split(',') : [];
    const ask = (range: Span) => api.call('document.codings', { documentId: content.id, coderIds, range });
    const none: Held = { revision, coderIds, covered: [], list: [] };
    // All of a range, however many replies its codings take (a densely coded one is cut).
    const askWhole = async (range: Span) => {
      let part = none;
      for (let gap = uncoveredIn(part.covered, [range]); gap && live; gap = uncoveredIn(part.covered, [range])) part = withCodings(part, gap, await ask(gap));
      return part.list;
    };
    void (async () => {
      try {
        let held = latest.current.current!;
        if (held.revision !== revision || held.coderIds.join(',') !== coderKey) {
          const ranges = refreshRanges(held.covered);
          // Asked together: the wait is about one reply's, and each reply stays one piece's size.
          const replies = await Promise.all(ranges.map(askWhole));
          if (!live) return;
          held = ranges.reduce((fresh, range, i) => withCodings(fresh, range, replies[i]!, Infinity), none);
          setArrived({ content, held });
        }
        while (live) {
          const gap = uncoveredIn(held.covered, latest.current.loaded);
          if (!gap) {
            await new Promise<void>((resolve) => (wake.current = resolve));
            continue;
          }
          const codings = await ask(gap);
          if (!live) return;
          held = withCodings(held, gap, codings);
          setArrived({ content, held });
        }
      } catch (err) {
        if (live) showError(err);
      }
    })();
    return () => {
      live = false;
      wake.current();
    };
  }, [api, content, revision, coderKey, showError]);

  return current?.list ?? [];
}
