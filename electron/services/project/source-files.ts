import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import type { DocumentMeta, Turn } from '../../../shared/domain/schemas';
import { saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { parseJsonFile } from '../store/json-store';
import { turnsFileKind } from './file-kinds';
import { displayNames } from './layout';
import type { ProjectLayout } from './layout';

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A document's text as an import produced it, before it is in the project. */
export interface NewDocument {
  name: string;
  text: string;
  turns: Turn[];
  attributes: DocumentMeta['attributes'];
  importedFrom: string;
}

/** A transcript to write, and the record that lists it (its rank is given when the patch is built). */
export interface PlannedSource {
  meta: Omit<DocumentMeta, 'rank'>;
  text: string;
  turns: Turn[];
}

export function planSource(id: string, doc: NewDocument, importedAt: string): PlannedSource {
  return {
    meta: {
      id,
      name: doc.name,
      hash: hashText(doc.text),
      length: doc.text.length,
      turnCount: doc.turns.length,
      attributes: doc.attributes,
      importedFrom: doc.importedFrom,
      importedAt,
    },
    text: doc.text,
    turns: doc.turns,
  };
}

export interface SourceText {
  text: string;
  turns: Turn[];
}

/** Transcripts written at once while importing. */
const WRITE_BATCH = 16;

/** Transcripts kept in memory after first read, up to about this many UTF-16 units in all. */
const SOURCE_CACHE_UNITS = 32 * 1024 * 1024;

const NO_BACKUP =
  "Transcripts are written once, at import, and are not kept in backups/: copy the file back from another copy of the project folder (a backup of your computer, a colleague's copy). Your codings of it are kept meanwhile.";

/**
 * A project's transcripts (sources/): written once when a document is imported, read and
 * checked against the project's record afterwards, and removed only when the document's
 * deletion can no longer be undone.
 */
export class SourceFiles {
  private readonly cache = new Map<string, SourceText>();
  /** The cached texts' length, kept as they come and go: summing it at every read made reading 20,000 answers quadratic. */
  private cachedUnits = 0;

  constructor(
    private readonly layout: ProjectLayout,
    private readonly io: FileIo,
  ) {}

  /**
   * Writes new documents' texts and turns, each file created and flushed, then the folder once:
   * an import of 20,000 survey responses costs one flush per file, not a rename and two flushes.
   * Nothing lists these files until the patch that adds their documents is saved, so on failure
   * they are simply removed (see Trash).
   */
  async writeMany(sources: readonly { id: string; text: string; turns: Turn[] }[]): Promise<void> {
    const one = async ({ id, text, turns }: (typeof sources)[number]) => {
      for (const [file, content, name] of [
        [this.layout.sourceText(id), text, displayNames.sourceText(id)],
        [this.layout.sourceTurns(id), JSON.stringify({ schemaVersion: 1, documentId: id, turns }), displayNames.sourceTurns(id)],
      ] as const) {
        await this.io.createExclusive(file, content, { syncFolder: false }).catch((err: unknown) => {
          throw saveFailure(err, name, file);
        });
      }
    };
    // A few at a time: the flushes overlap, and the disk batches them.
    for (let i = 0; i < sources.length; i += WRITE_BATCH) await Promise.all(sources.slice(i, i + WRITE_BATCH).map(one));
    if (sources.length > 0) await this.io.syncFolder(this.layout.sourcesDir);
  }

  async remove(documentIds: Iterable<string>): Promise<void> {
    for (const id of documentIds) {
      this.forget(id);
      await Promise.all([this.layout.sourceText(id), this.layout.sourceTurns(id)].map((f) => unlink(f).catch(() => undefined)));
    }
  }

  /** The normalised text and speaker turns of a document, checked against the project's record. */
  async read(doc: DocumentMeta): Promise<SourceText> {
    const cached = this.cache.get(doc.id);
    if (cached) {
      // Re-inserting keeps the map in least-recently-used order.
      this.cache.delete(doc.id);
      this.cache.set(doc.id, cached);
      return cached;
    }
    const source = await this.readFiles(doc);
    // Read twice at once: the first read's copy goes, so the total counts each text once.
    this.forget(doc.id);
    this.cache.set(doc.id, source);
    this.cachedUnits += source.text.length;
    // The least recently used go first, until the texts fit (the one just read always stays).
    for (const id of this.cache.keys()) {
      if (this.cachedUnits <= SOURCE_CACHE_UNITS || id === doc.id) break;
      this.forget(id);
    }
    return source;
  }

  private forget(id: string): void {
    const cached = this.cache.get(id);
    if (!cached) return;
    this.cache.delete(id);
    this.cachedUnits -= cached.text.length;
  }

  private async readFiles(doc: DocumentMeta): Promise<SourceText> {
    const textFile = this.layout.sourceText(doc.id);
    const turnsFile = this.layout.sourceTurns(doc.id);
    // Both read at once, the text as bytes: they are what was hashed (the text in UTF-8), so
    // the check needs no second encoding of a transcript that may be megabytes long.
    const [bytes, turnsText] = await Promise.all([
      readFile(textFile).catch(() => {
        throw new AppError('NOT_FOUND', `The transcript of "${doc.name}" is missing (${displayNames.sourceText(doc.id)}). ${NO_BACKUP}`, textFile);
      }),
      readFile(turnsFile, 'utf-8').catch(() => null),
    ]);
    const text = bytes.toString('utf-8');
    if (text.length !== doc.length || createHash('sha256').update(bytes).digest('hex') !== doc.hash) {
      throw new AppError(
        'DAMAGED_FILE',
        `${displayNames.sourceText(doc.id)} ("${doc.name}") has been changed outside Marginalia: its codings would no longer line up, so it is not shown. Restore the original file. ${NO_BACKUP}`,
        textFile,
      );
    }
    if (turnsText === null) {
      throw new AppError('NOT_FOUND', `${displayNames.sourceTurns(doc.id)} (the speaker turns of "${doc.name}") is missing. ${NO_BACKUP}`, turnsFile);
    }
    const { turns } = parseJsonFile(turnsText, turnsFileKind, { file: turnsFile, displayName: displayNames.sourceTurns(doc.id) });
    return { text, turns };
  }

}
