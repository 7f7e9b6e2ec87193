import { isAscii } from 'node:buffer';
import { readFile, unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { entityKey, projectCollections } from '../../../shared/domain/patch';
import type { Change, CoderChanges, ProjectChanges, ProjectEntities } from '../../../shared/domain/patch';
import { isSoundCoding } from '../../../shared/domain/coding-check';
import type { CoderFile, ProjectFile } from '../../../shared/domain/schemas';
import { CoderState } from '../../../shared/domain/state/coder-state';
import { ProjectState } from '../../../shared/domain/state/project-state';
import { tempPathFor } from '../store/durable-file';
import { parseJsonFile } from '../store/json-store';
import type { JsonFileKind } from '../store/json-store';
import { entitySchemas } from './file-kinds';
import type { Positioned } from './file-kinds';
import type { DataFilePaths, FileKey } from './layout';
import { readLog, sequenceBreak } from './log-file';
import type { LogEntry, ParsedLog } from './log-file';

/** Where a data file's logs stand: what the writer appends after, and what compaction weighs. */
export interface LogPosition {
  /** The number of the last change the file holds, in its snapshot or its logs. */
  seq: number;
  /** The last change the snapshot holds (0: it holds no log). */
  snapshotSeq: number;
  snapshotBytes: number;
  /** Bytes of the log being appended to (up to its last whole line). */
  bytes: number;
  /** Changes in the log being appended to, and in the one set aside to be folded in. */
  activeEntries: number;
  rotatedEntries: number;
  /** A log set aside for compaction is there (until the snapshot holds it). */
  rotated: boolean;
}

/** A change cut short by a crash while it was appended: never acknowledged, so dropped. */
export interface TornLine {
  file: string;
  name: string;
  /** Where the log's whole lines end: the log is cut back to this. */
  keepBytes: number;
}

export interface DataFileRead<T> {
  snapshot: T;
  /** Changes the snapshot does not hold yet, in order. */
  pending: LogEntry[];
  position: LogPosition;
  torn: TornLine[];
}

/** A file's text, and its size in bytes. */
async function readText(file: string, displayName: string): Promise<{ text: string; bytes: number }> {
  try {
    // Read whole, then decoded in one go: readFile(file, 'utf-8') decodes a 20 MB coder file in
    // pieces joined into a string JSON.parse must copy again. A file of plain ASCII (what the
    // app writes, but for non-English names and memos) is the same text read as Latin-1, faster.
    const bytes = await readFile(file);
    return { text: isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf-8'), bytes: bytes.length };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `${displayName} is missing.`, file);
    throw new AppError('IO', `${displayName} could not be read: ${(err as Error).message}`, file);
  }
}

/**
 * Reads one data file (project.json or a coder's file): its logs, then its snapshot (so that a
 * compaction finishing meanwhile is seen whole), each validated, and the changes the snapshot
 * does not hold yet. Nothing is written, except that a temp file left by an interrupted write is
 * discarded when `discardTemp` (its rename never happened: that write was never acknowledged).
 */
export async function readDataFile<T extends object>(
  paths: DataFilePaths,
  key: FileKey,
  kind: JsonFileKind<T & Positioned>,
  options: { discardTemp: boolean },
): Promise<DataFileRead<T>> {
  const rotated = await readLog(paths.compacting, paths.names.compacting, key);
  const active = await readLog(paths.log, paths.names.log, key);
  const { text, bytes } = await readText(paths.snapshot, paths.names.snapshot);
  const { logSeq = 0, ...snapshot } = parseJsonFile(text, kind, { file: paths.snapshot, displayName: paths.names.snapshot });
  if (options.discardTemp) await unlink(tempPathFor(paths.snapshot)).catch(() => undefined);
  const entries = [...(rotated?.entries ?? []), ...(active?.entries ?? [])];
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.seq !== entries[i - 1]!.seq + 1) throw sequenceBreak(entries[i]!, entries[i - 1]!.seq + 1);
  }
  const pending = entries.filter((e) => e.seq > logSeq);
  // A snapshot at 0 holds no log: one beside it is a new file's first changes, or a log whose
  // removal after the final compaction was cut short; replaying it over what holds it changes nothing.
  if (logSeq > 0 && pending.length > 0 && pending[0]!.seq !== logSeq + 1) throw sequenceBreak(pending[0]!, logSeq + 1);
  const torn = ([[rotated, paths.compacting, paths.names.compacting], [active, paths.log, paths.names.log]] as const)
    .filter(([log]) => (log?.tornBytes ?? 0) > 0)
    .map(([log, file, name]) => ({ file, name, keepBytes: (log as ParsedLog).bytes }));
  return {
    snapshot: snapshot as T,
    pending,
    torn,
    position: {
      seq: Math.max(logSeq, entries[entries.length - 1]?.seq ?? 0),
      snapshotSeq: logSeq,
      snapshotBytes: bytes,
      bytes: active?.bytes ?? 0,
      activeEntries: active?.entries.length ?? 0,
      rotatedEntries: rotated?.entries.length ?? 0,
      rotated: rotated !== null,
    },
  };
}

/**
 * Checks every entity the entries changed, as replaying them left it, against its collection's
 * schema; one that does not fit is reported with the entry that last changed it.
 */
export function checkReplayed(entries: readonly LogEntry[], current: (collection: string, id: string) => object | undefined): void {
  const last = new Map<string, { collection: string; id: string; entry: LogEntry }>();
  for (const entry of entries) {
    for (const [collection, changes] of Object.entries(entry.changes)) {
      for (const change of changes) last.set(`${collection}\u0000${change.id}`, { collection, id: change.id, entry });
    }
  }
  for (const { collection, id, entry } of last.values()) {
    const entity = current(collection, id);
    if (entity === undefined) continue;
    const result = collection === 'codings' && isSoundCoding(entity) ? { success: true as const } : entitySchemas[collection as keyof typeof entitySchemas].safeParse(entity);
    const key = (projectCollections as readonly string[]).includes(collection)
      ? entityKey(collection as keyof ProjectEntities, entity as never)
      : (entity as { id?: unknown }).id;
    const problem = !result.success
      ? `${result.error.issues[0]!.path.join('.') || 'the entity'}: ${result.error.issues[0]!.message}`
      : key !== id
        ? `it files an entity under "${id}" that is "${String(key)}"`
        : null;
    if (problem) {
      const what = collection.replace(/s$/, '');
      throw new AppError(
        'DAMAGED_FILE',
        `${entry.source.name} is damaged at line ${entry.source.line}: the ${what} ${id} it leaves does not match the format (${problem}). It has not been changed.`,
        entry.source.file,
      );
    }
  }
}

/** project.json's content once its pending changes are applied, checked. */
export function replayProject(snapshot: ProjectFile, pending: readonly LogEntry[]): ProjectFile {
  if (pending.length === 0) return snapshot;
  const state = ProjectState.fromFiles(snapshot, new Map());
  for (const entry of pending) state.apply({ label: entry.label, project: entry.changes as ProjectChanges });
  checkReplayed(pending, (collection, id) => state.tables[collection as keyof ProjectEntities].get(id));
  return state.data as ProjectFile;
}

/**
 * A coder's pending changes as one: each collection's changes in the order they were made (the
 * collections are independent of each other). Applied in one go, a long log puts the coder's
 * list back in order once rather than moving an entry of 80,000 for each change.
 */
function coderChangesOf(coderId: string, pending: readonly LogEntry[]): CoderChanges {
  const changes: Record<string, Change<unknown>[]> = {};
  for (const entry of pending) {
    for (const [collection, list] of Object.entries(entry.changes)) {
      const into = (changes[collection] ??= []);
      for (const change of list) into.push(change);
    }
  }
  return { coderId, ...changes } as CoderChanges;
}

/** Applies a coder's pending changes to their state, checked. */
export function replayCoder(state: ProjectState, coderId: string, pending: readonly LogEntry[]): void {
  if (pending.length > 0) state.apply({ label: 'Changes since the last save', coders: [coderChangesOf(coderId, pending)] });
  const coder = state.coder(coderId);
  if (coder) checkReplayed(pending, (collection, id) => coder[collection as 'codings'].get(id));
}

/** A coder's file on its own (a backup, say) once its pending changes are applied, checked. */
export function replayCoderFile(snapshot: CoderFile, pending: readonly LogEntry[]): CoderFile {
  if (pending.length === 0) return snapshot;
  const state = new CoderState(snapshot.coderId, snapshot);
  state.apply(coderChangesOf(snapshot.coderId, pending), () => undefined);
  checkReplayed(pending, (collection, id) => state[collection as 'codings'].get(id));
  return state.toFile();
}
