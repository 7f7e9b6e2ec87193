import type { WordCount } from '../../../../shared/words/frequencies';
import { formatNumber } from '../../../../shared/text/plural';
import styles from './words.module.css';
import viewPage from '../../ui/viewPage.module.css';

/**
 * The commonest words as horizontal bars, each labelled with its word and count in text (the
 * bars themselves are decoration; each reads out as "word count"). Drawn with CSS, no images
 * or fonts fetched.
 */
export function WordChart({ words, onSelect }: { words: readonly WordCount[]; onSelect: (w: WordCount) => void }) {
  const max = words.reduce((m, w) => Math.max(m, w.count), 0);
  return (
    <figure className={styles.wordChart}>
      <figcaption className={`${viewPage.eyebrow} ${styles.wordChartCaption}`}>The {words.length} commonest words</figcaption>
      <ol className={styles.wordChartList}>
        {words.map((w) => (
          <li key={w.key}>
            {/* Named by its own text, "people 10": the word and its count as shown (Label in Name). */}
            <button type="button" className={styles.wordChartRow} onClick={() => onSelect(w)}>
              <span className={styles.wordChartWord}>{w.word}</span>{' '}
              <span className={styles.wordChartTrack} aria-hidden="true">
                <span className={styles.wordChartBar} style={{ width: `${max > 0 ? (w.count / max) * 100 : 0}%` }} />
              </span>{' '}
              <span className={styles.wordChartCount}>{formatNumber(w.count)}</span>
            </button>
          </li>
        ))}
      </ol>
    </figure>
  );
}
