import { readFile, unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { CoalescingWriter, tempPathFor } from './durable-file';
import type { CoalescingWriterOptions } from './durable-file';
import { nodeFileIo, saveFailure } from './file-io';
import type { FileIo } from './file-io';

/** How one kind of JSON file is checked: its schema, its current version, and its name for messages. */
export interface JsonFileKind<T> {
  schema: z.ZodType<T>;
  version: number;
  /** What the file is, for messages: "project file", "coder file". */
  description: string;
  /** Brings a file of an older version forward before it is validated. */
  migrate?: (raw: unknown) => unknown;
  /**
   * A faster way to the schema's answer for a large file: the data exactly as the schema would
   * return it, or null when unsure (the schema then decides, and explains what is wrong).
   */
  quickParse?: (raw: unknown) => T | null;
}

export interface JsonStoreLocation {
  file: string;
  /** The file as the user should read it in a message, e.g. "coders/amara.json". */
  displayName: string;
  /** How the file is written (tests simulate a full disk through this). */
  io?: FileIo;
}

function positionHint(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'the top level';
    const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
    return `${where}: ${missing ? `missing (expected ${issue.expected})` : issue.message}`;
  });
  const more = error.issues.length > shown.length ? `; and ${error.issues.length - shown.length} more` : '';
  return shown.join('; ') + more;
}

/** Parses and validates a file's text; every failure names the file and says what is wrong. */
export function parseJsonFile<T>(text: string, kind: JsonFileKind<T>, where: JsonStoreLocation): T {
  const name = where.displayName;
  const untouched = 'It has not been changed.';
  if (text.trim() === '') {
    throw new AppError('DAMAGED_FILE', `${name} is empty: the ${kind.description} is damaged. ${untouched}`, where.file);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'DAMAGED_FILE',
      `${name} is not valid JSON${positionHint(text, detail)}: the ${kind.description} is damaged or was cut short (${detail}). ${untouched}`,
      where.file,
    );
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > kind.version) {
    throw new AppError(
      'UNSUPPORTED_VERSION',
      `${name} was written by a newer version of Marginalia (format ${version}; this version reads up to ${kind.version}). Update Marginalia to open it. ${untouched}`,
      where.file,
    );
  }
  const current = kind.migrate ? kind.migrate(raw) : raw;
  const quick = kind.quickParse?.(current);
  if (quick) return quick;
  const result = kind.schema.safeParse(current);
  if (!result.success) {
    throw new AppError(
      'DAMAGED_FILE',
      `${name} does not match the ${kind.description} format: ${describeIssues(result.error)}. ${untouched}`,
      where.file,
    );
  }
  return result.data;
}

class ValidatingAdapter<T> implements Adapter<T> {
  private readonly writer: CoalescingWriter;
  private latest: T | null = null;

  constructor(
    private readonly kind: JsonFileKind<T>,
    private readonly where: JsonStoreLocation,
    hooks: Pick<CoalescingWriterOptions, 'onWritten' | 'onFailed'>,
  ) {
    const io = where.io ?? nodeFileIo;
    this.writer = new CoalescingWriter(where.file, () => JSON.stringify(this.latest, null, 1), {
      write: (file, content) => io.writeFileDurably(file, content),
      ...hooks,
    });
  }

  /** The file's text as it is on disk. */
  async readText(): Promise<string> {
    try {
      return await readFile(this.where.file, 'utf-8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw new AppError('NOT_FOUND', `${this.where.displayName} is missing.`, this.where.file);
      }
      throw new AppError('IO', `${this.where.displayName} could not be read: ${(err as Error).message}`, this.where.file);
    }
  }

  async read(): Promise<T | null> {
    return parseJsonFile(await this.readText(), this.kind, this.where);
  }

  write(data: T): Promise<void> {
    this.latest = data;
    return this.writer.write();
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}

/**
 * One JSON file of a project, held in memory (lowdb) and written back atomically and durably
 * after each change. A file that fails to load is never written: loading throws instead.
 *
 * The in-memory data never claims more than the disk holds for long: when a write fails (a
 * full disk, a read-only folder), the data goes back to the last content that reached the
 * disk, and every change that was waiting on that write is rejected with an IO error naming
 * the file.
 */
export class JsonStore<T> {
  private readonly db: Low<T>;
  private readonly adapter: ValidatingAdapter<T>;

  private constructor(
    private readonly kind: JsonFileKind<T>,
    readonly location: JsonStoreLocation,
    data: T,
    /** The file's content as last read or written: what a failed write falls back to. */
    private savedText: string,
  ) {
    this.adapter = new ValidatingAdapter(kind, location, {
      onWritten: (content) => {
        this.savedText = content;
      },
      onFailed: () => {
        this.db.data = parseJsonFile(this.savedText, this.kind, this.location);
      },
    });
    this.db = new Low<T>(this.adapter, data);
  }

  /** Loads and validates an existing file. A leftover temp file from an interrupted write is discarded. */
  static async load<T>(
    kind: JsonFileKind<T>,
    where: JsonStoreLocation,
    options: { discardTemp?: boolean } = {},
  ): Promise<JsonStore<T>> {
    const text = await new ValidatingAdapter(kind, where, {}).readText();
    const data = parseJsonFile(text, kind, where);
    // The rename never happened, so that write was never acknowledged: the real file is the
    // truth. (A reader that does not hold the project must leave it: its writer may be mid-write.)
    if (options.discardTemp !== false) await unlink(tempPathFor(where.file)).catch(() => undefined);
    return new JsonStore(kind, where, data, text);
  }

  /** Writes a new file (refusing to replace one) and returns its store. */
  static async create<T>(kind: JsonFileKind<T>, where: JsonStoreLocation, initial: T): Promise<JsonStore<T>> {
    const valid = kind.schema.parse(initial);
    const exists = await readFile(where.file).then(
      () => true,
      () => false,
    );
    if (exists) throw new AppError('ALREADY_EXISTS', `${where.displayName} already exists.`, where.file);
    const text = JSON.stringify(valid, null, 1);
    await (where.io ?? nodeFileIo).writeFileDurably(where.file, text).catch((err: unknown) => {
      throw saveFailure(err, where.displayName, where.file);
    });
    return new JsonStore(kind, where, valid, text);
  }

  get data(): Readonly<T> {
    return this.db.data;
  }

  /**
   * Applies a change in memory and resolves once it is on disk. If the write fails, the change
   * (and any made while it was being written) is undone in memory and this rejects with an
   * IO error naming the file.
   */
  update(change: (draft: T) => void): Promise<void> {
    change(this.db.data);
    return this.adapter.write(this.db.data).catch((err: unknown) => {
      throw saveFailure(err, this.location.displayName, this.location.file);
    });
  }

  flush(): Promise<void> {
    return this.adapter.flush();
  }
}
