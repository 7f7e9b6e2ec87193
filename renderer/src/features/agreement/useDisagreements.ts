import { useCallback, useEffect, useRef, useState } from 'react';
import { DISAGREEMENT_PAGE } from '../../../../shared/api/limits';
import type { DisagreementView, Input, ProjectSnapshot } from '../../../../shared/api/contract';
import type { Span } from '../../../../shared/text/spans';
import { ApiError } from '../../api/client';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../api/context';

/** Which disagreements: two coders, one code, the documents compared. */
export type DisagreementScope = Omit<Input<'agreement.disagreements'>, 'offset' | 'limit'>;

/** A passage, and the Consensus coder's codings at the code in its document (null when none is tracked). */
export interface PassageRow {
  passage: DisagreementView;
  consensus: readonly Span[] | null;
}

/** One page of passages, and the project it was asked about (a page from before a change is shown until its refresh comes). */
interface Page {
  rows: PassageRow[];
  project: ProjectSnapshot;
}

interface Pages {
  key: string;
  total: number;
  settled: number;
  pages: ReadonlyMap<number, Page>;
}

export interface Disagreements {
  /** How many passages, and how many are settled: null until the first page has come. */
  counts: { total: number; settled: number } | null;
  /** The passage at an index, undefined while its page is on its way. */
  rowAt: (index: number) => PassageRow | undefined;
  /** The rows the list shows (from the windowed list): their pages are asked for. */
  want: (first: number, last: number) => void;
  /** Some rows shown are from before the latest change. */
  stale: boolean;
  error: ApiError | null;
}

/** Page `index` of the passages, with the Consensus coder's codings in their documents only. */
async function fetchPage(api: ApiClient, scope: DisagreementScope, consensusId: string | null, index: number) {
  const page = await api.call('agreement.disagreements', { ...scope, offset: index * DISAGREEMENT_PAGE, limit: DISAGREEMENT_PAGE });
  const consensus = new Map<string, Span[]>();
  const documentIds = [...new Set(page.passages.map((p) => p.documentId))];
  if (consensusId && documentIds.length > 0) {
    const segments = await api.call('segments.query', { codeIds: [scope.codeId], includeSubcodes: false, coderIds: [consensusId], attributes: {}, documentIds });
    for (const s of segments) consensus.set(s.documentId, [...(consensus.get(s.documentId) ?? []), { start: s.start, end: s.end }]);
  }
  const rows = page.passages.map((passage) => ({ passage, consensus: consensusId ? (consensus.get(passage.documentId) ?? []) : null }));
  return { rows, total: page.total, settled: page.settled };
}

const pagesOf = (first: number, last: number) => ({ from: Math.floor(Math.max(0, first) / DISAGREEMENT_PAGE), to: Math.floor(Math.max(0, last) / DISAGREEMENT_PAGE) });

/**
 * The passages where two coders differ at one code, asked for a page at a time as the list
 * shows them (a busy code has thousands). The pages shown are asked again after every change to
 * the project, so decisions and undos show at once; the old rows stay until the new ones come.
 */
export function useDisagreements(scope: DisagreementScope, consensusId: string | null, project: ProjectSnapshot): Disagreements {
  const api = useApi();
  const key = JSON.stringify([scope, consensusId]);
  const [state, setState] = useState<Pages | null>(null);
  const [wanted, setWanted] = useState({ key, first: 0, last: 0 });
  const [failure, setFailure] = useState<{ key: string; error: ApiError } | null>(null);
  // Pages on their way, with the project they were asked about: none is asked twice for one project.
  const asked = useRef(new Map<string, ProjectSnapshot>());
  const latest = useRef({ key, project });
  useEffect(() => {
    latest.current = { key, project };
  });

  const shown = state?.key === key ? state : null;
  const range = wanted.key === key ? pagesOf(wanted.first, Math.min(wanted.last, (shown?.total ?? 1) - 1)) : { from: 0, to: 0 };

  useEffect(() => {
    for (let index = range.from; index <= range.to; index++) {
      if (shown?.pages.get(index)?.project === project) continue;
      const ask = `${key}#${index}`;
      if (asked.current.get(ask) === project) continue;
      asked.current.set(ask, project);
      const settle = () => asked.current.get(ask) === project && asked.current.delete(ask);
      fetchPage(api, scope, consensusId, index).then(
        (page) => {
          settle();
          if (latest.current.key !== key) return;
          const current = project === latest.current.project;
          setState((prev) => {
            const base = prev?.key === key ? prev : { key, total: page.total, settled: page.settled, pages: new Map<number, Page>() };
            // A reply about an older project never replaces a page about the latest one.
            if (!current && base.pages.get(index)?.project === latest.current.project) return base;
            const pages = new Map(base.pages).set(index, { rows: page.rows, project });
            return current ? { key, total: page.total, settled: page.settled, pages } : { ...base, pages };
          });
        },
        (error: unknown) => {
          settle();
          if (latest.current.key === key) setFailure({ key, error: ApiError.from(error) });
        },
      );
    }
    // `scope` is stood for by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, project, range.from, range.to, shown]);

  const want = useCallback((first: number, last: number) => setWanted((w) => (w.key === key && w.first === first && w.last === last ? w : { key, first, last })), [key]);
  const rowAt = useCallback(
    (index: number) => {
      const page = shown?.pages.get(Math.floor(index / DISAGREEMENT_PAGE));
      return page?.rows[index % DISAGREEMENT_PAGE];
    },
    [shown],
  );
  let stale = false;
  for (let index = range.from; index <= range.to; index++) if (shown?.pages.get(index)?.project !== project) stale = true;

  return {
    counts: shown ? { total: shown.total, settled: shown.settled } : null,
    rowAt,
    want,
    stale: shown !== null && stale,
    error: failure?.key === key ? failure.error : null,
  };
}
