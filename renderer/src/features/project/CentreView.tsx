import { Suspense, lazy, useId, useRef, useState } from 'react';
import type { ComponentType, KeyboardEvent } from 'react';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { QuietLoading } from '../../ui/QuietLoading';
import { Reader } from '../reader/Reader';
import type { CentreView as Centre } from '../workbench/types';
import styles from './CentreView.module.css';
import { useProject, useDocument, useDocumentActions, useView, useViewActions } from '../workbench/state/contexts';
import { useDocumentSummary } from '../workbench/state/useDocuments';

type TabKind = Centre['kind'];

/**
 * The views shown in front of the reader, each loaded the first time it is opened: the page
 * starts with only the reader's code to parse (app load ≤ 1 s, issue 16).
 */
const FRONT_VIEWS: Record<Exclude<TabKind, 'reader' | 'segments'>, ComponentType> = {
  search: lazy(() => import('../retrieval/SearchView').then((m) => ({ default: m.SearchView }))),
  query: lazy(() => import('../query/QueryView').then((m) => ({ default: m.QueryView }))),
  words: lazy(() => import('../words/WordsView').then((m) => ({ default: m.WordsView }))),
  memos: lazy(() => import('../memos/MemosView').then((m) => ({ default: m.MemosView }))),
  attributes: lazy(() => import('../attributes/AttributeGrid').then((m) => ({ default: m.AttributeGrid }))),
  analysis: lazy(() => import('../analysis/AnalysisView').then((m) => ({ default: m.AnalysisView }))),
  agreement: lazy(() => import('../agreement/AgreementView').then((m) => ({ default: m.AgreementView }))),
};
const SegmentsView = lazy(() => import('../retrieval/SegmentsView').then((m) => ({ default: m.SegmentsView })));

/**
 * The centre of the workbench: the reader, or a retrieval view, under a row of tabs (Reader ·
 * Segments · Search · Query · Words · Memos · Attributes · Analysis · Agreement; Segments only once opened from a code). The reader stays mounted
 * while another tab is shown, so it keeps its place.
 */
export function CentreView({ revision }: { revision: number }) {
  const { project } = useProject();
  const { documentId, heldDocumentId } = useDocument();
  const { openDocument } = useDocumentActions();
  const { centre } = useView();
  const { setCentre } = useViewActions();
  const baseId = useId();
  const tabsRef = useRef<HTMLDivElement>(null);
  const openDoc = useDocumentSummary(documentId) ?? null;
  const held = useDocumentSummary(heldDocumentId);
  const heldDoc = openDoc ? null : held;
  // The segments tab stays once a code's segments have been opened, until its code is gone.
  const [segmentsCodeId, setSegmentsCodeId] = useState<string | null>(null);
  if (centre.kind === 'segments' && centre.codeId !== segmentsCodeId) setSegmentsCodeId(centre.codeId);
  const segmentsCode = segmentsCodeId ? project.codebook.find((c) => c.id === segmentsCodeId) : undefined;

  const tabs: { kind: TabKind; label: string }[] = [
    { kind: 'reader', label: 'Reader' },
    ...(segmentsCode || centre.kind === 'segments'
      ? [{ kind: 'segments' as const, label: segmentsCode ? `Coded at ${segmentsCode.name}` : 'Coded segments' }]
      : []),
    { kind: 'search', label: 'Search' },
    { kind: 'query', label: 'Query' },
    { kind: 'words', label: 'Words' },
    { kind: 'memos', label: 'Memos' },
    { kind: 'attributes', label: 'Attributes' },
    { kind: 'analysis', label: 'Analysis' },
    { kind: 'agreement', label: 'Agreement' },
  ];

  function select(kind: TabKind) {
    if (kind === 'segments') {
      if (segmentsCode) setCentre({ kind: 'segments', codeId: segmentsCode.id });
    } else {
      setCentre({ kind });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.kind === centre.kind);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    const tab = tabs[next]!;
    select(tab.kind);
    tabsRef.current?.querySelector<HTMLElement>(`[data-tab="${tab.kind}"]`)?.focus();
  }

  const tabId = (kind: TabKind) => `${baseId}-tab-${kind}`;
  const panelId = `${baseId}-panel`;

  return (
    <main className={styles.projectCentre} data-f6-pane="">
      <div ref={tabsRef} className={styles.centreTabs} role="tablist" aria-label="Centre view" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.kind === centre.kind;
          return (
            <button
              key={tab.kind}
              id={tabId(tab.kind)}
              type="button"
              role="tab"
              data-tab={tab.kind}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              data-pane-start={selected ? '' : undefined}
              className={styles.centreTabsTab}
              onClick={() => select(tab.kind)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(centre.kind)} className={styles.projectCentreBody}>
        {/* Kept laid out behind the other views, so the reader keeps its scroll and measurements. */}
        <div
          className={centre.kind === 'reader' ? styles.projectCentrePane : `${styles.projectCentrePane} ${styles.projectCentrePaneBehind}`}
          inert={centre.kind !== 'reader'}
          aria-hidden={centre.kind !== 'reader' ? true : undefined}
        >
          {openDoc ? (
            <Reader key={openDoc.id} meta={openDoc} revision={revision} />
          ) : heldDoc ? (
            <div className={`${styles.projectReaderEmpty} ${styles.projectReaderHeld}`}>
              <EmptyState title={`“${heldDoc.name}” was not reopened`}>
                Last time it began to open and was never shown: the app was closed, or stopped responding, while it opened.
              </EmptyState>
              <Button onClick={() => openDocument(heldDoc.id)}>Open it anyway</Button>
            </div>
          ) : documentId || heldDocumentId ? null /* its name is on its way */ : (
            <div className={styles.projectReaderEmpty}>
              <EmptyState title="Nothing to read yet">Documents you import will open here, one speaker turn at a time.</EmptyState>
            </div>
          )}
        </div>
        {centre.kind !== 'reader' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <Suspense fallback={<QuietLoading />}>{centre.kind === 'segments' ? <SegmentsView codeId={centre.codeId} /> : <FrontView kind={centre.kind} />}</Suspense>
          </div>
        ) : null}
      </div>
    </main>
  );
}

function FrontView({ kind }: { kind: keyof typeof FRONT_VIEWS }) {
  const View = FRONT_VIEWS[kind];
  return <View />;
}
