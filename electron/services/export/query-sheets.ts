import { querySummary } from '../../../shared/query/summary';
import type { QueryResult } from '../../../shared/query';
import type { AttributeDef, DocumentMeta } from '../../../shared/domain/schemas';
import { attributeCell } from './coded-segments';
import type { SheetSpec } from './workbook';

/**
 * A coding query's passages as a workbook: one row per passage with its document's attributes,
 * then the query as written and as understood. What `marginalia query --xlsx` and the app's
 * query view export (export-job.ts).
 */
export function querySheets(result: QueryResult, query: string, attributes: readonly AttributeDef[], documents: readonly DocumentMeta[]): SheetSpec[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return [
    {
      name: 'Passages',
      columns: [
        { header: 'Document', width: 28 },
        ...attributes.map((a) => ({ header: a.name, width: a.type === 'text' ? 18 : 12, type: a.type === 'text' ? ('text' as const) : a.type })),
        { header: 'Speaker', width: 16 },
        { header: 'Start', width: 8, type: 'number' },
        { header: 'End', width: 8, type: 'number' },
        { header: 'Passage', width: 80 },
        { header: 'Before', width: 40 },
        { header: 'After', width: 40 },
      ],
      rows: result.passages.map((p) => [
        p.document,
        ...attributes.map((a) => attributeCell(a, byId.get(p.documentId)?.attributes[a.name])),
        p.speaker,
        p.start,
        p.end,
        p.text,
        p.before,
        p.after,
      ]),
    },
    {
      name: 'Query',
      columns: [{ header: 'Query', width: 30 }, { header: 'Value', width: 100 }],
      rows: [
        ['Query as written', query],
        ['Query as understood', result.understood],
        ['Result', querySummary(result)],
      ],
    },
  ];
}
