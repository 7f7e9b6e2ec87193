import type { WordCount } from '../../../../shared/words/frequencies';
import { formatNumber } from '../../../../shared/text/plural';
import { nextSort } from '../../../../shared/words/word-sort';
import type { WordSort, WordSortKey } from '../../../../shared/words/word-sort';
import styles from './words.module.css';

const columns: { key: WordSortKey; label: string }[] = [
  { key: 'word', label: 'Word' },
  { key: 'count', label: 'Count' },
  { key: 'documents', label: 'Documents' },
];

/**
 * The word table: a row per word (its commonest form; the other forms counted with it beside
 * it), sortable by any column from its heading; a word's button lists its passages.
 */
export function WordTable({ words, sort, onSort, selectedKey, onSelect }: { words: readonly WordCount[]; sort: WordSort; onSort: (s: WordSort) => void; selectedKey: string | null; onSelect: (w: WordCount) => void }) {
  return (
    <table className={styles.wordTable}>
      <caption className="sr-only">Word frequencies; choose a word to read its passages</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined} className={c.key === 'word' ? undefined : styles.wordTableNumber}>
              <button type="button" className={styles.wordTableSort} onClick={() => onSort(nextSort(sort, c.key))}>
                {c.label}
                <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {words.map((w) => (
          <tr key={w.key} className={w.key === selectedKey ? styles.wordTableSelected : undefined}>
            <th scope="row">
              <button type="button" className={styles.wordTableWord} aria-pressed={w.key === selectedKey} onClick={() => onSelect(w)}>
                {w.word}
                {w.forms.length > 1 ? <span className={styles.wordTableForms}>{w.forms.slice(1, 4).join(', ')}</span> : null}
              </button>
            </th>
            <td className={styles.wordTableNumber}>{formatNumber(w.count)}</td>
            <td className={styles.wordTableNumber}>{formatNumber(w.documents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
