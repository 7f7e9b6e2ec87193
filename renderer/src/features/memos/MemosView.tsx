import { useCallback, useId, useMemo, useState } from 'react';
import type { MemoTarget } from '../../../../shared/domain/schemas';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { useWindowedList } from '../../ui/useWindowedList';
import { MemoList } from './MemoList';
import { MemoEditor } from './MemoEditor';
import { memoAuthors, memoKindLabels, memoSubjectKind, memoSubjectLabel, visibleMemos } from './memoSubjects';
import type { MemoFilter, MemoKind } from './memoSubjects';
import { useCodingPlaces } from './useCodingPlaces';
import { useMemoActions } from './useMemoActions';
import styles from './memos.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useDocument, useDocumentActions, useViewActions } from '../workbench/state/contexts';
import { useDocumentSummaries } from '../workbench/state/useDocuments';

/** A memo card's height before it is measured: its subject line and a few lines of text. */
const MEMO_ESTIMATE = 140;

/**
 * Every memo in the project, newest first: the project journal, and memos on documents, codes
 * and codings, by everyone. Filter by kind and author; a memo's subject opens it (the document,
 * the code's segments, the coded passage). The user's own memos can be edited and deleted.
 */
export function MemosView() {
  const { project } = useProject();
  const { documentId } = useDocument();
  const { openDocument, setActiveCodeId } = useDocumentActions();
  const { setCentre } = useViewActions();
  const actions = useMemoActions();
  const [filter, setFilter] = useState<MemoFilter>({ kind: 'all', authorId: 'all' });
  const [writing, setWriting] = useState<MemoTarget | null>(null);
  const codings = useCodingPlaces('memos');
  const kindId = useId();
  const authorId = useId();

  const memos = useMemo(() => visibleMemos(project.memos, filter), [project.memos, filter]);
  const authors = useMemo(() => memoAuthors(project.memos, project.coders), [project.memos, project.coders]);
  const keyOf = useCallback((i: number) => memos[i]!.id, [memos]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: memos.length, keyOf, estimate: MEMO_ESTIMATE });
  // The documents the memos name (their subjects, or where their codings are), and the open one.
  const documentIds = useMemo(() => {
    const ids = new Set<string>(documentId ? [documentId] : []);
    for (const memo of memos) {
      if (memo.target.type === 'document') ids.add(memo.target.id);
      const place = memo.target.type === 'coding' ? codings.get(memo.target.id) : undefined;
      if (place) ids.add(place.documentId);
    }
    return [...ids];
  }, [memos, codings, documentId]);
  const documentOf = useDocumentSummaries(documentIds);
  const subjects = { codebook: project.codebook, documentOf };
  const openDoc = documentId ? documentOf(documentId) : null;

  function opener(target: MemoTarget): (() => void) | undefined {
    switch (target.type) {
      case 'project':
        return undefined;
      case 'document':
        if (!documentOf(target.id)) return undefined;
        return () => {
          openDocument(target.id);
          setCentre({ kind: 'reader' });
        };
      case 'code':
        if (!project.codebook.some((c) => c.id === target.id)) return undefined;
        return () => {
          setActiveCodeId(target.id);
          setCentre({ kind: 'segments', codeId: target.id });
        };
      case 'coding': {
        const place = codings.get(target.id);
        if (!place) return undefined;
        return () => {
          openDocument(place.documentId, { start: place.start, end: place.end });
          setCentre({ kind: 'reader' });
        };
      }
    }
  }

  async function saveNew(text: string) {
    if (!writing) return false;
    const ok = await actions.create(writing, text);
    if (ok) setWriting(null);
    return ok;
  }

  const filtered = filter.kind !== 'all' || filter.authorId !== 'all';

  return (
    <section className={styles.memos} aria-labelledby={`${kindId}-title`}>
      <header className={`${uiStyles.viewHeader} ${styles.memosHeader}`}>
        <div className={styles.memosHeading}>
          <h2 className={styles.memosTitle} id={`${kindId}-title`}>
            Memos
          </h2>
          <p className={styles.memosCount} role="status">
            {filtered ? `${memos.length} of ${plural(project.memos.length, 'memo')}` : plural(project.memos.length, 'memo')}
          </p>
          <span className={styles.memosSpacer} />
          {openDoc ? (
            <Button size="sm" onClick={() => setWriting({ type: 'document', id: openDoc.id })} title={`A memo on ${openDoc.name}`}>
              Memo on “{openDoc.name}”
            </Button>
          ) : null}
          <Button size="sm" variant="primary" onClick={() => setWriting({ type: 'project' })}>
            New journal entry
          </Button>
        </div>
        <div className={styles.memosFilters}>
          <span className={styles.memosFilter}>
            <label htmlFor={kindId}>Show</label>
            <select
              id={kindId}
              aria-label="Memo kind"
              className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`}
              value={filter.kind}
              onChange={(event) => setFilter({ ...filter, kind: event.target.value as MemoKind | 'all' })}
            >
              <option value="all">All memos</option>
              {(Object.keys(memoKindLabels) as MemoKind[]).map((k) => (
                <option key={k} value={k}>
                  {memoKindLabels[k]}
                </option>
              ))}
            </select>
          </span>
          <span className={styles.memosFilter}>
            <label htmlFor={authorId}>by</label>
            <select
              id={authorId}
              aria-label="Memo author"
              className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`}
              value={filter.authorId}
              onChange={(event) => setFilter({ ...filter, authorId: event.target.value })}
            >
              <option value="all">Everyone</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.id === project.currentCoderId ? ' (you)' : ''}
                </option>
              ))}
            </select>
          </span>
        </div>
      </header>
      <div className={styles.memosBody} ref={setScroller} onScroll={onScroll} onKeyDown={onKeyDown}>
        {writing ? (
          <div className={styles.memosNew}>
            <MemoEditor
              key={JSON.stringify(writing)}
              label={writing.type === 'project' ? 'New journal entry' : `New memo on “${memoSubjectLabel(writing, subjects, codings)}”`}
              autoFocus
              onSave={saveNew}
              onCancel={() => setWriting(null)}
            />
          </div>
        ) : null}
        {memos.length === 0 && !writing ? (
          <EmptyState title={filtered ? 'No memo matches the filter' : 'No memos yet'}>
            {filtered
              ? 'Show all memos, or choose another author.'
              : 'Keep a project journal of decisions and hunches, or write memos on documents, codes and codings.'}
          </EmptyState>
        ) : null}
        {memos.length > 0 ? (
          <MemoList
            memos={memos}
            list={list}
            keyOf={keyOf}
            gap="var(--sp-3)"
            className={styles.memoList}
            subjectOf={(memo) => {
              const onOpen = opener(memo.target);
              return { kind: memoSubjectKind(memo.target), label: memoSubjectLabel(memo.target, subjects, codings), ...(onOpen ? { onOpen } : {}) };
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
