import { useEffect, useState } from 'react';
import { MAX_DISAGREEMENT_PAGE } from '../../../../shared/api/limits';
import type { DisagreementPage, Input, ProjectSnapshot } from '../../../../shared/api/contract';
import type { Span } from '../../../../shared/text/spans';
import { ApiError } from '../../api/client';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../api/context';

/** Which disagreements: two coders, one code, the documents compared. */
export type DisagreementScope = Omit<Input<'agreement.disagreements'>, 'offset' | 'limit'>;

export type DisagreementsLoad =
  | { status: 'loading' }
  | { status: 'ready'; key: string; page: DisagreementPage; consensus: Map<string, Span[]> | null }
  | { status: 'failed'; key: string; error: ApiError };

/** The first `count` passages, asked for in pages the contract allows; the counts come with the first. */
async function firstPassages(api: ApiClient, scope: DisagreementScope, count: number): Promise<DisagreementPage> {
  const first = await api.call('agreement.disagreements', { ...scope, offset: 0, limit: Math.min(count, MAX_DISAGREEMENT_PAGE) });
  const passages = [...first.passages];
  while (passages.length < Math.min(count, first.total)) {
    const next = await api.call('agreement.disagreements', { ...scope, offset: passages.length, limit: Math.min(count - passages.length, MAX_DISAGREEMENT_PAGE) });
    if (next.passages.length === 0) break;
    passages.push(...next.passages);
  }
  return { ...first, passages };
}

/**
 * The first `shown` passages where two coders differ at one code, and (when a Consensus coder is
 * tracked) its codings at the code in those passages' documents only, to show which are settled.
 * Fetched again after every change to the project, so decisions and undos show at once.
 */
export function useDisagreements(scope: DisagreementScope, consensusId: string | null, shown: number, project: ProjectSnapshot): { load: DisagreementsLoad; key: string } {
  const api = useApi();
  const key = JSON.stringify([scope, consensusId, shown]);
  const [load, setLoad] = useState<DisagreementsLoad>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      const page = await firstPassages(api, scope, shown);
      const documentIds = [...new Set(page.passages.map((p) => p.documentId))];
      let consensus: Map<string, Span[]> | null = null;
      if (consensusId) {
        consensus = new Map();
        const segments = documentIds.length > 0 ? await api.call('segments.query', { codeIds: [scope.codeId], includeSubcodes: false, coderIds: [consensusId], attributes: {}, documentIds }) : [];
        for (const s of segments) consensus.set(s.documentId, [...(consensus.get(s.documentId) ?? []), { start: s.start, end: s.end }]);
      }
      if (live) setLoad({ status: 'ready', key, page, consensus });
    })().catch((error: unknown) => {
      if (live) setLoad({ status: 'failed', key, error: ApiError.from(error) });
    });
    return () => {
      live = false;
    };
    // `key` stands for the scope; `project` is here so the list refreshes after every change, decision and undo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, project]);

  return { load, key };
}
