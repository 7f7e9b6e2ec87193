import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { SegmentView } from '../../../../shared/api/contract';
import { codePath } from '../../../../shared/domain/codebook';
import { useApi } from '../../api/context';
import { ApiError } from '../../api/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { WindowedItems } from '../../ui/WindowedItems';
import { useWindowedList } from '../../ui/useWindowedList';
import { CodeGlyph } from '../codebook/CodeGlyph';
import { FilterNote } from './FilterNote';
import { countSummary, documentCount } from './retrievalText';
import { documentIdsOf, usePassageNames } from './usePassageNames';
import { CoderSelect, SegmentCard } from './SegmentCard';
import viewPage from '../../ui/viewPage.module.css';
import segmentCard from '../../ui/segmentCard.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useDocument, useDocumentActions, useViewActions } from '../workbench/state/contexts';

/** A passage card's height before it is measured: its source line and two lines of text. */
const CARD_ESTIMATE = 110;

type Load =
  | { status: 'loading' }
  | { status: 'ready'; segments: SegmentView[]; key: string }
  | { status: 'failed'; error: ApiError; key: string };

/**
 * Every passage coded at a code (and, if asked, its sub-codes), by all coders or one, in the
 * documents the attribute filter lets through: each with where it comes from, who coded it and
 * its context. A click opens the passage in the reader.
 */
export function SegmentsView({ codeId }: { codeId: string }) {
  const { project } = useProject();
  const { attributeFilter } = useDocument();
  const { openDocument, setAttributeFilter } = useDocumentActions();
  const { setCentre } = useViewActions();
  const api = useApi();
  const code = project.codebook.find((c) => c.id === codeId) ?? null;
  const hasChildren = project.codebook.some((c) => c.parentId === codeId);
  const [includeSubcodes, setIncludeSubcodes] = useState(true);
  const [coderId, setCoderId] = useState<string>('all');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const coderSelectId = useId();

  const coderIds = coderId === 'all' ? null : [coderId];
  const key = JSON.stringify([codeId, includeSubcodes, coderIds, attributeFilter]);

  useEffect(() => {
    if (!code) return;
    let live = true;
    api
      .call('segments.query', { codeIds: [codeId], includeSubcodes, coderIds, attributes: attributeFilter })
      .then((segments) => {
        if (live) setLoad({ status: 'ready', segments, key });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ status: 'failed', error: ApiError.from(error), key });
      });
    return () => {
      live = false;
    };
    // `project` is here so the list refreshes after every change and undo (each gives a new snapshot).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, project]);

  const segments = useMemo(() => (load.status === 'ready' ? load.segments : []), [load]);
  const names = usePassageNames(useMemo(() => documentIdsOf(segments), [segments]));
  const keyOf = useCallback((i: number) => segments[i]!.codingId, [segments]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: segments.length, keyOf, estimate: CARD_ESTIMATE });

  if (!code) {
    return (
      <div className={viewPage.page}>
        <EmptyState title="This code is no longer in the codebook">It may have been deleted or merged.</EmptyState>
      </div>
    );
  }

  const path = codePath(project.codebook, codeId);
  const stale = load.status !== 'loading' && load.key !== key;

  function open(segment: SegmentView) {
    openDocument(segment.documentId, { start: segment.start, end: segment.end });
    setCentre({ kind: 'reader' });
  }

  return (
    <section className={viewPage.page} aria-labelledby={`${coderSelectId}-title`}>
      <header className={`${uiStyles.viewHeader} ${viewPage.header}`}>
        <p className={viewPage.eyebrow}>Coded segments</p>
        <h2 className={viewPage.title} id={`${coderSelectId}-title`}>
          <CodeGlyph color={code.color} folder={!code.codable} />
          <span>
            {path.length > 1 ? <span className={viewPage.path}>{path.slice(0, -1).join(' › ')} › </span> : null}
            {code.name}
          </span>
        </h2>
        <p className={viewPage.count} role="status" aria-live="polite">
          {load.status === 'ready' ? countSummary(segments.length, documentCount(segments), 'segment') : '\u00a0'}
          {stale ? <span className={viewPage.updating}> · updating…</span> : null}
        </p>
        <div className={viewPage.controls}>
          <label className={viewPage.check}>
            <input
              type="checkbox"
              checked={includeSubcodes && hasChildren}
              disabled={!hasChildren}
              onChange={(event) => setIncludeSubcodes(event.target.checked)}
            />
            Include sub-codes
          </label>
          <CoderSelect id={coderSelectId} value={coderId} onChange={setCoderId} coders={project.coders} currentCoderId={project.currentCoderId} />
        </div>
        <FilterNote filter={attributeFilter} project={project} onClear={() => setAttributeFilter({})} />
      </header>
      <div className={viewPage.body} ref={setScroller} onScroll={onScroll} onKeyDown={onKeyDown}>
        {load.status === 'loading' ? <QuietLoading label="Finding the coded passages…" /> : null}
        {load.status === 'failed' ? <ErrorAlert error={load.error} /> : null}
        {load.status === 'ready' && segments.length === 0 ? (
          <EmptyState title="No coded passages">
            {coderId !== 'all' || Object.keys(attributeFilter).length > 0
              ? 'Nothing is coded here for this coder and filter.'
              : 'Select text in the reader and apply this code to collect passages here.'}
          </EmptyState>
        ) : null}
        {segments.length > 0 ? (
          <WindowedItems
            list={list}
            count={segments.length}
            keyOf={keyOf}
            gap="var(--sp-2)"
            className={segmentCard.list}
            label="Segments"
            renderItem={(i) => {
              const s = segments[i]!;
              return (
                <SegmentCard
                  segment={s}
                  documentName={names.docs.get(s.documentId)}
                  coder={names.coders.get(s.coderId)}
                  code={names.codes.get(s.codeId)}
                  showDate
                  onOpen={() => open(s)}
                />
              );
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
