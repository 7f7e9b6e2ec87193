import type { CoOccurrenceView, MatrixView } from '../../../shared/api/contract';
import { subtreeIds } from '../../../shared/domain/codebook';
import { CO_OCCURRENCE_STATEMENT, coOccurrence, codeTable, countingStatement } from '../../../shared/export/matrices';
import type { Counting } from '../../../shared/export/matrices';
import type { ProjectStore } from '../project/project-store';
import { attributeKey, attributeValues, selectData } from './coded-data';
import type { ExportSelection } from './coded-data';

export interface MatrixRequest {
  selection: ExportSelection;
  columns: { kind: 'documents' } | { kind: 'attribute'; name: string };
  measure: MatrixView['measure'];
  /** A coding at a sub-code counts for its parent codes too. */
  rollUp: boolean;
  /** How several coders' passages count (see countingStatement in shared/export). */
  counting: Counting;
}

/** Codes × documents or × attribute values, counting passages, coded characters or documents. */
export function codeMatrix(store: ProjectStore, request: MatrixRequest): MatrixView {
  const data = selectData(store, request.selection);
  const { codebook } = data.project;
  const codeIds = data.codes.map((c) => c.id);
  const selected = new Set(codeIds);
  const ancestors = new Map(codeIds.map((id) => [id, codeIds.filter((a) => subtreeIds(codebook, a).includes(id))]));
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const byAttribute = request.columns.kind === 'attribute' ? request.columns.name : null;
  const columnKeys = byAttribute ? attributeValues(data.documents, byAttribute) : data.documents.map((d) => d.id);
  const columnLabels = byAttribute ? columnKeys : data.documents.map((d) => d.name);
  const matrix = codeTable(data.codings, codeIds, columnKeys, {
    measure: request.measure,
    counting: request.counting,
    rowsOf: (codeId) => (request.rollUp ? (ancestors.get(codeId) ?? []) : selected.has(codeId) ? [codeId] : []),
    ownRow: (codeId) => (selected.has(codeId) ? codeId : null),
    columnOf: (documentId) => (byAttribute ? attributeKey(docs.get(documentId), byAttribute) : documentId),
  });
  return { ...matrix, columnLabels, measure: request.measure, counting: request.counting, statement: countingStatement(request.counting) };
}

export function codeCoOccurrence(store: ProjectStore, selection: ExportSelection): CoOccurrenceView {
  const data = selectData(store, selection);
  const codeIds = data.codes.map((c) => c.id);
  return { codeIds, matrix: coOccurrence(data.codings, codeIds), statement: CO_OCCURRENCE_STATEMENT };
}
