import type { WordCount } from '../../../../shared/words/frequencies';
import type { TableExport } from '../analysis/analysisModel';

/**
 * The word table as a sheet (export.table): a row per word with its count, documents and the
 * forms counted with it, then how it was counted, so the figures can be reproduced.
 */
export function wordTableExport(words: readonly WordCount[], scope: string, stopWords: readonly string[], stem: boolean): TableExport {
  return {
    name: 'Word frequencies',
    columns: [{ header: 'Word', width: 24 }, { header: 'Count', type: 'number' }, { header: 'Documents', type: 'number' }, { header: 'Forms counted', width: 40 }],
    rows: [
      ...words.map((w) => [w.word, w.count, w.documents, w.forms.join(', ')]),
      [],
      ['Counted in', scope, null, null],
      ['Stemming', stem ? 'forms counted together (English, Porter)' : 'off', null, null],
      ['Stop words left out', stopWords.length, null, stopWords.join(' ').slice(0, 32_000)],
    ],
  };
}
