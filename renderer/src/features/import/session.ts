import type { ImportInspection, ImportResult } from '../../../../shared/api/contract';
import type { TextEncodingName } from '../../../../shared/text/encodings';
import { formProblem } from './options';
import type { ItemForm } from './options';

/**
 * One import, from the files chosen to their results, as a reducer: the dialog renders it, the
 * hook (useImporter.ts) feeds it what the backend replies. Pure.
 */

/** Where a file is on its way to the settings: read, handed to the backend, looked into. */
export type EntryPhase = 'waiting' | 'reading' | 'uploading' | 'checking' | 'ready' | 'refused';

export interface ImportEntry {
  key: string;
  fileName: string;
  size: number;
  phase: EntryPhase;
  stagedId: string | null;
  inspection: ImportInspection | null;
  form: ItemForm | null;
  /** Why the file cannot be imported (phase 'refused'): as the backend words it, often a predicate of the file name. */
  problem: string | null;
  /** The encoding a text or CSV file was first read in, found from its bytes; null for other files. */
  detectedEncoding: TextEncodingName | null;
  /** Why the encoding last chosen does not fit the file (it stays as it was read before). */
  encodingProblem: string | null;
  /** Cells of a spreadsheet's sample that name a document already in the project (the backend matched them): how a sheet's name column is found. */
  namesTaken: readonly string[];
}

export interface ImportProgress {
  done: number;
  total: number;
  fileName: string;
}

export type ImportStage = 'settings' | 'running' | 'results';

export interface ImportSession {
  stage: ImportStage;
  entries: ImportEntry[];
  progress: ImportProgress;
  /** One per entry, in the order chosen (results stage). */
  results: ImportResult[];
  /** The whole run failed (the request itself, not one file): why. */
  runError: string | null;
  /** The first document the import added, to open when the dialog closes. */
  firstImportedId: string | null;
}

export type ImportAction =
  | { type: 'add'; files: { key: string; fileName: string; size: number }[] }
  | { type: 'update'; key: string; patch: Partial<Omit<ImportEntry, 'key'>> }
  | { type: 'form'; key: string; form: ItemForm }
  | { type: 'remove'; key: string }
  | { type: 'run' }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'finished'; results: ImportResult[]; firstImportedId: string | null }
  | { type: 'failed'; message: string }
  | { type: 'close' };

export const isSettled = (e: ImportEntry) => e.phase === 'ready' || e.phase === 'refused';

/** Files that will be imported: looked into, and with complete settings. */
export function readyEntries(entries: readonly ImportEntry[]): ImportEntry[] {
  return entries.filter((e) => e.phase === 'ready' && e.inspection !== null && e.form !== null);
}

export function entryProblem(entry: ImportEntry): string | null {
  if (entry.phase !== 'ready' || !entry.inspection || !entry.form) return null;
  return formProblem(entry.form, entry.inspection);
}

/** Whether "Import" may be pressed, and if not, why (for the footer). */
export function canRun(session: ImportSession): { ok: true; count: number } | { ok: false; reason: string } {
  if (session.stage !== 'settings') return { ok: false, reason: '' };
  const preparing = session.entries.filter((e) => !isSettled(e)).length;
  if (preparing > 0) return { ok: false, reason: `Preparing ${preparing === 1 ? '1 file' : `${preparing} files`}…` };
  const ready = readyEntries(session.entries);
  if (ready.length === 0) return { ok: false, reason: 'No file here can be imported.' };
  const unfinished = ready.filter((e) => entryProblem(e) !== null);
  if (unfinished.length > 0) {
    return { ok: false, reason: `Finish the settings of ${unfinished.map((e) => e.fileName).join(', ')}.` };
  }
  return { ok: true, count: ready.length };
}

/**
 * A result for every file chosen, in order: the backend's for the files it was given (they
 * were sent in the same order), "failed" with the reason for files refused before.
 */
export function mergeResults(entries: readonly ImportEntry[], results: readonly ImportResult[]): ImportResult[] {
  const sent = readyEntries(entries);
  const out: ImportResult[] = [];
  for (const entry of entries) {
    const index = sent.indexOf(entry);
    const result = index === -1 ? undefined : results[index];
    if (result) {
      out.push({ ...result, fileName: entry.fileName });
    } else if (entry.phase === 'refused' || index === -1) {
      out.push({ fileName: entry.fileName, status: 'failed', documents: [], message: entry.problem ?? 'could not be prepared for import', details: [] });
    } else {
      out.push({ fileName: entry.fileName, status: 'failed', documents: [], message: 'No result came back for this file.', details: [] });
    }
  }
  return out;
}

/** "2 files imported, 1 skipped, 1 failed." */
export function summariseResults(results: readonly ImportResult[]): string {
  const count = (status: ImportResult['status']) => results.filter((r) => r.status === status).length;
  const imported = count('imported');
  const parts = [`${imported} ${imported === 1 ? 'file' : 'files'} imported`];
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (count('failed')) parts.push(`${count('failed')} failed`);
  const documents = results.reduce((n, r) => n + r.documents.length, 0);
  const docs = documents > 0 ? ` ${documents} ${documents === 1 ? 'document' : 'documents'} added.` : '';
  return `${parts.join(', ')}.${docs}`;
}

function emptyEntry(file: { key: string; fileName: string; size: number }): ImportEntry {
  return { ...file, phase: 'waiting', stagedId: null, inspection: null, form: null, problem: null, detectedEncoding: null, encodingProblem: null, namesTaken: [] };
}

const noProgress: ImportProgress = { done: 0, total: 0, fileName: '' };

/** null: no import under way (the dialog is closed). */
export function importReducer(session: ImportSession | null, action: ImportAction): ImportSession | null {
  if (action.type === 'add') {
    const added = action.files.map(emptyEntry);
    if (!session) {
      return { stage: 'settings', entries: added, progress: noProgress, results: [], runError: null, firstImportedId: null };
    }
    // Files dropped while an import runs or after it wait for the next one.
    if (session.stage !== 'settings') return session;
    return { ...session, entries: [...session.entries, ...added] };
  }
  if (!session) return null;
  switch (action.type) {
    case 'update':
    case 'form': {
      if (session.stage !== 'settings') return session;
      const patch = action.type === 'form' ? { form: action.form } : action.patch;
      if (!session.entries.some((e) => e.key === action.key)) return session;
      return { ...session, entries: session.entries.map((e) => (e.key === action.key ? { ...e, ...patch } : e)) };
    }
    case 'remove': {
      if (session.stage !== 'settings') return session;
      const entries = session.entries.filter((e) => e.key !== action.key);
      return entries.length === 0 ? null : { ...session, entries };
    }
    case 'run':
      if (!canRun(session).ok) return session;
      return { ...session, stage: 'running', progress: { done: 0, total: readyEntries(session.entries).length, fileName: '' } };
    case 'progress':
      if (session.stage !== 'running') return session;
      // Events may arrive out of order with the reply: progress never goes back.
      return action.progress.done < session.progress.done ? session : { ...session, progress: action.progress };
    case 'finished':
      if (session.stage !== 'running') return session;
      return {
        ...session,
        stage: 'results',
        results: mergeResults(session.entries, action.results),
        firstImportedId: action.firstImportedId,
      };
    case 'failed':
      if (session.stage !== 'running') return session;
      return { ...session, stage: 'results', results: [], runError: action.message };
    case 'close':
      // An import under way finishes first: its results are what the user needs to see.
      return session.stage === 'running' ? session : null;
  }
}
