import { useCallback, useMemo } from 'react';
import { useWindowedList } from '../../ui/useWindowedList';
import { MemoList } from './MemoList';
import { MemoEditor } from './MemoEditor';
import { memoSubjectKind, memoSubjectLabel, memosOn } from './memoSubjects';
import { useCodingPlaces } from './useCodingPlaces';
import { useMemoActions } from './useMemoActions';
import styles from './MemoPanel.module.css';
import overlayStyles from '../../ui/overlay.module.css';
import { useProject, useView, useViewActions } from '../workbench/state/contexts';
import { useDocumentSummaries } from '../workbench/state/useDocuments';

/** A memo card's height before it is measured (the panel is narrow: a few lines of text). */
const MEMO_ESTIMATE = 120;

/**
 * The docked memo panel: the memos on one subject (the project, a document, a code or a coding),
 * everyone's, with a box for a new one. It sits beside the reader, so the text stays in view
 * and can be scrolled and coded while a memo is written. A subject with hundreds of memos (a
 * project journal kept for years) has only the memos near the viewport in the page.
 */
export function MemoPanel() {
  const { memoTarget: target } = useView();
  const { openMemos } = useViewActions();
  const { project } = useProject();
  const actions = useMemoActions();
  const places = useCodingPlaces(target?.type === 'coding' ? target.id : null);
  const place = target?.type === 'coding' ? places.get(target.id) : undefined;
  const documentOf = useDocumentSummaries(target?.type === 'document' ? [target.id] : place ? [place.documentId] : []);
  const memos = useMemo(() => (target ? memosOn(project.memos, target) : []), [project.memos, target]);
  const keyOf = useCallback((i: number) => memos[i]!.id, [memos]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: memos.length, keyOf, estimate: MEMO_ESTIMATE });
  if (!target) return null;
  const kind = memoSubjectKind(target);
  const label = memoSubjectLabel(target, { codebook: project.codebook, documentOf }, places);

  return (
    <section className={styles.memoPanel} aria-label="Memo panel" data-docked-panel="">
      <header className={styles.memoPanelHead}>
        <div className={styles.memoPanelTitle}>
          <span className={styles.memoPanelKind}>{kind === label ? 'Memos' : `Memos on this ${kind.toLowerCase()}`}</span>
          <h2 className={styles.memoPanelSubject} title={label}>
            {label}
          </h2>
        </div>
        <button type="button" className={overlayStyles.iconButton} aria-label="Close the memo panel" onClick={() => openMemos(null)}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className={styles.memoPanelBody} ref={setScroller} onScroll={onScroll} onKeyDown={onKeyDown}>
        {memos.length > 0 ? (
          <MemoList memos={memos} list={list} keyOf={keyOf} gap="var(--sp-2)" className={styles.memoPanelList} />
        ) : (
          <p className={styles.memoPanelNone}>No memos on this yet.</p>
        )}
        <MemoEditor key={JSON.stringify(target)} label="New memo" autoFocus onSave={(text) => actions.create(target, text)} />
      </div>
    </section>
  );
}
