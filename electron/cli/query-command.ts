import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { plural } from '../../shared/text/plural';
import { QueryError, formatQueryError, runQuery } from '../../shared/query';
import type { QueryResult } from '../../shared/query';
import { attributeCell } from '../services/export/coded-segments';
import { workbookBytes } from '../services/export/workbook';
import type { SheetSpec } from '../services/export/workbook';
import { systemDeps } from '../services/deps';
import { ProjectStore } from '../services/project/project-store';
import { projectView } from '../services/project/project-view';
import type { AttributeDef, DocumentMeta } from '../../shared/domain/schemas';

function summary(result: QueryResult): string {
  const { passages, documentsWithPassages, documentsSearched, characters } = result;
  if (passages.length === 0) return `No passages found in ${plural(documentsSearched, 'document')}.`;
  return `${plural(passages.length, 'passage')} in ${documentsWithPassages} of ${plural(documentsSearched, 'document')} (${plural(characters, 'character')}).`;
}

/** Each passage under a line naming where it is, the passage marked «» in its context. */
function printPassages(result: QueryResult): string {
  const indent = (text: string) => text.replace(/\n/g, '\n    ');
  return result.passages
    .map((p) => `${[p.document, p.speaker, `characters ${p.start}–${p.end}`].filter(Boolean).join(' · ')}\n    ${indent(`${p.before}«${p.text}»${p.after}`)}`)
    .join('\n\n');
}

/** The passages and the query as a workbook: one row per passage with its document's attributes. */
function resultSheets(result: QueryResult, query: string, attributes: readonly AttributeDef[], documents: readonly DocumentMeta[]): SheetSpec[] {
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
        ['Result', summary(result)],
      ],
    },
  ];
}

export async function queryCommand(args: string[], usageError: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, xlsx: { type: 'string' } } });
  if (positionals.length !== 2) throw usageError('expected a project folder and one query (in quotes)');
  if (values.json && values.xlsx) throw usageError('choose --json or --xlsx, not both');
  const [project, query] = positionals as [string, string];
  // Reading only: no lock, so it works while the project is open in the app.
  const store = await ProjectStore.open(resolve(project), systemDeps, { access: 'read' });
  let result: QueryResult;
  try {
    result = await runQuery(projectView(store), query);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    console.error(`marginalia query: the query cannot be run.\n${formatQueryError(query, err)}`);
    return 2;
  }
  if (values.json) {
    console.log(JSON.stringify({ query, ...result }, null, 2));
  } else if (values.xlsx) {
    const out = resolve(values.xlsx);
    const workbook = await workbookBytes(resultSheets(result, query, store.data.attributes, store.data.documents));
    await writeFile(out, workbook.bytes);
    console.log(`${summary(result)}\nWrote ${out}${workbook.notes.length ? `\n${workbook.notes.join('\n')}` : ''}`);
  } else {
    console.log(`Query: ${result.understood}\n${summary(result)}${result.passages.length ? `\n\n${printPassages(result)}` : ''}`);
  }
  return 0;
}
