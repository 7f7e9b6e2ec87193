import type { ChangeResult, ImportInspection, ImportItemOptions, ImportResult } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { isEmptyPatch, joinPatches } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import type { OperationContext } from '../../../shared/operations/context';
import { addDocuments } from '../../../shared/operations/document-ops';
import type { TextEncodingName } from '../../../shared/text/encodings';
import { longestLine } from '../../../shared/text/long-lines';
import { plural } from '../../../shared/text/plural';
import { hashText, planSource } from '../project/source-files';
import type { PlannedSource } from '../project/source-files';
import type { ProjectStore } from '../project/project-store';
import type { ProjectSession } from '../workbench/project-session';
import { PREVIEW_TURN_CHARS, extensionOf } from '../../../shared/import/formats';
import { parseDocumentFile, previewSpeakers } from './parse-document';
import { inspectRefiProject, planRefiProject } from './refi/import-refi';
import { planRefiCodebook } from './refi/plan-codebook';
import { readRefiFile } from './refi/refi-file';
import type { RefiFile } from './refi/refi-file';
import { attributeTablePatch, attributeTableUpdates, fitAttributeValues, withoutEmpty } from './spreadsheet-attributes';
import { tableToDocuments } from './spreadsheet-documents';
import { inspectTable } from './spreadsheet-sheets';
import type { Table } from './spreadsheet-types';
import { readTable, spreadsheetExtensions } from './spreadsheet-read';
import { ImportError } from './types';
import type { ParsedDocument, SourceFile } from './types';

export type ImportKind = 'document' | 'spreadsheet' | 'refi-project' | 'refi-codebook';

export function importKind(fileName: string): ImportKind {
  const ext = extensionOf(fileName);
  if ((spreadsheetExtensions as readonly string[]).includes(ext)) return 'spreadsheet';
  if (ext === '.qdpx') return 'refi-project';
  if (ext === '.qdc') return 'refi-codebook';
  return 'document';
}

function duplicateOf(store: ProjectStore, text: string): string | null {
  const hash = hashText(text);
  return store.data.documents.find((d) => d.hash === hash)?.name ?? null;
}

/** What a file holds before importing it: the speaker turns found, or a spreadsheet's columns. */
export async function inspectFile(session: ProjectSession, file: SourceFile, encoding?: TextEncodingName): Promise<ImportInspection> {
  const kind = importKind(file.name);
  if (kind === 'spreadsheet') {
    const table = await readTable(file, { ...(encoding && { encoding }) });
    return { fileName: file.name, kind, spreadsheet: inspectTable(table) };
  }
  if (kind === 'refi-project') return { fileName: file.name, kind, refi: await inspectRefiProject(session.context(), file) };
  if (kind !== 'document') return { fileName: file.name, kind };
  const doc = await parseDocumentFile(file, { speakers: 'auto', ...(encoding && { encoding }) });
  const preview = previewSpeakers(doc.text);
  return {
    fileName: file.name,
    kind,
    document: {
      name: doc.name,
      characters: doc.text.length,
      longestLine: longestLine(doc.text),
      speakerPattern: preview.pattern,
      encoding: doc.encoding ?? null,
      turns: preview.turns.map((t) => ({ speaker: t.speaker, text: doc.text.slice(t.start, Math.min(t.end, t.start + PREVIEW_TURN_CHARS)) })),
      duplicateOf: duplicateOf(session.store, doc.text),
    },
  };
}

/** A file read and checked, not yet planned into the project. */
export type ReadImport =
  | { kind: 'documents'; file: SourceFile; documents: ParsedDocument[]; details: string[]; table?: { defs: Parameters<typeof fitAttributeValues>[1] } }
  | { kind: 'attribute-table'; file: SourceFile; table: Table; options: NonNullable<ImportItemOptions['attributeTable']> }
  | { kind: 'refi-project' | 'refi-codebook'; file: SourceFile; refi: RefiFile; options: ImportItemOptions };

/** What importing one file will do: its result line, its part of the import's patch, the transcripts to write. */
export interface ImportPlan {
  result: ImportResult;
  patch: Patch | null;
  sources: PlannedSource[];
}

/** Reads and checks a file (the slow part, done before the project is touched); throws ImportError or AppError. */
export async function readImport(file: SourceFile, options: ImportItemOptions): Promise<ReadImport> {
  const kind = importKind(file.name);
  if (kind === 'refi-project' || kind === 'refi-codebook') {
    return { kind, file, refi: await readRefiFile(file, kind === 'refi-project' ? 'project' : 'codebook'), options };
  }
  if (kind === 'document') {
    const read = { speakers: options.speakers ?? 'auto', ...(options.encoding && { encoding: options.encoding }), ...(options.splitLongLines && { splitLongLines: true }) };
    return { kind: 'documents', file, documents: [await parseDocumentFile(file, read)], details: [] };
  }
  const table = await readTable(file, { ...(options.encoding && { encoding: options.encoding }) });
  if (options.attributeTable) return { kind: 'attribute-table', file, table, options: options.attributeTable };
  if (!options.spreadsheet) throw new ImportError(file.name, 'is a spreadsheet: choose which column holds the text before importing it.');
  const { documents, attributes, skipped } = tableToDocuments(table, { ...options.spreadsheet, fileName: file.name });
  const details = skipped.map((s) => `Row ${s.row}: ${s.reason === 'no text' ? 'no text in the chosen columns' : 'no group value'}.`);
  return { kind: 'documents', file, documents, details, table: { defs: attributes } };
}

function failed(fileName: string, message: string): ImportPlan {
  return { result: { fileName, status: 'failed', documents: [], message, details: [] }, patch: null, sources: [] };
}

/** Documents to add, leaving out texts the project (or this import) already has. */
function planDocuments(ctx: OperationContext, read: Extract<ReadImport, { kind: 'documents' }>): ImportPlan {
  const { file } = read;
  const fitted = read.table ? fitAttributeValues(ctx.project.attributes, read.table.defs, read.documents.map((d) => d.attributes)) : null;
  const known = new Map(ctx.project.documents.map((d) => [d.hash, d.name]));
  const sources: PlannedSource[] = [];
  const duplicates: string[] = [];
  const importedAt = ctx.now();
  read.documents.forEach((doc, i) => {
    const hash = hashText(doc.text);
    const existing = known.get(hash);
    if (existing) {
      duplicates.push(`${doc.name} has the same text as "${existing}", already imported.`);
      return;
    }
    known.set(hash, doc.name);
    const attributes = withoutEmpty(fitted ? fitted.valueSets[i]! : doc.attributes);
    sources.push(planSource(ctx.newId(), { ...doc, attributes, importedFrom: file.name }, importedAt));
  });
  if (sources.length === 0) {
    const only = read.documents.length === 1 ? duplicates[0] : undefined;
    const message = only ? `Not imported: ${only}` : 'Not imported: every document in it is already in the project.';
    return { result: { fileName: file.name, status: 'skipped', documents: [], message, details: only ? [] : [...duplicates, ...read.details] }, patch: null, sources: [] };
  }
  const message = `Imported ${plural(sources.length, 'document')}${duplicates.length ? `; ${duplicates.length} already in the project` : ''}.`;
  const patch: Patch = {
    label: `Import ${file.name}`,
    project: { ...addDocuments(ctx, sources.map((s) => s.meta)), ...(fitted?.added.length && { attributes: fitted.added.map((d) => ({ id: d.name, before: null, after: d })) }) },
  };
  return { result: { fileName: file.name, status: 'imported', documents: sources.map((s) => s.meta.name), message, details: [...duplicates, ...read.details] }, patch, sources };
}

function planAttributeTable(ctx: OperationContext, read: Extract<ReadImport, { kind: 'attribute-table' }>): ImportPlan {
  const updates = attributeTableUpdates(read.table, { ...read.options, fileName: read.file.name }, ctx.project.documents);
  const patch = attributeTablePatch(ctx.project, updates, `Import attribute table ${read.file.name}`);
  const details = [
    ...updates.unmatched.map((n) => `No document is named "${n}".`),
    ...updates.ambiguous.map((n) => `"${n}" matches more than one document.`),
    ...updates.duplicates.map((n) => `"${n}" appears more than once in the table.`),
  ];
  const message = `Attribute values set on ${plural(updates.updates.length, 'document')}.`;
  return { result: { fileName: read.file.name, status: 'imported', documents: [], message, details }, patch, sources: [] };
}

function planRefi(ctx: OperationContext, read: Extract<ReadImport, { kind: 'refi-project' | 'refi-codebook' }>): ImportPlan {
  const project = read.kind === 'refi-project';
  const plan = project ? planRefiProject(ctx, read.refi, { mergeOverlaps: read.options.refi?.mergeOverlaps ?? false, coderFrom: read.options.refi?.coderFrom ?? 'selection' }) : planRefiCodebook(ctx, read.refi);
  const c = plan.report.counts;
  const parts = [
    project && `${c.sources} documents`,
    `${c.codes} codes`,
    project && `${c.coders} coders, ${c.codings} codings, ${c.memos} memos`,
    project && c.sets > 0 && plural(c.sets, 'document set'),
  ].filter(Boolean);
  const overlaps = c.codingsOverlapping
    ? [`${plural(c.codingsOverlapping, 'coding')} overlap another coding of the same coder at the same code${read.options.refi?.mergeOverlaps ? ': they were merged' : ': they were kept as the file has them (choose "merge overlapping codings" to join them)'}.`]
    : [];
  const result: ImportResult = {
    fileName: read.file.name,
    status: 'imported',
    documents: plan.report.documents.map((d) => d.name),
    message: `Imported ${parts.join(', ')}${plan.report.notImported.length ? `; ${plan.report.notImported.length} items could not be imported (listed below)` : ''}.`,
    details: [...plan.report.notImported.map((n) => `${n.kind} ${n.name}${n.source ? ` in ${n.source}` : ''}: ${n.reason}`), ...plan.report.warnings, ...overlaps],
  };
  return { result, patch: plan.patch, sources: plan.sources };
}

/** Plans one file read earlier into the project as it stands (the imports planned before it included). */
export function planImport(ctx: OperationContext, read: ReadImport): ImportPlan {
  try {
    if (read.kind === 'documents') return planDocuments(ctx, read);
    if (read.kind === 'attribute-table') return planAttributeTable(ctx, read);
    return planRefi(ctx, read);
  } catch (err) {
    if (err instanceof ImportError) return failed(read.file.name, err.reason);
    if (err instanceof AppError) return failed(read.file.name, err.message);
    throw err;
  }
}

/** Reads a file for import, turning a refusal into a failed result line. */
export async function readForImport(file: SourceFile, options: ImportItemOptions): Promise<ReadImport | ImportPlan> {
  try {
    return await readImport(file, options);
  } catch (err) {
    if (err instanceof ImportError) return failed(file.name, err.reason);
    if (err instanceof AppError) return failed(file.name, err.message);
    throw err;
  }
}

/** One file of an import run: how to get its bytes (staged upload, a path), and how to import it. */
export interface ImportItem {
  file: () => Promise<SourceFile>;
  options: ImportItemOptions;
}

export interface ImportHooks {
  onProgress?: (done: number, total: number, fileName: string) => void;
  /** Runs the planning and saving one change at a time with the others (the backend's write queue). */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Imports files as one change. Every file is read and checked first (each fails alone, with its
 * reason); then everything that can be imported is planned and applied as one patch: one
 * undoable step, all or nothing if the computer stops.
 */
export async function runImport(session: ProjectSession, items: readonly ImportItem[], hooks: ImportHooks = {}): Promise<{ results: ImportResult[]; change: ChangeResult | null }> {
  session.store.assertWritable();
  const reads: (ReadImport | ImportPlan)[] = [];
  for (const [i, item] of items.entries()) {
    try {
      const file = await item.file();
      hooks.onProgress?.(i, items.length, file.name);
      reads.push(await readForImport(file, item.options));
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      reads.push(failed(err.file, err.reason));
    }
  }
  const exclusive = hooks.exclusive ?? ((work) => work());
  return exclusive(async () => {
    const plans = session.planTogether(reads.map((read) => (ctx: OperationContext) => ('result' in read ? read : planImport(ctx, read))));
    hooks.onProgress?.(items.length, items.length, '');
    const patches = plans.flatMap((p) => (p.patch && !isEmptyPatch(p.patch) ? [p.patch] : []));
    const results = plans.map((p) => p.result);
    if (patches.length === 0) return { results, change: null };
    const label = patches.length === 1 ? patches[0]!.label : `Import ${plural(patches.length, 'file')}`;
    // The documents added, in import order: the UI opens the first once the import is done.
    const added = patches.flatMap((p) => (p.project?.documents ?? []).filter((c) => c.before === null).map((c) => c.id));
    const change = await session.change(joinPatches(label, patches), added, plans.flatMap((p) => p.sources));
    return { results, change };
  });
}
