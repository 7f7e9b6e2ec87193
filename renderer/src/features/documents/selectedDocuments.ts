import type { AttributeFilter, DocumentSort, DocumentSummary } from '../../../../shared/api/contract';
import { MAX_DOCUMENT_PAGE } from '../../../../shared/api/limits';
import type { ApiClient } from '../../api/client';
import type { RowRange } from './listSelection';

/**
 * Rows of a list (documents passing `filter`, in rank order or `sort`'s), asked for a page at a
 * time: rows off screen were never sent. Null when the list no longer has the length it had when
 * they were chosen: the rows would be other documents, so nothing is done to them.
 */
export async function listedRows(
  api: ApiClient,
  list: { filter: AttributeFilter; sort?: DocumentSort | undefined },
  ranges: readonly RowRange[],
  total: number,
): Promise<DocumentSummary[] | null> {
  const rows: DocumentSummary[] = [];
  for (const [first, last] of ranges) {
    for (let offset = first; offset <= last; offset += MAX_DOCUMENT_PAGE) {
      const page = await api.call('documents.page', { filter: list.filter, offset, limit: Math.min(MAX_DOCUMENT_PAGE, last - offset + 1), ...(list.sort ? { sort: list.sort } : {}) });
      if (page.total !== total) return null;
      rows.push(...page.rows);
    }
  }
  return rows;
}

/** The ids of the selected rows of the Documents list (see listedRows). */
export async function selectedDocumentIds(api: ApiClient, filter: AttributeFilter, ranges: readonly RowRange[], total: number): Promise<string[] | null> {
  const rows = await listedRows(api, { filter }, ranges, total);
  return rows && rows.map((row) => row.id);
}
