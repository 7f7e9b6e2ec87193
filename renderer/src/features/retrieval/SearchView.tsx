import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SearchHit, SearchResult } from '../../../../shared/api/contract';
import { useApi } from '../../api/context';
import { ApiError } from '../../api/client';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { WindowedItems } from '../../ui/WindowedItems';
import { useWindowedList } from '../../ui/useWindowedList';
import { FilterNote } from './FilterNote';
import { AutocodeDialog } from './AutocodeDialog';
import type { SearchQuery } from './AutocodeDialog';
import { countSummary, documentCount, groupByDocument, trimContext } from './retrievalText';
import { usePassageNames } from './usePassageNames';
import styles from './retrieval.module.css';
import viewPage from '../../ui/viewPage.module.css';
import segmentCard from '../../ui/segmentCard.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useDocument, useDocumentActions, useViewActions } from '../workbench/state/contexts';

/** A document's group of hits before it is measured: its title and two hits. */
const GROUP_ESTIMATE = 160;

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; result: SearchResult; key: string }
  | { status: 'failed'; error: ApiError; key: string };

/** The last search in each project, so leaving for the reader and coming back keeps it. */
const remembered = new Map<string, { draft: string; submitted: SearchQuery | null }>();

/**
 * Text search across the documents the attribute filter lets through, results grouped by
 * document with their speaker and context. A click opens a hit in the reader; "Code all
 * results" codes every hit at one code in one undoable step.
 */
export function SearchView() {
  const { project } = useProject();
  const { attributeFilter } = useDocument();
  const { openDocument, setAttributeFilter } = useDocumentActions();
  const { setCentre } = useViewActions();
  const api = useApi();
  const memory = remembered.get(project.path);
  const [draft, setDraft] = useState(memory?.draft ?? '');
  const [caseSensitive, setCaseSensitive] = useState(memory?.submitted?.caseSensitive ?? false);
  const [wholeWord, setWholeWord] = useState(memory?.submitted?.wholeWord ?? false);
  const [pattern, setPattern] = useState(memory?.submitted?.pattern ?? false);
  const [submitted, setSubmitted] = useState<SearchQuery | null>(memory?.submitted ?? null);
  const [load, setLoad] = useState<Load>(memory?.submitted ? { status: 'loading' } : { status: 'idle' });
  const [coding, setCoding] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useFocusOnOpen(inputRef);

  const key = submitted ? JSON.stringify([submitted, attributeFilter]) : null;

  useEffect(() => {
    if (!submitted || key === null) return;
    let live = true;
    api
      .call('search.text', { ...submitted, attributes: attributeFilter })
      .then((result) => {
        if (live) setLoad({ status: 'ready', result, key });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ status: 'failed', error: ApiError.from(error), key });
      });
    return () => {
      live = false;
    };
    // The key stands for the query and the filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  function run(next: SearchQuery | null) {
    setSubmitted(next);
    setOutcome(null);
    remembered.set(project.path, { draft: next?.query ?? draft, submitted: next });
    if (!next) setLoad({ status: 'idle' });
    else if (load.status === 'idle') setLoad({ status: 'loading' });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const query = draft.trim() ? draft : '';
    run(query ? { query, caseSensitive, wholeWord, pattern } : null);
  }

  function setOption(option: 'caseSensitive' | 'wholeWord' | 'pattern', value: boolean) {
    ({ caseSensitive: setCaseSensitive, wholeWord: setWholeWord, pattern: setPattern })[option](value);
    if (submitted) run({ ...submitted, [option]: value });
  }

  const result = load.status === 'ready' ? load.result : null;
  const groups = useMemo(() => (result ? groupByDocument(result.hits) : []), [result]);
  const keyOf = useCallback((i: number) => groups[i]!.documentId, [groups]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: groups.length, keyOf, estimate: GROUP_ESTIMATE });
  // Names for the groups near the viewport only: a search over 20,000 answers may hit thousands of documents.
  const shownIds = useMemo(() => groups.slice(list.first, list.last + 1).map((g) => g.documentId), [groups, list.first, list.last]);
  const docNames = usePassageNames(shownIds).docs;
  const stale = (load.status === 'ready' || load.status === 'failed') && load.key !== key;

  function open(hit: SearchHit) {
    openDocument(hit.documentId, { start: hit.start, end: hit.end });
    setCentre({ kind: 'reader' });
  }

  return (
    <section className={viewPage.page} aria-labelledby={`${inputId}-title`}>
      <header className={`${uiStyles.viewHeader} ${viewPage.header}`}>
        <h2 className={viewPage.title} id={`${inputId}-title`}>
          Search the documents
        </h2>
        <form role="search" className={styles.searchForm} onSubmit={submit}>
          <input
            id={inputId}
            type="search"
            className={`${uiStyles.fieldInput} ${styles.searchFormInput}`}
            aria-label="Search text"
            placeholder="Words or a phrase, e.g. waiting list"
            value={draft}
            maxLength={1000}
            ref={inputRef}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => event.stopPropagation()}
          />
          <Button type="submit" variant="primary">
            Search
          </Button>
        </form>
        <div className={viewPage.controls}>
          <label className={viewPage.check}>
            <input type="checkbox" checked={caseSensitive} onChange={(event) => setOption('caseSensitive', event.target.checked)} />
            Case sensitive
          </label>
          <label className={viewPage.check}>
            <input type="checkbox" checked={wholeWord} onChange={(event) => setOption('wholeWord', event.target.checked)} />
            Whole words
          </label>
          <label className={viewPage.check} title="A regular expression, e.g. wait(ing|ed) (list|times?)">
            <input type="checkbox" checked={pattern} onChange={(event) => setOption('pattern', event.target.checked)} />
            Pattern
          </label>
        </div>
        <FilterNote filter={attributeFilter} project={project} onClear={() => setAttributeFilter({})} />
        {submitted ? (
          <div className={styles.searchSummary}>
            <p className={viewPage.count} role="status" aria-live="polite">
              {result ? countSummary(result.hits.length, documentCount(result.hits), 'result') : '\u00a0'}
              {stale || load.status === 'loading' ? <span className={viewPage.updating}> · searching…</span> : null}
            </p>
            {result && result.hits.length > 0 ? (
              <Button size="sm" onClick={() => setCoding(true)} disabled={stale}>
                Code all results…
              </Button>
            ) : null}
          </div>
        ) : null}
        {result?.truncated ? (
          <p className={styles.searchTruncated} role="note">
            Only the first {plural(result.hits.length, 'result')} are shown: there are more. Narrow the search (a longer phrase,
            whole words, or an attribute filter) to see them all.
          </p>
        ) : null}
        {outcome ? (
          <p className={styles.searchOutcome} role="status">
            {outcome}
          </p>
        ) : null}
      </header>
      <div className={viewPage.body} ref={setScroller} onScroll={onScroll} onKeyDown={onKeyDown}>
        {!submitted ? (
          <EmptyState title="Find words across every document">
            Results are grouped by document, with the speaker and the text around each one. You can then code them all at once.
          </EmptyState>
        ) : null}
        {load.status === 'loading' ? <QuietLoading label="Searching…" /> : null}
        {load.status === 'failed' ? <ErrorAlert error={load.error} /> : null}
        {submitted && result && result.hits.length === 0 ? (
          <EmptyState title={`No results for “${submitted.query}”`}>
            {Object.keys(attributeFilter).length > 0 ? 'The attribute filter limits the documents searched.' : 'Check the spelling, or turn off Whole words.'}
          </EmptyState>
        ) : null}
        {groups.length > 0 ? (
          <WindowedItems
            list={list}
            count={groups.length}
            keyOf={keyOf}
            gap="var(--sp-4)"
            className={styles.hitGroups}
            label="Results by document"
            renderItem={(i) => {
              const group = groups[i]!;
              const name = docNames.get(group.documentId) ?? '…';
              return (
                <div className={styles.hitGroup} role="group" aria-label={name}>
                  <h3 className={styles.hitGroupTitle}>
                    <span>{name}</span>
                    <span className={styles.hitGroupCount}>{plural(group.hits.length, 'result')}</span>
                  </h3>
                  <ol className={styles.hitList}>
                    {group.hits.map((hit) => (
                      <li key={`${hit.start}:${hit.end}`}>
                        <button type="button" className={styles.hit} onClick={() => open(hit)}>
                          {hit.speaker ? <span className={styles.hitSpeaker}>{hit.speaker}</span> : null}
                          <span className={styles.hitText}>
                            <span className={segmentCard.context}>{trimContext(hit.before, 'before', 160)}</span>
                            <mark className={styles.hitMatch} data-hit="">{hit.match}</mark>
                            <span className={segmentCard.context}>{trimContext(hit.after, 'after', 160)}</span>
                          </span>
                        </button>
                      </li>
                    ))}
                  </ol>
                </div>
              );
            }}
          />
        ) : null}
      </div>
      {coding && result && submitted ? (
        <AutocodeDialog
          search={submitted}
          hits={result.hits.length}
          attributes={attributeFilter}
          onDone={(message) => {
            setCoding(false);
            if (message) setOutcome(message);
          }}
        />
      ) : null}
    </section>
  );
}
