import type { AttributeFilter } from '../../../../shared/api/contract';
import { MAX_DOCUMENT_PAGE } from '../../../../shared/api/limits';
import type { ApiClient } from '../../api/client';
import type { RowRange } from './listSelection';

/**
 * The ids of the selected rows, asked for a page at a time (rows off screen were never sent).
 * Null when the list no longer has the length it had when they were selected: the rows would
 * be other documents, so nothing is done to them.
 */
export async function selectedDocumentIds(api: ApiClient, filter: AttributeFilter, ranges: readonly RowRange[], total: number): Promise<string[] | null> {
  const ids: string[] = [];
  for (const [first, last] of ranges) {
    for (let offset = first; offset <= last; offset += MAX_DOCUMENT_PAGE) {
      const page = await api.call('documents.page', { filter, offset, limit: Math.min(MAX_DOCUMENT_PAGE, last - offset + 1) });
      if (page.total !== total) return null;
      ids.push(...page.rows.map((row) => row.id));
    }
  }
  return ids;
}
