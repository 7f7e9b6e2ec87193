import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import type { SavedQuery } from '../../shared/domain/schemas';
import { QueryError, formatQueryError, querySummary, runQuery } from '../../shared/query';
import type { QueryResult } from '../../shared/query';
import { writeOutputFile } from '../services/export/output-file';
import { querySheets } from '../services/export/query-sheets';
import { writeWorkbook } from '../services/export/workbook';
import { systemDeps } from '../services/deps';
import { ProjectStore } from '../services/project/project-store';
import { projectView } from '../services/project/project-view';
import { outsideProject } from './output-path';

const options = { json: { type: 'boolean' }, xlsx: { type: 'string' }, force: { type: 'boolean' }, saved: { type: 'string' } } as const;

/** Each passage under a line naming where it is, the passage marked «» in its context. */
function printPassages(result: QueryResult): string {
  const indent = (text: string) => text.replace(/\n/g, '\n    ');
  return result.passages
    .map((p) => `${[p.document, p.speaker, `characters ${p.start}–${p.end}`].filter(Boolean).join(' · ')}\n    ${indent(`${p.before}«${p.text}»${p.after}`)}`)
    .join('\n\n');
}

/** The text of a query saved in the project, found by name in any case. */
function savedQuery(queries: readonly SavedQuery[], name: string): string {
  const found = queries.find((q) => q.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
  if (found) return found.query;
  const names = queries.map((q) => `"${q.name}"`).join(', ');
  throw new AppError('NOT_FOUND', `there is no saved query "${name}" (${names ? `saved: ${names}` : 'the project has no saved queries'}).`);
}

export async function queryCommand(args: string[], usageError: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const { saved, xlsx, json, force } = values;
  if (saved !== undefined && positionals.length === 2) throw usageError('give a query or --saved NAME, not both');
  if (positionals.length !== (saved === undefined ? 2 : 1)) throw usageError('expected a project folder and one query (in quotes), or --saved NAME');
  if (saved?.trim() === '') throw usageError('--saved needs the name of a saved query');
  // An empty value would otherwise pass for no option at all.
  if (xlsx === '') throw usageError('--xlsx needs a file name');
  if (json && xlsx !== undefined) throw usageError('choose --json or --xlsx, not both');
  if (force && xlsx === undefined) throw usageError('--force applies to --xlsx only');
  // Reading only: no lock, so it works while the project is open in the app.
  const store = await ProjectStore.open(resolve(positionals[0]!), systemDeps, { access: 'read' });
  const query = saved === undefined ? positionals[1]! : savedQuery(store.data.queries, saved);
  const out = xlsx === undefined ? null : await outsideProject(store.dir, xlsx);
  let result: QueryResult;
  try {
    result = await runQuery(projectView(store), query);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    console.error(`marginalia query: the query cannot be run.\n${formatQueryError(query, err)}`);
    return 2;
  }
  if (json) {
    console.log(JSON.stringify({ query, ...result }, null, 2));
  } else if (out) {
    const sheets = querySheets(result, query, store.data.attributes, store.data.documents);
    const { result: workbook } = await writeOutputFile(out, force ?? false, (stream) => writeWorkbook(sheets, stream));
    console.log(`${querySummary(result)}\nWrote ${out}${workbook.notes.length ? `\n${workbook.notes.join('\n')}` : ''}`);
  } else {
    console.log(`Query: ${result.understood}\n${querySummary(result)}${result.passages.length ? `\n\n${printPassages(result)}` : ''}`);
  }
  return 0;
}
