import type { AttributeFilter, CoderCoding, MemoView } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { codePath, subtreeIds } from '../../../shared/domain/codebook';
import { NO_VALUE, attributeColumnKey, documentFilter } from '../../../shared/domain/filters';
import type { AttributeDef, AttributeValue, Code, Coder, DocumentMeta, ProjectFile } from '../../../shared/domain/schemas';
import { treeOrder } from '../../../shared/export/code-tree';
import { coOccurrence, codeTable, countingStatement } from '../../../shared/export/matrices';
import type { Counting } from '../../../shared/export/matrices';
import { isConsensusCoder } from '../../../shared/operations/consensus-ops';
import type { ProjectStore } from '../project/project-store';
import type { CellValue, ColumnSpec } from './workbook';

/**
 * What the exports read from a project: the codings, codes, documents, coders and memos a
 * selection picks out, and the tables built from them (codebook, counts, co-occurrence; the
 * coded segments and memos are in coded-segments.ts). The counting itself is in
 * shared/export, on plain arrays.
 */

export interface ExportSelection {
  /** Codes with all their sub-codes; null: the whole codebook. */
  codeIds: string[] | null;
  /** null: every document (that passes `attributes`). */
  documentIds: string[] | null;
  attributes: AttributeFilter;
  /** null: every coder but the Consensus coder (which counts only when chosen). */
  coderIds: string[] | null;
}

export const everything: ExportSelection = { codeIds: null, documentIds: null, attributes: {}, coderIds: null };

export interface SelectedData {
  project: Readonly<ProjectFile>;
  /** The selected codes, parents before sub-codes. */
  codes: Code[];
  documents: DocumentMeta[];
  coders: Coder[];
  /** By document (project order), then start, end, code (tree order), coder. */
  codings: CoderCoding[];
  /** Memos by the selected coders on the project, or on a selected document, code or coding. */
  memos: MemoView[];
  /** Every memo on each selected coding, whoever wrote it. */
  codingMemos: Map<string, MemoView[]>;
}

export interface Table {
  columns: ColumnSpec[];
  rows: CellValue[][];
}

export const PATH_SEPARATOR = ' > ';

function unknown(kind: string, ids: readonly string[], known: ReadonlySet<string>): void {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `There is no ${kind} with id ${missing.join(', ')} in this project.`);
}

/** The codes, documents, coders, codings and memos a selection picks out. */
export function selectData(store: ProjectStore, selection: ExportSelection): SelectedData {
  const project = store.data;
  const { codebook } = project;
  unknown('code', selection.codeIds ?? [], new Set(codebook.map((c) => c.id)));
  unknown('document', selection.documentIds ?? [], new Set(project.documents.map((d) => d.id)));
  unknown('coder', selection.coderIds ?? [], new Set(project.coders.map((c) => c.id)));

  const wanted = selection.codeIds ? new Set(selection.codeIds.flatMap((id) => subtreeIds(codebook, id))) : null;
  const codes = treeOrder(codebook).filter((c) => !wanted || wanted.has(c.id));
  const documentIds = selection.documentIds ? new Set(selection.documentIds) : null;
  const passes = documentFilter(selection.attributes, project.sets);
  const documents = project.documents.filter((d) => (!documentIds || documentIds.has(d.id)) && passes(d));
  // "Every coder" means the coders' own work: the Consensus coder counts only when chosen.
  const coders = project.coders.filter((c) => (selection.coderIds ? selection.coderIds.includes(c.id) : !isConsensusCoder(c)));

  const codeOrder = new Map(codes.map((c, i) => [c.id, i]));
  const documentOrder = new Map(documents.map((d, i) => [d.id, i]));
  const coderIds = new Set(coders.map((c) => c.id));
  // Sorted on numbers worked out once per coding (map look-ups inside the comparison would run
  // millions of times for a large project), by sorting their positions.
  const picked: CoderCoding[] = [];
  const documentKey: number[] = [];
  const codeKey: number[] = [];
  const coderKey: number[] = [];
  coders.forEach((coder, coderIndex) => {
    for (const c of store.codingsOf(coder.id)) {
      const document = documentOrder.get(c.documentId);
      const code = codeOrder.get(c.codeId);
      if (document === undefined || code === undefined) continue;
      picked.push({ id: c.id, documentId: c.documentId, codeId: c.codeId, start: c.start, end: c.end, createdAt: c.createdAt, coderId: coder.id });
      documentKey.push(document);
      codeKey.push(code);
      coderKey.push(coderIndex);
    }
  });
  const order = Uint32Array.from(picked.keys()).sort(
    (a, b) =>
      documentKey[a]! - documentKey[b]! || picked[a]!.start - picked[b]!.start || picked[a]!.end - picked[b]!.end || codeKey[a]! - codeKey[b]! || coderKey[a]! - coderKey[b]!,
  );
  const codings = Array.from(order, (i) => picked[i]!);

  const codingIds = new Set(codings.map((c) => c.id));
  const allMemos = store.memos();
  const codingMemos = new Map<string, MemoView[]>();
  for (const memo of allMemos) {
    if (memo.target.type !== 'coding' || !codingIds.has(memo.target.id)) continue;
    const list = codingMemos.get(memo.target.id) ?? [];
    list.push(memo);
    codingMemos.set(memo.target.id, list);
  }
  const memos = allMemos.filter((m) => {
    if (!coderIds.has(m.coderId)) return false;
    switch (m.target.type) {
      case 'project':
        return true;
      case 'document':
        return documentOrder.has(m.target.id);
      case 'code':
        return codeOrder.has(m.target.id);
      case 'coding':
        return codingIds.has(m.target.id);
    }
  });
  return { project, codes, documents, coders, codings, memos, codingMemos };
}

/** The attribute definitions to show as columns, in project order, checking the names asked for. */
export function attributeColumns(project: Readonly<ProjectFile>, names: string[] | 'all'): AttributeDef[] {
  if (names === 'all') return [...project.attributes];
  const missing = names.filter((n) => !project.attributes.some((a) => a.name === n));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `There is no document attribute called ${missing.map((n) => `"${n}"`).join(', ')}.`);
  return project.attributes.filter((a) => names.includes(a.name));
}

// ---- Codebook ----------------------------------------------------------------------------

/** Per selected code: path, description, colour, and how it was used in the selection. */
export function codebookTable(data: SelectedData): Table {
  const { codebook } = data.project;
  const stats = new Map(data.codes.map((c) => [c.id, { codings: 0, documents: new Set<string>(), coders: new Set<string>() }]));
  for (const coding of data.codings) {
    const s = stats.get(coding.codeId)!;
    s.codings++;
    s.documents.add(coding.documentId);
    s.coders.add(coding.coderId);
  }
  return {
    columns: [
      { header: 'Code path', width: 40 },
      { header: 'Definition', width: 50 },
      { header: 'When to use', width: 36 },
      { header: 'When not to use', width: 36 },
      { header: 'Example', width: 36 },
      { header: 'Colour', width: 10 },
      { header: 'Codable', width: 9 },
      { header: 'Codings', width: 10, type: 'number' },
      { header: 'Codings with sub-codes', width: 12, type: 'number' },
      { header: 'Documents', width: 11, type: 'number' },
      { header: 'Coders', width: 24 },
    ],
    rows: data.codes.map((code) => {
      const s = stats.get(code.id)!;
      const subtree = subtreeIds(codebook, code.id);
      return [
        codePath(codebook, code.id).join(PATH_SEPARATOR),
        code.description.definition,
        code.description.whenToUse,
        code.description.whenNotToUse,
        code.description.example,
        code.color,
        code.codable,
        s.codings,
        subtree.reduce((n, id) => n + (stats.get(id)?.codings ?? 0), 0),
        s.documents.size,
        data.coders
          .filter((c) => s.coders.has(c.id))
          .map((c) => c.name)
          .join(', '),
      ];
    }),
  };
}

// ---- Counts ------------------------------------------------------------------------------

export type CountMeasure = 'codings' | 'documents';

/** The codes a coding at a code counts for: its own, and with `rollUp` every ancestor too. */
function countedCodes(data: SelectedData, rollUp: boolean): (codeId: string) => string[] {
  if (!rollUp) return (codeId) => [codeId];
  const byId = new Map(data.project.codebook.map((c) => [c.id, c]));
  return (codeId) => {
    const list: string[] = [];
    const seen = new Set<string>();
    for (let code = byId.get(codeId); code && !seen.has(code.id); code = code.parentId ? byId.get(code.parentId) : undefined) {
      seen.add(code.id);
      list.push(code.id);
    }
    return list;
  };
}

export function pathLabel(data: SelectedData, codeId: string): string {
  return codePath(data.project.codebook, codeId).join(PATH_SEPARATOR);
}

/** A sheet's last row: how its cells count several coders' work. */
function countingRow(counting: Counting, width: number): CellValue[] {
  return [countingStatement(counting), ...new Array<CellValue>(width - 1).fill(null)];
}

/** Codes × documents: passages per cell (see the counting rule), with each code's total and number of documents. */
export function codeByDocumentTable(data: SelectedData, rollUp = false, counting: Counting = 'distinct'): Table {
  const rowKeys = data.codes.map((c) => c.id);
  const columnKeys = data.documents.map((d) => d.id);
  const options = { counting, rowsOf: countedCodes(data, rollUp), ownRow: (codeId: string) => codeId, columnOf: (documentId: string) => documentId };
  const passages = codeTable(data.codings, rowKeys, columnKeys, { ...options, measure: 'segments' });
  const documents = codeTable(data.codings, rowKeys, columnKeys, { ...options, measure: 'documents', counting: 'distinct' });
  const columns: ColumnSpec[] = [
    { header: 'Code', width: 40 },
    ...data.documents.map((d): ColumnSpec => ({ header: d.name, width: 14, type: 'number' })),
    { header: 'Total passages', width: 12, type: 'number' },
    { header: 'Documents', width: 11, type: 'number' },
  ];
  return {
    columns,
    rows: [
      ...data.codes.map((code, r) => [pathLabel(data, code.id), ...passages.cells[r]!, passages.rowTotals[r]!, documents.rowTotals[r]!]),
      ['Total', ...passages.columnTotals, passages.total, documents.total],
      countingRow(counting, columns.length),
    ],
  };
}

/** The distinct values of an attribute among the documents, in a natural order; "(no value)" last. */
export function attributeValues(documents: readonly DocumentMeta[], name: string): string[] {
  const values = new Map<string, AttributeValue>();
  let missing = false;
  for (const doc of documents) {
    const value = doc.attributes[name];
    if (value === null || value === undefined || value === '') missing = true;
    else values.set(String(value), value);
  }
  const sorted = [...values.entries()]
    .sort(([ka, a], [kb, b]) => (typeof a === 'number' && typeof b === 'number' ? a - b : ka.localeCompare(kb, undefined, { numeric: true })))
    .map(([k]) => k);
  return missing ? [...sorted, NO_VALUE] : sorted;
}

/** The column a document falls in for an attribute (see attributeColumnKey); null for a document not found. */
export function attributeKey(doc: DocumentMeta | undefined, name: string): string | null {
  return doc ? attributeColumnKey(doc, name) : null;
}

/**
 * Codes × the values of one document attribute (aspiration × borough): passages per cell (see
 * the counting rule), or with `measure: 'documents'` the number of documents with a coding at
 * the code. A total row, and for documents the number of selected documents with each value.
 */
export function codeByAttributeTable(data: SelectedData, attributeName: string, measure: CountMeasure, rollUp = false, counting: Counting = 'distinct'): Table {
  if (!data.project.attributes.some((a) => a.name === attributeName)) {
    throw new AppError('NOT_FOUND', `There is no document attribute called "${attributeName}".`);
  }
  const values = attributeValues(data.documents, attributeName);
  const columnOfDocument = new Map(data.documents.map((d) => [d.id, attributeKey(d, attributeName)]));
  const matrix = codeTable(
    data.codings,
    data.codes.map((c) => c.id),
    values,
    {
      measure: measure === 'codings' ? 'segments' : 'documents',
      counting: measure === 'codings' ? counting : 'distinct',
      rowsOf: countedCodes(data, rollUp),
      ownRow: (codeId) => codeId,
      columnOf: (documentId) => columnOfDocument.get(documentId) ?? null,
    },
  );
  const unit = measure === 'codings' ? 'passages' : 'documents';
  const width = values.length + 2;
  const rows: CellValue[][] = [
    ...data.codes.map((code, r) => [pathLabel(data, code.id), ...matrix.cells[r]!, matrix.rowTotals[r]!]),
    [`Total ${unit}`, ...matrix.columnTotals, matrix.total],
  ];
  if (measure === 'documents') {
    const perValue = values.map((v) => data.documents.filter((d) => attributeKey(d, attributeName) === v).length);
    rows.push(['Documents with this value', ...perValue, data.documents.length]);
  } else rows.push(countingRow(counting, width));
  return {
    columns: [
      { header: 'Code', width: 40 },
      ...values.map((v): ColumnSpec => ({ header: v, width: Math.max(10, Math.min(24, v.length + 2)), type: 'number' })),
      { header: `Total ${unit}`, width: 12, type: 'number' },
    ],
    rows,
  };
}

/** Code co-occurrence over the codable selected codes (see coOccurrence in shared/export). */
export function coOccurrenceTable(data: SelectedData): Table {
  const codes = data.codes.filter((c) => c.codable);
  const matrix = coOccurrence(data.codings, codes.map((c) => c.id));
  const labels = codes.map((c) => pathLabel(data, c.id));
  return {
    columns: [{ header: 'Code', width: 40 }, ...labels.map((l): ColumnSpec => ({ header: l, width: 14, type: 'number' }))],
    rows: codes.map((_, r) => [labels[r]!, ...matrix[r]!]),
  };
}
