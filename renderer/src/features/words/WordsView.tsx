import { useId, useMemo, useState } from 'react';
import { WORDS_SHOWN } from '../../../../shared/api/limits';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { stopWordLists } from '../../../../shared/words/stop-words';
import type { WordCount } from '../../../../shared/words/frequencies';
import { sortWords } from '../../../../shared/words/word-sort';
import type { WordSort } from '../../../../shared/words/word-sort';
import { formatNumber, plural } from '../../../../shared/text/plural';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { ExportButton } from '../analysis/ExportButton';
import { saveExportedFile } from '../../lib/download';
import { rememberedState } from '../../ui/useRemembered';
import { useApiQuery } from '../analysis/useApiQuery';
import { PassageList } from '../retrieval/PassageList';
import { StopWordsDialog } from './StopWordsDialog';
import { WordChart } from './WordChart';
import { WordTable } from './WordTable';
import { ONE_DOCUMENT, wordScopeOptions } from './wordScopes';
import { useDocumentFacets } from '../workbench/state/useDocuments';
import { DocumentPicker } from '../documents/DocumentPicker';
import styles from './words.module.css';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useChanges, useProject } from '../workbench/state/contexts';

const CHART_WORDS = 15;

interface WordsChoices {
  scopeValue: string;
  oneDocument: DocumentSummary | null;
  stem: boolean;
  /** The user's list as edited this session (the snapshot's copy is from when the project opened). */
  stopWords: string[];
  sort: WordSort;
  selected: WordCount | null;
}
const useWordsChoices = rememberedState<WordsChoices>();

/**
 * Word frequencies: counted in all documents, a set, one document, an attribute value or a
 * code's coded text; case folded, stop words left out (the user's list), optionally stemmed.
 * A sortable table and a bar chart of the commonest words; a word's passages on a click; the
 * table exported to Excel.
 */
export function WordsView() {
  const { project } = useProject();
  const { showError } = useChanges();
  const api = useApi();
  const id = useId();
  // Attribute values come from the facets; one document is found by name: nothing here needs every document.
  const facets = useDocumentFacets(showError);
  const options = useMemo(() => wordScopeOptions(project, facets ?? []), [project, facets]);
  const [choices, choose] = useWordsChoices(project.path, () => ({
    scopeValue: '',
    oneDocument: null,
    stem: false,
    stopWords: project.workspace.stopWords ?? [...stopWordLists.english],
    sort: { key: 'count', descending: true },
    selected: null,
  }));
  const { scopeValue, oneDocument, stem, stopWords, sort, selected } = choices;
  const [editing, setEditing] = useState(false);
  const option = options.find((o) => o.value === scopeValue) ?? options[0] ?? null;
  const picking = option?.value === ONE_DOCUMENT;
  const scope = picking ? (oneDocument && { kind: 'documents' as const, documentIds: [oneDocument.id] }) : (option?.scope ?? null);
  const scopeLabel = picking ? (oneDocument?.name ?? '') : (option?.label ?? '');
  const request = scope ? { scope, stopWords, stem } : null;
  const table = useApiQuery('words.frequencies', request);
  const passages = useApiQuery('words.passages', request && selected ? { ...request, key: selected.key } : null);
  const words = useMemo(() => (table.value ? sortWords(table.value.words, sort) : []), [table.value, sort]);

  function saveStopWords(next: string[]) {
    setEditing(false);
    choose({ stopWords: next, selected: null });
    api.call('workspace.update', { stopWords: next }).catch(showError);
  }

  // Every word, not only the commonest the table holds, in the table's order.
  const exportWords = async () => {
    const file = await api.call('export.words', { ...request!, sort, scopeLabel });
    await saveExportedFile(api, file);
    return file.notes;
  };

  const busy = table.loading || table.stale;
  return (
    <section className={viewPage.page} aria-labelledby={`${id}-title`}>
      <header className={`${uiStyles.viewHeader} ${viewPage.header}`}>
        <h2 className={viewPage.title} id={`${id}-title`}>
          Word frequencies
        </h2>
        <div className={viewPage.controls}>
          <LabelledSelect
            label="Count words in"
            className={styles.wordsScope}
            value={option?.value ?? ''}
            options={options}
            onChange={(next) => choose({ scopeValue: next, selected: null })}
          />
          {picking ? (
            <DocumentPicker
              label="Document"
              value={oneDocument}
              onChange={(doc) => choose({ oneDocument: doc, selected: null })}
            />
          ) : null}
          <label className={viewPage.check}>
            <input
              type="checkbox"
              checked={stem}
              onChange={(e) => choose({ stem: e.target.checked, selected: null })}
            />
            Count a word’s forms together (English stemming)
          </label>
          <Button size="sm" onClick={() => setEditing(true)}>
            Stop words ({stopWords.length})…
          </Button>
          <ExportButton run={table.value && request ? exportWords : null} />
        </div>
        <p className={viewPage.count} role="status" aria-live="polite">
          {table.value ? `${plural(table.value.totalWords, 'word')} counted, ${formatNumber(table.value.distinctWords)} different${table.value.distinctWords > WORDS_SHOWN ? ` (the commonest ${formatNumber(WORDS_SHOWN)} listed; the export has them all)` : ''}; case folded, speaker labels and ${plural(stopWords.length, 'stop word')} left out.` : '\u00a0'}
          {busy ? <span className={viewPage.updating}> · counting…</span> : null}
        </p>
      </header>
      <div className={viewPage.split}>
        {!option ? <EmptyState title="No documents yet">Import documents to count the words in them.</EmptyState> : null}
        {picking && !oneDocument ? <EmptyState title="Choose a document">Type part of its name in the Document box.</EmptyState> : null}
        {table.error ? <ErrorAlert error={table.error} /> : null}
        {table.loading ? <QuietLoading label="Counting words…" /> : null}
        {table.value && table.value.words.length === 0 ? <EmptyState title="No words here">There is no text to count in this choice, or every word is a stop word.</EmptyState> : null}
        {table.value && table.value.words.length > 0 ? (
          <>
            <div className={styles.wordsCounts}>
              <WordChart words={table.value.words.slice(0, CHART_WORDS)} onSelect={(word) => choose({ selected: word })} />
              <WordTable words={words} sort={sort} onSort={(next) => choose({ sort: next })} selectedKey={selected?.key ?? null} onSelect={(word) => choose({ selected: word })} />
            </div>
            <section className={styles.wordsPassages} aria-label={selected ? `Passages with “${selected.word}”` : 'Passages'}>
              {selected ? (
                <>
                  <h3 className={styles.wordsPassagesTitle}>
                    “{selected.word}”{selected.forms.length > 1 ? ` (${selected.forms.join(', ')})` : ''}: {passages.value ? plural(passages.value.total, 'occurrence') : '…'}
                  </h3>
                  {passages.error ? <ErrorAlert error={passages.error} /> : null}
                  {passages.value ? <PassageList passages={passages.value.passages} label={`Passages with “${selected.word}”`} /> : null}
                </>
              ) : (
                <EmptyState title="Choose a word">Its passages are listed here, each with the text around it.</EmptyState>
              )}
            </section>
          </>
        ) : null}
      </div>
      {editing ? <StopWordsDialog words={stopWords} onSave={saveStopWords} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
