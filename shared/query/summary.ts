import { plural } from '../text/plural';
import type { QueryResult } from './evaluate';

/** What a query found, in one line: "3 passages in 2 of 5 documents (412 characters)." */
export function querySummary(result: Pick<QueryResult, 'passages' | 'documentsSearched' | 'documentsWithPassages' | 'characters'> & { total?: number }): string {
  const { documentsWithPassages, documentsSearched, characters } = result;
  const found = result.total ?? result.passages.length;
  if (found === 0) return `No passages found in ${plural(documentsSearched, 'document')}.`;
  return `${plural(found, 'passage')} in ${documentsWithPassages} of ${plural(documentsSearched, 'document')} (${plural(characters, 'character')}).`;
}
