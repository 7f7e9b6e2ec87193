import type { WordCount } from './frequencies';

export type WordSortKey = 'word' | 'count' | 'documents';
export interface WordSort {
  key: WordSortKey;
  descending: boolean;
}

/** The table's rows in the order chosen; ties keep the commonest first, then alphabetical. */
export function sortWords(words: readonly WordCount[], sort: WordSort): WordCount[] {
  const sign = sort.descending ? -1 : 1;
  const by = (a: WordCount, b: WordCount) => (sort.key === 'word' ? a.word.localeCompare(b.word) : a[sort.key] - b[sort.key]);
  return [...words].sort((a, b) => sign * by(a, b) || b.count - a.count || a.word.localeCompare(b.word));
}

/** A click on a column's heading: that column, numbers most first and words A–Z; again reverses it. */
export function nextSort(current: WordSort, key: WordSortKey): WordSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key !== 'word' };
}
