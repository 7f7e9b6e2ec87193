import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { AgreementView } from '../agreement/AgreementView';
import { AttributeGrid } from '../attributes/AttributeGrid';
import { AnalysisView } from '../analysis/AnalysisView';
import { MemosView } from '../memos/MemosView';
import { Reader } from '../reader/Reader';
import { QueryView } from '../query/QueryView';
import { SearchView } from '../retrieval/SearchView';
import { WordsView } from '../words/WordsView';
import { SegmentsView } from '../retrieval/SegmentsView';
import type { CentreView as Centre } from '../workbench/types';
import styles from './CentreView.module.css';
import { useProject, useDocument, useDocumentActions, useView, useViewActions } from '../workbench/state/contexts';
import { useDocumentSummary } from '../workbench/state/useDocuments';

type TabKind = Centre['kind'];

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
        {centre.kind === 'segments' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <SegmentsView codeId={centre.codeId} />
          </div>
        ) : null}
        {centre.kind === 'search' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <SearchView />
          </div>
        ) : null}
        {centre.kind === 'query' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <QueryView />
          </div>
        ) : null}
        {centre.kind === 'words' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <WordsView />
          </div>
        ) : null}
        {centre.kind === 'memos' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <MemosView />
          </div>
        ) : null}
        {centre.kind === 'attributes' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <AttributeGrid />
          </div>
        ) : null}
        {centre.kind === 'analysis' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <AnalysisView />
          </div>
        ) : null}
        {centre.kind === 'agreement' ? (
          <div className={`${styles.projectCentrePane} ${styles.projectCentrePaneFront}`}>
            <AgreementView />
          </div>
        ) : null}
      </div>
    </main>
  );
}
