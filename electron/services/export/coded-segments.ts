import type { CoderCoding } from '../../../shared/api/contract';
import { codePath } from '../../../shared/domain/codebook';
import type { AttributeDef, AttributeValue } from '../../../shared/domain/schemas';
import { pagesAt, speakerAt } from '../../../shared/text/context';
import { extensionOf } from '../../../shared/import/formats';
import type { ProjectStore } from '../project/project-store';
import { PATH_SEPARATOR, pathLabel } from './coded-data';
import type { SelectedData, Table } from './coded-data';
import type { CellValue, ColumnSpec } from './workbook';

/**
 * The coded segments of a selection, one row per coding with its text, speaker and
 * document attributes, made document by document as an export writes them (each document is
 * read once and nothing is kept), and the memos, which show the coded text they are about.
 */

export interface CodedSegmentRow {
  codingId: string;
  documentId: string;
  document: string;
  attributes: Record<string, AttributeValue>;
  speaker: string | null;
  /** The PDF page(s) of the passage ("3", "3–4"); null for documents without pages. */
  page: string | null;
  codeId: string;
  code: string;
  codePath: string;
  topLevelCode: string;
  coderId: string;
  coder: string;
  /** [start, end) in UTF-16 units of the document's text, as everywhere in Marginalia. */
  start: number;
  end: number;
  text: string;
  /** The coding's memos, joined; another coder's memo is prefixed with their name. */
  memo: string;
  created: Date;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date attribute's value as a local-midnight Date (shown as that day in Excel), or null. */
export function attributeDate(value: string): Date | null {
  const match = isoDate.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** An attribute value as a cell: numbers as numbers, dates as dates, anything unexpected as written. */
export function attributeCell(def: AttributeDef, value: AttributeValue | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (def.type === 'number' && typeof value === 'number') return value;
  if (def.type === 'date' && typeof value === 'string') return attributeDate(value) ?? value;
  return String(value);
}

function attributeColumn(def: AttributeDef): ColumnSpec {
  return { header: def.name, width: def.type === 'text' ? 18 : 12, type: def.type === 'text' ? 'text' : def.type };
}

/** One row per coding, in the selection's order; `onDocument` after each document. */
export async function* codedSegments(
  store: ProjectStore,
  data: SelectedData,
  onDocument?: (done: number, total: number) => void,
): AsyncGenerator<CodedSegmentRow> {
  const { codebook } = data.project;
  const paths = new Map(
    data.codes.map((c) => {
      const path = codePath(codebook, c.id);
      return [c.id, { code: path[path.length - 1]!, path: path.join(PATH_SEPARATOR), top: path[0]! }];
    }),
  );
  const coderNames = new Map(data.project.coders.map((c) => [c.id, c.name]));
  const byDocument = new Map<string, CoderCoding[]>();
  for (const coding of data.codings) {
    const list = byDocument.get(coding.documentId);
    if (list) list.push(coding);
    else byDocument.set(coding.documentId, [coding]);
  }
  let done = 0;
  for (const doc of data.documents) {
    const codings = byDocument.get(doc.id);
    if (codings) {
      const { text, turns } = await store.readSource(doc.id);
      for (const c of codings) {
        const path = paths.get(c.codeId)!;
        const memos = data.codingMemos.get(c.id);
        yield {
          codingId: c.id,
          documentId: doc.id,
          document: doc.name,
          attributes: doc.attributes,
          speaker: speakerAt(turns, c.start),
          page: pagesAt(turns, c.start, c.end),
          codeId: c.codeId,
          code: path.code,
          codePath: path.path,
          topLevelCode: path.top,
          coderId: c.coderId,
          coder: coderNames.get(c.coderId) ?? c.coderId,
          start: c.start,
          end: c.end,
          text: text.slice(c.start, c.end),
          memo: memos ? memos.map((m) => (m.coderId === c.coderId ? m.text : `${m.author}: ${m.text}`)).join('\n\n') : '',
          created: new Date(c.createdAt),
        };
      }
    }
    onDocument?.(++done, data.documents.length);
  }
}

/** Whether the coded segments carry a Page column: when a document chosen came from a PDF. */
export function withPages(data: Pick<SelectedData, 'documents'>): boolean {
  return data.documents.some((d) => extensionOf(d.importedFrom) === '.pdf');
}

/** The coded-segment columns: document, each chosen attribute, speaker, (page,) code…, created. */
export function segmentColumns(attributes: readonly AttributeDef[], pages: boolean): ColumnSpec[] {
  return [
    { header: 'Document', width: 28 },
    ...attributes.map(attributeColumn),
    { header: 'Speaker', width: 16 },
    ...(pages ? [{ header: 'Page', width: 8 }] : []),
    { header: 'Code', width: 24 },
    { header: 'Code path', width: 36 },
    { header: 'Top-level code', width: 24 },
    { header: 'Coder', width: 16 },
    { header: 'Start', width: 8, type: 'number' },
    { header: 'End', width: 8, type: 'number' },
    { header: 'Coded text', width: 80 },
    { header: 'Memo', width: 40 },
    { header: 'Created', width: 17, type: 'datetime' },
  ];
}

/** A coded segment's cells, in segmentColumns' order; a document's attribute cells are made once for all its segments. */
export function segmentCells(attributes: readonly AttributeDef[], pages: boolean): (row: CodedSegmentRow) => CellValue[] {
  let documentId: string | null = null;
  let attributeCells: CellValue[] = [];
  return (r) => {
    if (r.documentId !== documentId) {
      documentId = r.documentId;
      attributeCells = attributes.map((a) => attributeCell(a, r.attributes[a.name]));
    }
    return [r.document, ...attributeCells, r.speaker, ...(pages ? [r.page] : []), r.code, r.codePath, r.topLevelCode, r.coder, r.start, r.end, r.text, r.memo, r.created];
  };
}

/** The selection's memos: author, what they are about, and the text of a coded passage (by coding id). */
export function memoTable(data: SelectedData, codedText: ReadonlyMap<string, string>): Table {
  const docs = new Map(data.project.documents.map((d) => [d.id, d.name]));
  const memoTargets = new Set(data.memos.flatMap((m) => (m.target.type === 'coding' ? [m.target.id] : [])));
  const codingById = new Map(data.codings.filter((c) => memoTargets.has(c.id)).map((c) => [c.id, c]));
  const order = { project: 0, document: 1, code: 2, coding: 3 };
  const memos = [...data.memos].sort((a, b) => order[a.target.type] - order[b.target.type] || a.createdAt.localeCompare(b.createdAt));
  return {
    columns: [
      { header: 'About', width: 12 },
      { header: 'Document', width: 28 },
      { header: 'Code', width: 36 },
      { header: 'Coded text', width: 50 },
      { header: 'Memo', width: 80 },
      { header: 'Author', width: 16 },
      { header: 'Created', width: 17, type: 'datetime' },
      { header: 'Updated', width: 17, type: 'datetime' },
    ],
    rows: memos.map((m) => {
      let document: string | null = null;
      let code: string | null = null;
      let text: string | null = null;
      const target = m.target;
      if (target.type === 'document') document = docs.get(target.id) ?? null;
      if (target.type === 'code') code = pathLabel(data, target.id);
      if (target.type === 'coding') {
        const coding = codingById.get(target.id);
        document = coding ? (docs.get(coding.documentId) ?? null) : null;
        code = coding ? pathLabel(data, coding.codeId) : null;
        text = codedText.get(target.id) ?? null;
      }
      const about = { project: 'Project', document: 'Document', code: 'Code', coding: 'Coded passage' }[target.type];
      return [about, document, code, text, m.text, m.author, new Date(m.createdAt), new Date(m.updatedAt)];
    }),
  };
}
