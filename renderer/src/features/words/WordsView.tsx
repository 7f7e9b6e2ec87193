import { useId, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { stopWordLists } from '../../../../shared/words/stop-words';
import type { WordCount } from '../../../../shared/words/frequencies';
import { formatNumber, plural } from '../../../../shared/text/plural';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { ExportTableButton } from '../analysis/ExportTableButton';
import { useApiQuery } from '../analysis/useApiQuery';
import { PassageList } from '../retrieval/PassageList';
import { StopWordsDialog } from './StopWordsDialog';
import { WordChart } from './WordChart';
import { WordTable } from './WordTable';
import { ONE_DOCUMENT, wordScopeOptions } from './wordScopes';
import { useDocumentFacets } from '../workbench/state/useDocuments';
import { DocumentPicker } from '../documents/DocumentPicker';
import { sortWords } from './wordSort';
import type { WordSort } from './wordSort';
import { wordTableExport } from './wordTableExport';
import styles from './words.module.css';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useChanges, useProject } from '../workbench/state/contexts';

const CHART_WORDS = 15;
/** The user's stop words per project this session (the snapshot's copy is from when it opened). */
const editedStopWords = new Map<string, string[]>();

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
  const [scopeValue, setScopeValue] = useState('');
  const [oneDocument, setOneDocument] = useState<DocumentSummary | null>(null);
  const [stem, setStem] = useState(false);
  const [stopWords, setStopWords] = useState<string[]>(() => editedStopWords.get(project.path) ?? project.workspace.stopWords ?? [...stopWordLists.english]);
  const [editing, setEditing] = useState(false);
  const [sort, setSort] = useState<WordSort>({ key: 'count', descending: true });
  const [selected, setSelected] = useState<WordCount | null>(null);
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
    setStopWords(next);
    setSelected(null);
    editedStopWords.set(project.path, next);
    api.call('workspace.update', { stopWords: next }).catch(showError);
  }

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
            onChange={(next) => {
              setScopeValue(next);
              setSelected(null);
            }}
          />
          {picking ? (
            <DocumentPicker
              label="Document"
              value={oneDocument}
              onChange={(doc) => {
                setOneDocument(doc);
                setSelected(null);
              }}
            />
          ) : null}
          <label className={viewPage.check}>
            <input
              type="checkbox"
              checked={stem}
              onChange={(e) => {
                setStem(e.target.checked);
                setSelected(null);
              }}
            />
            Count a word’s forms together (stemming)
          </label>
          <Button size="sm" onClick={() => setEditing(true)}>
            Stop words ({stopWords.length})…
          </Button>
          <ExportTableButton table={table.value && request ? wordTableExport(table.value.words, scopeLabel, stopWords, stem) : null} />
        </div>
        <p className={viewPage.count} role="status" aria-live="polite">
          {table.value ? `${plural(table.value.totalWords, 'word')} counted, ${formatNumber(table.value.distinctWords)} different; case folded, ${plural(stopWords.length, 'stop word')} left out.` : '\u00a0'}
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
              <WordChart words={table.value.words.slice(0, CHART_WORDS)} onSelect={setSelected} />
              <WordTable words={words} sort={sort} onSort={setSort} selectedKey={selected?.key ?? null} onSelect={setSelected} />
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
