import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { coderCollections, projectCollections } from '../../../shared/domain/patch';
import type { Change } from '../../../shared/domain/patch';
import type { FileKey } from './layout';

/**
 * A change log (`project.changes.jsonl`, `coders/<id>.changes.jsonl`): one line per change that
 * touched the file, appended and flushed before the change is acknowledged, numbered one after
 * another. The file's snapshot says up to which number it already holds the log's changes.
 *
 *   {"seq":42,"label":"Code “Trust” in 04 Lambeth","changes":{"codings":[{"id":…,"before":null,"after":{…}}]}}
 */
export interface LogEntry {
  seq: number;
  /** What the change did, in words (the undo label): for anyone reading the file. */
  label: string;
  /** This file's part of the patch, by collection. */
  changes: Record<string, Change<unknown>[]>;
  /** Where the entry is, for messages: the log (its path and name) and its line (from 1). */
  source: { file: string; name: string; line: number };
}

const entity = z.record(z.string(), z.unknown());
const changeSchema = z.object({ id: z.string().min(1), before: entity.nullable(), after: entity.nullable() }).strict();

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');

/**
 * The entry schemas' rules, fast, for the 10,000 entries a long log can hold: true only when the
 * schema would accept the entry as it is; anything else goes to the schema, which explains.
 */
function plainEntry(raw: unknown, collections: readonly string[]): raw is Omit<LogEntry, 'source'> {
  if (!isRecord(raw) || Object.keys(raw).length !== 3) return false;
  const { seq, label, changes } = raw;
  if (!Number.isSafeInteger(seq) || (seq as number) <= 0 || typeof label !== 'string' || !isRecord(changes)) return false;
  for (const collection in changes) {
    const list = changes[collection];
    if (!collections.includes(collection) || !Array.isArray(list)) return false;
    for (const change of list as unknown[]) {
      if (!isRecord(change) || Object.keys(change).length !== 3) return false;
      const { id, before, after } = change;
      if (typeof id !== 'string' || id.length === 0 || (before !== null && !isRecord(before)) || (after !== null && !isRecord(after))) return false;
    }
  }
  return true;
}

const entrySchemas = {
  project: z.object({ seq: z.number().int().positive(), label: z.string(), changes: z.partialRecord(z.enum(projectCollections), z.array(changeSchema)) }).strict(),
  coder: z.object({ seq: z.number().int().positive(), label: z.string(), changes: z.partialRecord(z.enum(coderCollections), z.array(changeSchema)) }).strict(),
};

/** One entry as a line of the log. */
export function formatEntry(seq: number, label: string, changes: Record<string, Change<unknown>[] | undefined>): string {
  return `${JSON.stringify({ seq, label, changes })}\n`;
}

export interface ParsedLog {
  entries: LogEntry[];
  /** Bytes up to the end of the last whole line: where the next change is appended. */
  bytes: number;
  /**
   * Bytes after the last whole line: a change cut short by a crash while it was appended (it
   * was never acknowledged), or 0.
   */
  tornBytes: number;
}

function damaged(name: string, file: string, line: number, total: number, detail: string): AppError {
  return new AppError('DAMAGED_FILE', `${name} is damaged at line ${line} of ${total}: ${detail}. It has not been changed.`, file);
}

/** Reads a log; null when there is none. Every line but a cut-short last one must be a sound entry. */
export async function readLog(file: string, name: string, key: FileKey): Promise<ParsedLog | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('IO', `${name} could not be read: ${(err as Error).message}`, file);
  }
  return parseLog(bytes, name, file, key);
}

export function parseLog(bytes: Buffer, name: string, file: string, key: FileKey): ParsedLog {
  // Each entry is written with its newline in one append: a crash can leave only a line without one.
  const whole = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, whole).toString('utf-8').split('\n');
  lines.pop();
  const schema = key === null ? entrySchemas.project : entrySchemas.coder;
  const collections = key === null ? projectCollections : coderCollections;
  const entries = lines.map((text, i): LogEntry => {
    const line = i + 1;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw damaged(name, file, line, lines.length, `it is not a valid change (${err instanceof Error ? err.message : String(err)})`);
    }
    if (plainEntry(raw, collections)) return { seq: raw.seq, label: raw.label, changes: raw.changes, source: { file, name, line } };
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw damaged(name, file, line, lines.length, `${issue.path.join('.') || 'the entry'}: ${issue.message}`);
    }
    return { ...(result.data as Omit<LogEntry, 'source'>), source: { file, name, line } };
  });
  return { entries, bytes: whole, tornBytes: bytes.length - whole };
}

/** A log entry whose number does not follow the one before it: changes are missing between them. */
export function sequenceBreak(entry: LogEntry, expected: number): AppError {
  const detail =
    entry.seq > expected
      ? `the change numbered ${entry.seq} should follow number ${expected - 1}: ${entry.seq - expected === 1 ? 'one change is' : `${entry.seq - expected} changes are`} missing`
      : `the change numbered ${entry.seq} comes after number ${expected - 1}: the log is out of order`;
  return new AppError('DAMAGED_FILE', `${entry.source.name} is damaged at line ${entry.source.line}: ${detail}. It has not been changed.`, entry.source.file);
}
