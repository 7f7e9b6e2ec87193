import type { CoOccurrenceView, MatrixView } from '../../../shared/api/contract';
import { subtreeIds } from '../../../shared/domain/codebook';
import { coOccurrence, countMatrix } from '../../../shared/export/matrices';
import { coveredLength } from '../../../shared/text/spans';
import type { ProjectStore } from '../project/project-store';
import { attributeKey, attributeValues, selectData } from './coded-data';
import type { ExportSelection } from './coded-data';

export interface MatrixRequest {
  selection: ExportSelection;
  columns: { kind: 'documents' } | { kind: 'attribute'; name: string };
  measure: MatrixView['measure'];
  /** A coding at a sub-code counts for its parent codes too. */
  rollUp: boolean;
}

/** Codes × documents or × attribute values, counting segments, coded characters or documents. */
export function codeMatrix(store: ProjectStore, request: MatrixRequest): MatrixView {
  const data = selectData(store, request.selection);
  const { codebook } = data.project;
  const codeIds = data.codes.map((c) => c.id);
  const selected = new Set(codeIds);
  const ancestors = new Map(codeIds.map((id) => [id, codeIds.filter((a) => subtreeIds(codebook, a).includes(id))]));
  const rowsOf = (codeId: string) => (request.rollUp ? (ancestors.get(codeId) ?? []) : selected.has(codeId) ? [codeId] : []);
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const byAttribute = request.columns.kind === 'attribute' ? request.columns.name : null;
  const columnKeys = byAttribute ? attributeValues(data.documents, byAttribute) : data.documents.map((d) => d.id);
  const columnLabels = byAttribute ? columnKeys : data.documents.map((d) => d.name);
  const columnOf = (documentId: string) => (byAttribute ? attributeKey(docs.get(documentId), byAttribute) : documentId);

  if (request.measure !== 'characters') {
    const matrix = countMatrix(data.codings, codeIds, columnKeys, {
      rowKey: (c) => c.codeId,
      rowsFor: rowsOf,
      columnOf: (c) => columnOf(c.documentId),
      ...(request.measure === 'documents' && { distinct: (c: { documentId: string }) => c.documentId }),
    });
    return { ...matrix, columnLabels, measure: request.measure };
  }
  // Coded characters: the union of every selected coder's codings at the code, per document.
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const c of data.codings) {
    for (const row of rowsOf(c.codeId)) {
      const key = `${row}\u0000${c.documentId}`;
      let list = spans.get(key);
      if (!list) spans.set(key, (list = []));
      list.push(c);
    }
  }
  const cells = codeIds.map(() => new Array<number>(columnKeys.length).fill(0));
  const columnIndex = new Map(columnKeys.map((k, i) => [k, i]));
  const rowIndex = new Map(codeIds.map((k, i) => [k, i]));
  for (const [key, list] of spans) {
    const [codeId, documentId] = key.split('\u0000') as [string, string];
    const column = columnOf(documentId);
    const c = column === null ? undefined : columnIndex.get(column);
    if (c !== undefined) cells[rowIndex.get(codeId)!]![c]! += coveredLength(list);
  }
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = columnKeys.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
  return { rowKeys: codeIds, columnKeys, columnLabels, cells, rowTotals, columnTotals, total: rowTotals.reduce((a, b) => a + b, 0), measure: 'characters' };
}

export function codeCoOccurrence(store: ProjectStore, selection: ExportSelection): CoOccurrenceView {
  const data = selectData(store, selection);
  const codeIds = data.codes.map((c) => c.id);
  return { codeIds, matrix: coOccurrence(data.codings, codeIds) };
}
