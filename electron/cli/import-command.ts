import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportItemOptions } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { textEncodings } from '../../shared/text/encodings';
import type { TextEncodingName } from '../../shared/text/encodings';
import { systemDeps } from '../services/deps';
import { runImport } from '../services/import/import-service';
import { StagingArea } from '../services/import/staging';
import { ProjectStore } from '../services/project/project-store';
import { ProjectSession, scriptUser } from '../services/workbench/project-session';

const speakerChoices = ['auto', 'none', 'colon', 'bracket', 'dash'] as const;
const coderFromChoices = ['selection', 'coding'] as const;
/** Names people type for the encodings, besides Marginalia's own (textEncodings). */
const encodingAliases: Record<string, TextEncodingName> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  cp1252: 'windows-1252',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'mac-roman': 'macintosh',
  macroman: 'macintosh',
};

function encodingFrom(name: string | undefined, usageError: (m: string) => Error): TextEncodingName | undefined {
  if (name === undefined) return undefined;
  const key = name.trim().toLowerCase();
  const found = (textEncodings as readonly string[]).includes(key) ? (key as TextEncodingName) : encodingAliases[key];
  if (!found) throw usageError(`--encoding must be one of ${textEncodings.join(', ')}`);
  return found;
}

function optionsFrom(values: Record<string, string | boolean | undefined>, usageError: (m: string) => Error): ImportItemOptions {
  const speakers = (values.speakers as string | undefined) ?? 'auto';
  if (!(speakerChoices as readonly string[]).includes(speakers)) throw usageError(`--speakers must be one of ${speakerChoices.join(', ')}`);
  const sheet = values.sheet as string | undefined;
  const columns = ((values['text-columns'] as string | undefined) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const coderFrom = (values['coder-from'] as string | undefined) ?? 'selection';
  if (!(coderFromChoices as readonly string[]).includes(coderFrom)) throw usageError(`--coder-from must be one of ${coderFromChoices.join(', ')}`);
  const encoding = encodingFrom(values.encoding as string | undefined, usageError);
  const options: ImportItemOptions = {
    speakers: speakers as ImportItemOptions['speakers'],
    ...(encoding && { encoding }),
    refi: { coderFrom: coderFrom as 'selection' | 'coding' },
    ...(values['split-long-lines'] && { splitLongLines: true }),
  };
  if (values['attribute-table']) {
    const nameColumn = values['match-column'] as string | undefined;
    if (!nameColumn) throw usageError('--attribute-table needs --match-column, the column holding document names');
    options.attributeTable = { nameColumn, ...(sheet && { sheet }) };
  } else if (columns.length) {
    const groupColumn = values['group-by'] as string | undefined;
    const nameColumn = values['name-column'] as string | undefined;
    options.spreadsheet = { textColumns: columns, mode: groupColumn ? 'group' : 'row', ...(groupColumn && { groupColumn }), ...(nameColumn && { nameColumn }), ...(sheet && { sheet }) };
  }
  return options;
}

export async function importCommand(args: string[], usageError: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      speakers: { type: 'string' },
      'text-columns': { type: 'string' },
      'group-by': { type: 'string' },
      'name-column': { type: 'string' },
      sheet: { type: 'string' },
      'attribute-table': { type: 'boolean' },
      'match-column': { type: 'string' },
      'coder-from': { type: 'string' },
      'split-long-lines': { type: 'boolean' },
      encoding: { type: 'string' },
    },
  });
  const [project, ...files] = positionals;
  if (!project || files.length === 0) throw usageError('expected a project folder and at least one file');
  const options = optionsFrom(values, usageError);
  // An import changes the project: it takes the project's lock like a window does, and will
  // not write into a project that a running Marginalia holds.
  const store = await ProjectStore.open(resolve(project), systemDeps, { app: 'cli' });
  if (store.readOnly) {
    await store.close();
    throw new AppError('READ_ONLY', `nothing was imported. ${store.readOnly.reason}`);
  }
  try {
    return await importInto(store, files, options);
  } finally {
    await store.close();
  }
}

async function importInto(store: ProjectStore, files: string[], options: ImportItemOptions): Promise<number> {
  const session = new ProjectSession(store, scriptUser, systemDeps);
  const staging = new StagingArea();
  const { results } = await runImport(
    session,
    files.map((path) => ({ file: () => staging.read({ path: resolve(path) }), options })),
  );
  for (const result of results) {
    console.log(`${result.status.padEnd(8)} ${result.fileName}: ${result.message}`);
    for (const line of result.details) console.log(`         - ${line}`);
  }
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}
