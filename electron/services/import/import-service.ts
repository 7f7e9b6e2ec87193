import type { ImportInspection, ImportItemOptions, ImportResult } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ProjectStore } from '../project/project-store';
import { hashText } from '../project/project-store';
import type { ProjectSession } from '../workbench/project-session';
import { PREVIEW_TURN_CHARS, extensionOf } from '../../../shared/import/formats';
import { parseDocumentFile, previewSpeakers } from './parse-document';
import { importRefiCodebook, importRefiProject } from './refi/import-refi';
import { attributeTablePatch, attributeTableUpdates, fitAttributeValues, inspectTable, tableToDocuments } from './spreadsheet-import';
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
export async function inspectFile(store: ProjectStore, file: SourceFile): Promise<ImportInspection> {
  const kind = importKind(file.name);
  if (kind === 'spreadsheet') return { fileName: file.name, kind, spreadsheet: inspectTable(await readTable(file)) };
  if (kind !== 'document') return { fileName: file.name, kind };
  const doc = await parseDocumentFile(file, { speakers: 'auto' });
  const preview = previewSpeakers(doc.text);
  return {
    fileName: file.name,
    kind,
    document: {
      name: doc.name,
      characters: doc.text.length,
      speakerPattern: preview.pattern,
      turns: preview.turns.map((t) => ({ speaker: t.speaker, text: doc.text.slice(t.start, Math.min(t.end, t.start + PREVIEW_TURN_CHARS)) })),
      duplicateOf: duplicateOf(store, doc.text),
    },
  };
}

async function addDocuments(store: ProjectStore, fileName: string, docs: ParsedDocument[]): Promise<ImportResult> {
  const added: string[] = [];
  const duplicates: string[] = [];
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const hash = hashText(doc.text);
    const existing = duplicateOf(store, doc.text) ?? seen.get(hash);
    if (existing) {
      duplicates.push(`${doc.name} has the same text as "${existing}", already imported.`);
      continue;
    }
    seen.set(hash, doc.name);
    await store.addDocument({ ...doc, importedFrom: fileName });
    added.push(doc.name);
  }
  if (added.length === 0) {
    const only = docs.length === 1 ? duplicates[0] : undefined;
    return {
      fileName,
      status: 'skipped',
      documents: [],
      message: only ? `Not imported: ${only}` : 'Not imported: every document in it is already in the project.',
      details: only ? [] : duplicates,
    };
  }
  const s = added.length === 1 ? '' : 's';
  const message = `Imported ${added.length} document${s}${duplicates.length ? `; ${duplicates.length} already in the project` : ''}.`;
  return { fileName, status: 'imported', documents: added, message, details: duplicates };
}

async function importSpreadsheet(session: ProjectSession, file: SourceFile, options: ImportItemOptions): Promise<ImportResult> {
  const { store } = session;
  const table = await readTable(file);
  if (options.attributeTable) {
    const updates = attributeTableUpdates(table, { ...options.attributeTable, fileName: file.name }, store.data.documents);
    const result = await session.change(attributeTablePatch(store.data, updates));
    const details = [
      ...updates.unmatched.map((n) => `No document is named "${n}".`),
      ...updates.ambiguous.map((n) => `"${n}" matches more than one document.`),
      ...updates.duplicates.map((n) => `"${n}" appears more than once in the table.`),
    ];
    return { fileName: file.name, status: 'imported', documents: [], message: `${result.message}: ${updates.updates.length} documents updated.`, details };
  }
  if (!options.spreadsheet) throw new ImportError(file.name, 'is a spreadsheet: choose which column holds the text before importing it.');
  const { documents, attributes, skipped } = tableToDocuments(table, { ...options.spreadsheet, fileName: file.name });
  const fitted = fitAttributeValues(store.data.attributes, attributes, documents.map((d) => d.attributes));
  if (fitted.added.length) {
    await store.applyPatch({ label: `Add attributes from ${file.name}`, attributes: { before: [...store.data.attributes], after: fitted.attributes } });
  }
  const result = await addDocuments(store, file.name, documents.map((d, i) => ({ ...d, attributes: fitted.valueSets[i]! })));
  return { ...result, details: [...result.details, ...skipped.map((s) => `Row ${s.row}: ${s.reason === 'no text' ? 'no text in the chosen columns' : 'no group value'}.`)] };
}

async function importRefi(store: ProjectStore, file: SourceFile, kind: 'refi-project' | 'refi-codebook'): Promise<ImportResult> {
  const report = kind === 'refi-project' ? await importRefiProject(store, file) : await importRefiCodebook(store, file);
  const c = report.counts;
  const parts = [
    kind === 'refi-project' && `${c.sources} documents`,
    `${c.codes} codes`,
    kind === 'refi-project' && `${c.coders} coders, ${c.codings} codings, ${c.memos} memos`,
  ].filter(Boolean);
  return {
    fileName: file.name,
    status: 'imported',
    documents: report.documents.map((d: { name: string }) => d.name),
    message: `Imported ${parts.join(', ')}${report.notImported.length ? `; ${report.notImported.length} items could not be imported (listed below)` : ''}.`,
    details: [...report.notImported.map((n) => `${n.kind} ${n.name}${n.source ? ` in ${n.source}` : ''}: ${n.reason}`), ...report.warnings],
  };
}

/** Imports one file completely, or reports why not; a failure leaves the project as it was for that file. */
export async function importFile(session: ProjectSession, file: SourceFile, options: ImportItemOptions): Promise<ImportResult> {
  try {
    const kind = importKind(file.name);
    if (kind === 'spreadsheet') return await importSpreadsheet(session, file, options);
    if (kind === 'refi-project' || kind === 'refi-codebook') return await importRefi(session.store, file, kind);
    const doc = await parseDocumentFile(file, { speakers: options.speakers ?? 'auto' });
    return await addDocuments(session.store, file.name, [doc]);
  } catch (err) {
    if (err instanceof ImportError) return { fileName: file.name, status: 'failed', documents: [], message: err.reason, details: [] };
    if (err instanceof AppError) return { fileName: file.name, status: 'failed', documents: [], message: err.message, details: [] };
    throw err;
  }
}
