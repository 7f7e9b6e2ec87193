import type { WordCount } from './frequencies';

/** A one-sheet workbook's content, as the backend's workbook writer takes it. */
export interface WordSheet {
  name: string;
  columns: { header: string; type?: 'text' | 'number'; width?: number }[];
  rows: (string | number | null)[][];
}

/**
 * The word table as a sheet: a row per word, in the order the table shows, with its count,
 * documents and the forms counted with it, then how it was counted, so the figures can be reproduced.
 */
export function wordSheet(words: readonly WordCount[], how: { scope: string; stopWords: readonly string[]; stem: boolean }): WordSheet {
  return {
    name: 'Word frequencies',
    columns: [{ header: 'Word', width: 24 }, { header: 'Count', type: 'number' }, { header: 'Documents', type: 'number' }, { header: 'Forms counted', width: 40 }],
    rows: [
      ...words.map((w) => [w.word, w.count, w.documents, w.forms.join(', ')]),
      [],
      ['Counted in', how.scope, null, null],
      ['Stemming', how.stem ? 'forms counted together (English, Porter)' : 'off', null, null],
      ['Speaker labels', 'left out', null, null],
      ['Stop words left out', how.stopWords.length, null, how.stopWords.join(' ').slice(0, 32_000)],
    ],
  };
}
