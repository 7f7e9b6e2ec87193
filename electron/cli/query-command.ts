import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QueryError, formatQueryError, querySummary, runQuery } from '../../shared/query';
import type { QueryResult } from '../../shared/query';
import { querySheets } from '../services/export/query-sheets';
import { workbookBytes } from '../services/export/workbook';
import { systemDeps } from '../services/deps';
import { ProjectStore } from '../services/project/project-store';
import { projectView } from '../services/project/project-view';

/** Each passage under a line naming where it is, the passage marked «» in its context. */
function printPassages(result: QueryResult): string {
  const indent = (text: string) => text.replace(/\n/g, '\n    ');
  return result.passages
    .map((p) => `${[p.document, p.speaker, `characters ${p.start}–${p.end}`].filter(Boolean).join(' · ')}\n    ${indent(`${p.before}«${p.text}»${p.after}`)}`)
    .join('\n\n');
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
    const workbook = await workbookBytes(querySheets(result, query, store.data.attributes, store.data.documents));
    await writeFile(out, workbook.bytes);
    console.log(`${querySummary(result)}\nWrote ${out}${workbook.notes.length ? `\n${workbook.notes.join('\n')}` : ''}`);
  } else {
    console.log(`Query: ${result.understood}\n${querySummary(result)}${result.passages.length ? `\n\n${printPassages(result)}` : ''}`);
  }
  return 0;
}
