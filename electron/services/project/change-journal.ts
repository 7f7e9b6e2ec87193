import { readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { Patch } from '../../../shared/domain/patch';
import { fsyncDir } from '../store/durable-file';
import { nodeFileIo, saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { parseJsonFile } from '../store/json-store';

/**
 * A change that touches more than one file (deleting a code and its codings, a merge, a new
 * coder, an import) is first written here, durably, then applied file by file, then this record
 * is removed. If Marginalia dies in between, the next writer to open the project completes the
 * change from the record, so no change is ever left half-applied. Applying a record twice is
 * harmless: every change goes by id, to a whole entity or to the fields it names.
 */
export const JOURNAL_FILE = '.marginalia-journal.json';

const changeSchema = z.object({ id: z.string(), before: z.record(z.string(), z.unknown()).nullable(), after: z.record(z.string(), z.unknown()).nullable() });
const collectionsSchema = z.record(z.string(), z.array(changeSchema));

/** A patch as the journal holds it: checked for shape here; the entities inside are the store's own writing. */
const patchSchema = z.object({
  label: z.string(),
  project: collectionsSchema.optional(),
  coders: z.array(z.object({ coderId: z.string() }).catchall(z.array(changeSchema))).optional(),
});

const journalChangeSchema = z.object({ kind: z.literal('patch'), patch: patchSchema });

const journalSchema = z.object({
  schemaVersion: z.literal(1),
  startedAt: z.string(),
  change: journalChangeSchema,
});

export type JournalChange = { kind: 'patch'; patch: Patch };

const journalKind = { schema: journalSchema, version: 1, description: 'record of an unfinished change' };

export function describeChange(change: JournalChange): string {
  return change.patch.label;
}

export class ChangeJournal {
  readonly file: string;

  constructor(
    dir: string,
    private readonly io: FileIo = nodeFileIo,
  ) {
    this.file = join(dir, JOURNAL_FILE);
  }

  /** Records a change about to be applied; resolves once the record is on disk. */
  async begin(change: JournalChange, now: Date): Promise<void> {
    const text = JSON.stringify({ schemaVersion: 1, startedAt: now.toISOString(), change });
    await this.io.writeFileDurably(this.file, text).catch((err: unknown) => {
      throw saveFailure(err, JOURNAL_FILE, this.file);
    });
  }

  /** Removes the record once every file holds the change. */
  async end(): Promise<void> {
    try {
      await unlink(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw saveFailure(err, JOURNAL_FILE, this.file);
    }
    await fsyncDir(dirname(this.file));
  }

  /** The unfinished change on disk, if any; a record that cannot be read is reported as an AppError. */
  async read(): Promise<JournalChange | AppError | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf-8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return new AppError('IO', `${JOURNAL_FILE} could not be read: ${(err as Error).message}`, this.file);
    }
    try {
      return parseJsonFile(text, journalKind, { file: this.file, displayName: JOURNAL_FILE }).change as JournalChange;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
  }
}
