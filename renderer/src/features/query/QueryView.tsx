import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SavedQuery } from '../../../../shared/domain/schemas';
import { querySummary } from '../../../../shared/query/summary';
import { useApi } from '../../api/context';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { saveExportedFile } from '../../lib/download';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { ExportButton } from '../analysis/ExportButton';
import { useApiQuery } from '../analysis/useApiQuery';
import { rememberedState } from '../../ui/useRemembered';
import { PassageList } from '../retrieval/PassageList';
import { CodeResultsDialog } from './CodeResultsDialog';
import { QueryErrorNote } from './QueryErrorNote';
import { QueryLanguageHelp } from './QueryLanguageHelp';
import { noRestrictions, restrictedQuery } from './queryRestrictions';
import type { QueryRestrictions } from './queryRestrictions';
import { RestrictionPickers } from './RestrictionPickers';
import { SavedQueries } from './SavedQueries';
import styles from './query.module.css';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject } from '../workbench/state/contexts';

/** The query in each project as left, so going to the reader and back keeps it. */
const useQueryState = rememberedState<{ draft: string; restrictions: QueryRestrictions; submitted: string | null }>();

/**
 * Coding queries: the user writes a query in the query language (README, shared/query), picks
 * a coder, document set or attribute value to restrict it to, and reads the passages it finds
 * with their context; a mistake is shown at its place in the query. The results can be coded
 * at a code in one undoable step and exported to Excel; queries are saved by name and run again.
 */
export function QueryView() {
  const { project } = useProject();
  const api = useApi();
  const [{ draft, restrictions, submitted }, change] = useQueryState(project.path, () => ({ draft: '', restrictions: noRestrictions, submitted: null }));
  const [coding, setCoding] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const id = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useFocusOnOpen(inputRef);
  const run = useApiQuery('query.run', submitted ? { query: submitted } : null);
  const result = run.value?.ok ? run.value : null;
  const current = restrictedQuery(draft, restrictions);

  function submit(query: string) {
    change({ submitted: query || null });
    setOutcome(null);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit(current);
  }

  function runSaved(saved: SavedQuery) {
    change({ draft: saved.query, restrictions: noRestrictions });
    submit(saved.query);
  }

  const exportResults = async () => {
    const file = await api.call('export.query', { query: submitted! });
    await saveExportedFile(api, file);
    return file.notes;
  };

  const busy = run.loading || run.stale;
  return (
    <section className={viewPage.page} aria-labelledby={`${id}-title`}>
      <header className={`${uiStyles.viewHeader} ${viewPage.header}`}>
        <h2 className={viewPage.title} id={`${id}-title`}>
          Query the coding
        </h2>
        <form className={styles.queryForm} onSubmit={onSubmit}>
          <textarea
            className={`${uiStyles.fieldInput} ${styles.queryInput}`}
            aria-label="Query"
            aria-describedby={`${id}-help`}
            aria-invalid={run.value?.ok === false && !busy ? true : undefined}
            placeholder={'e.g. "Tackling stigma" AND "Children and young people" WHERE "Stakeholder group" != Commissioners'}
            rows={2}
            value={draft}
            maxLength={10_000}
            spellCheck={false}
            ref={inputRef}
            onChange={(e) => change({ draft: e.target.value })}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                submit(current);
              }
            }}
          />
          <Button type="submit" variant="primary" disabled={!current}>
            Run
          </Button>
        </form>
        <p className={styles.queryHelp} id={`${id}-help`}>
          Codes combined with AND, OR, NOT, NEAR(50), NEAR(turn), FOLLOWED BY; BY a coder; WHERE CODER, DOCUMENT, SET or an attribute. Enter runs it.
        </p>
        <QueryLanguageHelp />
        <RestrictionPickers value={restrictions} onChange={(next) => change({ restrictions: next })} />
        {submitted ? (
          <div className={styles.querySummary}>
            <p className={viewPage.count} role="status" aria-live="polite">
              {result ? querySummary(result) : '\u00a0'}
              {busy ? <span className={viewPage.updating}> · running…</span> : null}
            </p>
            {result && result.total > 0 ? (
              <>
                <Button size="sm" onClick={() => setCoding(true)} disabled={busy}>
                  Code all results…
                </Button>
                <ExportButton run={busy ? null : exportResults} />
              </>
            ) : null}
          </div>
        ) : null}
        {result && result.total > result.passages.length ? (
          <p className={styles.queryNote} role="note">
            The first {result.passages.length.toLocaleString('en-US')} passages are shown; coding and the export take all {result.total.toLocaleString('en-US')}.
          </p>
        ) : null}
        {result ? <p className={styles.queryUnderstood}>Understood as: <code>{result.understood}</code></p> : null}
        {outcome ? (
          <p className={styles.queryNote} role="status">
            {outcome}
          </p>
        ) : null}
      </header>
      <div className={viewPage.split}>
        <div className={styles.queryResults}>
          {!submitted ? (
            <EmptyState title="Ask where codes meet">Write a query above: its passages are listed here with the text around them, to read, code or export.</EmptyState>
          ) : null}
          {run.loading ? <QuietLoading label="Running the query…" /> : null}
          {run.error ? <ErrorAlert error={run.error} /> : null}
          {submitted && run.value?.ok === false ? <QueryErrorNote query={submitted} message={run.value.message} start={run.value.start} end={run.value.end} /> : null}
          {result && result.total === 0 ? <EmptyState title="No passages found">Nothing in the documents searched matches this query.</EmptyState> : null}
          {result && result.passages.length > 0 ? <PassageList passages={result.passages} label="Passages found" /> : null}
        </div>
        <SavedQueries queries={project.queries} current={current} onRun={runSaved} />
      </div>
      {coding && result && submitted ? (
        <CodeResultsDialog
          query={submitted}
          passages={result.total}
          onDone={(message) => {
            setCoding(false);
            if (message) setOutcome(message);
          }}
        />
      ) : null}
    </section>
  );
}
