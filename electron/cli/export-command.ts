import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementMode } from '../../shared/api/contract';
import { systemDeps } from '../services/deps';
import type { ExportSelection } from '../services/export/coded-data';
import { runExport } from '../services/export/export-job';
import type { ExportJob, ExportProgress } from '../services/export/export-job';
import { ProjectStore } from '../services/project/project-store';
import { outsideProject } from './output-path';
import { writeOutputFile } from '../services/export/output-file';
import { codeIdsNamed, coderIdsNamed, documentIdsNamed, listed, whereFilter } from './project-names';

const formats = ['xlsx', 'csv', 'qdpx', 'qdc', 'report'] as const;
const sheetChoices = ['per-code', 'agreement'] as const;
const modes: Record<string, AgreementMode> = { char: 'character', character: 'character', unitized: 'unitized', segment: 'segment', presence: 'presence' };
/** Attributes the app's export dialog crosses the codes with by default, when the project has them. */
const USUAL_CROSSINGS = ['Stakeholder group', 'Borough'];

const options = {
  xlsx: { type: 'string' },
  csv: { type: 'string' },
  qdpx: { type: 'string' },
  qdc: { type: 'string' },
  report: { type: 'string' },
  force: { type: 'boolean' },
  codes: { type: 'string', multiple: true },
  coders: { type: 'string', multiple: true },
  documents: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  columns: { type: 'string' },
  cross: { type: 'string' },
  'no-roll-up': { type: 'boolean' },
  'per-coder': { type: 'boolean' },
  'all-documents': { type: 'boolean' },
  sheets: { type: 'string' },
  'agreement-coders': { type: 'string' },
  'agreement-mode': { type: 'string' },
  offsets: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>>['values'];

/** Names an option gives, or 'all' when it is absent, or [] for "none". */
function namesOrAll(value: string | undefined): string[] | 'all' {
  if (value === undefined) return 'all';
  return value.trim().toLowerCase() === 'none' ? [] : listed([value]);
}

function selectionFrom(store: ProjectStore, values: Values, usageError: (m: string) => Error): ExportSelection {
  const { codebook, coders, documents } = store.data;
  const codes = listed(values.codes, (v) => codebook.some((c) => c.name === v));
  const coderNames = listed(values.coders, (v) => coders.some((c) => c.name === v));
  const documentNames = listed(values.documents, (v) => documents.some((d) => d.name === v));
  return {
    codeIds: codes.length ? codeIdsNamed(codebook, codes) : null,
    coderIds: coderNames.length ? coderIdsNamed(coders, coderNames) : null,
    documentIds: documentNames.length ? documentIdsNamed(documents, documentNames) : null,
    attributes: whereFilter(store.data, values.where ?? [], usageError),
  };
}

function workbookJob(store: ProjectStore, values: Values, selection: ExportSelection, usageError: (m: string) => Error): ExportJob {
  const sheets = listed(values.sheets ? [values.sheets] : []);
  const unknown = sheets.filter((s) => !(sheetChoices as readonly string[]).includes(s));
  if (unknown.length) throw usageError(`--sheets: unknown sheet "${unknown[0]}" (choose from ${sheetChoices.join(', ')})`);
  let agreement: { coderIds: string[]; mode: AgreementMode; allDocuments: boolean } | null = null;
  if (sheets.includes('agreement')) {
    const pair = listed(values['agreement-coders'] ? [values['agreement-coders']] : []);
    if (pair.length !== 2) throw usageError('--sheets agreement needs --agreement-coders with two coders, e.g. --agreement-coders "Amara Okafor,Tom Reilly"');
    const mode = modes[values['agreement-mode'] ?? 'char'];
    if (!mode) throw usageError(`unknown --agreement-mode "${values['agreement-mode']}" (choose char, unitized, segment or presence)`);
    agreement = { coderIds: coderIdsNamed(store.data.coders, pair, '--agreement-coders'), mode, allDocuments: values['all-documents'] === true };
  }
  const attributes = store.data.attributes.map((a) => a.name);
  const cross = namesOrAll(values.cross);
  return {
    format: 'xlsx',
    selection,
    workbook: {
      attributeColumns: namesOrAll(values.columns),
      crossAttributes: cross === 'all' ? USUAL_CROSSINGS.filter((name) => attributes.includes(name)) : cross,
      rollUp: !values['no-roll-up'],
      counting: values['per-coder'] ? 'perCoder' : 'distinct',
      sheetPerCode: sheets.includes('per-code'),
      agreement,
    },
  };
}

function jobFrom(store: ProjectStore, format: (typeof formats)[number], values: Values, usageError: (m: string) => Error): ExportJob {
  if (format === 'qdpx' || format === 'qdc') {
    const narrowing = ['codes', 'coders', 'documents', 'where', 'columns', 'cross', 'sheets'].filter((o) => values[o as keyof Values] !== undefined);
    if (narrowing.length) throw usageError(`--${narrowing[0]} does not apply to --${format}: a REFI-QDA export holds the whole ${format === 'qdpx' ? 'project' : 'codebook'}`);
    if (format === 'qdc') return { format };
    const offsets = values.offsets ?? 'standard';
    if (offsets !== 'standard' && offsets !== 'utf16') throw usageError(`--offsets must be standard or utf16 (for NVivo), not "${offsets}"`);
    return { format, offsets };
  }
  if (values.offsets !== undefined) throw usageError('--offsets applies to --qdpx only');
  const selection = selectionFrom(store, values, usageError);
  if (format === 'csv') return { format, selection, attributeColumns: namesOrAll(values.columns) };
  if (format === 'report') {
    const workbookOnly = ['columns', 'cross', 'sheets'].find((o) => values[o as keyof Values] !== undefined);
    if (workbookOnly) throw usageError(`--${workbookOnly} does not apply to --report`);
    return { format, selection };
  }
  return workbookJob(store, values, selection, usageError);
}

/** Progress on stderr once an export has taken a second: rewritten in place on a terminal, a line a second otherwise. */
function progressOnStderr(): ExportProgress {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let shown = 0;
  let last = '';
  return (done, total, stage) => {
    const now = Date.now();
    if (now - started < 1000 || now - shown < (tty ? 200 : 1000)) return;
    const line = `${stage}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
    if (line === last) return;
    shown = now;
    last = line;
    process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function exportCommand(args: string[], usageError: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  if (positionals.length !== 1) throw usageError('expected one project folder');
  const chosen = formats.filter((f) => values[f] !== undefined);
  if (chosen.length !== 1) throw usageError('choose one format: --xlsx FILE, --csv FILE, --qdpx FILE, --qdc FILE or --report FILE.html');
  const format = chosen[0]!;
  // The report is an HTML page: under another name (a .pdf above all) it opens as a broken file.
  if (format === 'report' && !/\.html?$/i.test(values.report!)) throw usageError(`--report "${values.report}": the coding report is an HTML page; name it .html or .htm (a browser prints it to PDF)`);
  const started = performance.now();
  // Reading only: no lock, so it works while the project is open in the app.
  const store = await ProjectStore.open(resolve(positionals[0]!), systemDeps, { access: 'read' });
  const target = await outsideProject(store.dir, values[format]!);
  const job = jobFrom(store, format, values, usageError);
  const progress = progressOnStderr();
  const { result, bytes } = await writeOutputFile(target, values.force ?? false, (stream) => runExport(store, job, stream, progress));
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const notes = result.notes.length ? `; ${result.notes.length} note${result.notes.length === 1 ? '' : 's'} on what had to be cut or renamed, in its Notes sheet` : '';
  console.log(`Wrote ${target}: ${result.contents} (${megabytes(bytes)}, ${seconds} s)${notes}.`);
  return 0;
}
