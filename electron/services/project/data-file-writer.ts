import { rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Change } from '../../../shared/domain/patch';
import { fsyncDir } from '../store/durable-file';
import { saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { slicedJson } from '../store/sliced-json';
import type { SliceOptions } from '../store/sliced-json';
import type { LogPosition } from './data-file';
import type { DataFilePaths, FileKey } from './layout';
import { formatEntry } from './log-file';

const removeIfThere = (file: string) =>
  unlink(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });

export const emptyPosition = (): LogPosition => ({ seq: 0, snapshotSeq: 0, snapshotBytes: 0, bytes: 0, activeEntries: 0, rotatedEntries: 0, rotated: false });

/**
 * One data file as the writer keeps it: its snapshot, the change log appended to after each
 * change, and the log set aside while a compaction folds it into a new snapshot.
 */
export class DataFileWriter {
  /** The compaction writing this file's snapshot, if one is. */
  private folding: Promise<void> | null = null;

  constructor(
    readonly key: FileKey,
    readonly paths: DataFilePaths,
    private readonly io: FileIo,
    readonly position: LogPosition,
  ) {}

  /**
   * Appends this file's part of a change and flushes it: once this resolves the part survives
   * a crash. Returns how to take it back (when another file of the same change fails).
   */
  async append(label: string, changes: Record<string, Change<unknown>[] | undefined>): Promise<() => Promise<void>> {
    const p = this.position;
    const before = { seq: p.seq, bytes: p.bytes, activeEntries: p.activeEntries };
    const line = formatEntry(p.seq + 1, label, changes);
    const created = p.bytes === 0;
    const takeBack = async () => {
      // A log this change created goes; otherwise it is cut back to where it ended.
      if (created) await removeIfThere(this.paths.log);
      else await this.io.truncate(this.paths.log, before.bytes);
      Object.assign(p, before);
    };
    try {
      await this.io.append(this.paths.log, line, { created });
    } catch (err) {
      // Part of the line may be on disk: cut it off, so the next change starts a line of its own.
      await takeBack().catch(() => undefined);
      throw saveFailure(err, this.paths.names.log, this.paths.log);
    }
    p.seq += 1;
    p.bytes += Buffer.byteLength(line);
    p.activeEntries += 1;
    return takeBack;
  }

  /**
   * Sets the log aside to be folded into a new snapshot (appends go to a fresh log meanwhile).
   * A log already set aside (a compaction that failed) is folded in as it is, with the changes
   * since, which the new snapshot then holds too.
   */
  async rotate(): Promise<void> {
    const p = this.position;
    if (p.rotated || p.bytes === 0) return;
    await rename(this.paths.log, this.paths.compacting);
    await fsyncDir(dirname(this.paths.log));
    Object.assign(p, { rotated: true, rotatedEntries: p.activeEntries, activeEntries: 0, bytes: 0 });
  }

  /** Writes the whole snapshot, durably and atomically, serialised in slices; returns its size. */
  private async writeSnapshot(content: { schemaVersion: number }, seq: number, slicing: SliceOptions = {}): Promise<number> {
    const { schemaVersion, ...rest } = content;
    const file = seq > 0 ? { schemaVersion, logSeq: seq, ...rest } : content;
    let bytes = 0;
    const counted = async function* (chunks: AsyncIterable<string>) {
      for await (const chunk of chunks) {
        bytes += Buffer.byteLength(chunk);
        yield chunk;
      }
    };
    await this.io.writeFileDurably(this.paths.snapshot, counted(slicedJson(file, slicing))).catch((err: unknown) => {
      throw saveFailure(err, this.paths.names.snapshot, this.paths.snapshot);
    });
    return bytes;
  }

  /**
   * Folds the logs into a new snapshot of `content` (the file as of the last change appended
   * before `rotate`), holding every change up to `seq`; with `seq` 0 (a final compaction, after
   * which nothing is appended) the snapshot holds no log and both logs go.
   */
  fold(content: { schemaVersion: number }, seq: number, slicing: SliceOptions = {}): Promise<void> {
    const run = (async () => {
      const bytes = await this.writeSnapshot(content, seq, slicing);
      await this.folded(seq, bytes);
    })();
    this.folding = run.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.folding = null;
    });
    return run;
  }

  private async folded(seq: number, snapshotBytes: number): Promise<void> {
    const p = this.position;
    if (p.rotated) await removeIfThere(this.paths.compacting);
    if (seq === 0) await removeIfThere(this.paths.log);
    await fsyncDir(dirname(this.paths.snapshot));
    Object.assign(p, { snapshotSeq: seq, snapshotBytes, rotated: false, rotatedEntries: 0 });
    if (seq === 0) Object.assign(p, { bytes: 0, activeEntries: 0 });
  }

  /** A coder's files, when the coder leaves the project (after a compaction writing them, so it cannot bring them back). */
  async remove(): Promise<void> {
    await this.folding;
    for (const file of [this.paths.log, this.paths.compacting, this.paths.snapshot]) await removeIfThere(file);
    await fsyncDir(dirname(this.paths.snapshot));
  }

  /** A new file (a coder joining): written whole, with no log. */
  async create(content: { schemaVersion: number }): Promise<void> {
    for (const file of [this.paths.log, this.paths.compacting]) await removeIfThere(file);
    const bytes = await this.writeSnapshot(content, 0);
    Object.assign(this.position, emptyPosition(), { snapshotBytes: bytes });
  }
}
