import { useCallback, useEffect } from 'react';
import type { AttributeFilter, DocumentSort, DocumentSummary } from '../../../../shared/api/contract';
import { useApi } from '../../api/context';
import { useWindowedList } from '../../ui/useWindowedList';
import type { WindowedList } from '../../ui/useWindowedList';
import { listedRows } from '../documents/selectedDocuments';
import { useProject } from '../workbench/state/contexts';
import { useDirectoryVersion, useDocumentDirectory } from '../workbench/state/useDocuments';

/** The grid lists every document: no attribute filter. */
const EVERY_DOCUMENT: AttributeFilter = {};
/** A row's height before it is measured: one line of text (the cells' height in the stylesheet). */
export const ROW_ESTIMATE = 31;

export interface GridRows extends WindowedList {
  /** How many documents the grid has. */
  total: number;
  /** The document at a row, once its page has come. */
  rowAt: (index: number) => DocumentSummary | undefined;
  /** Rows `first`… (`count` of them) from the backend, for a paste reaching rows never sent; null when the documents changed meanwhile. */
  fetchRows: (first: number, count: number) => Promise<DocumentSummary[] | null>;
}

/**
 * The attribute grid's rows, asked for a page at a time through the document directory (as the
 * Documents list asks for its own), in `sort`'s order: a survey of 20,000 answers sends the rows
 * on screen and the row with focus (`active`), which stays rendered wherever it is.
 */
export function useGridRows(sort: DocumentSort | undefined, active: number): GridRows {
  const api = useApi();
  const { project } = useProject();
  const directory = useDocumentDirectory();
  const version = useDirectoryVersion(directory);
  const total = project.documents.count;
  const rowAt = useCallback(
    (index: number): DocumentSummary | undefined => {
      const page = version >= 0 ? directory.page(EVERY_DOCUMENT, index, sort) : undefined;
      return page?.rows[index - page.offset];
    },
    [directory, sort, version],
  );
  const keyOf = useCallback((index: number) => rowAt(index)?.id ?? `#${index}`, [rowAt]);
  const windowed = useWindowedList({ count: total, keyOf, estimate: ROW_ESTIMATE, pinned: [active] });
  const { first, last } = windowed;
  useEffect(() => {
    directory.wantRows(EVERY_DOCUMENT, first, last, sort);
    directory.wantRows(EVERY_DOCUMENT, active, active, sort);
  }, [directory, sort, first, last, active, version]);
  const fetchRows = useCallback(
    (from: number, count: number) => listedRows(api, { filter: EVERY_DOCUMENT, sort }, count > 0 ? [[from, from + count - 1]] : [], total),
    [api, sort, total],
  );
  return { ...windowed, total, rowAt, fetchRows };
}
