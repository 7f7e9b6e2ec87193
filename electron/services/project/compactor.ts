import type { ProjectState } from '../../../shared/domain/state/project-state';
import type { Service } from '../lifecycle';
import type { DataFileWriter } from './data-file-writer';
import type { FileKey } from './layout';
import type { ProjectFiles } from './project-files';

/** When a data file's logs are folded into its snapshot. */
export interface CompactionPolicy {
  /** Once its logs hold this many changes (what opening replays)… */
  maxEntries: number;
  /** …or once its log holds this many bytes and more than `ratio` of its snapshot's. */
  minBytes: number;
  ratio: number;
  /** Serialising a snapshot lets the event loop through at least this often (ms). */
  sliceMs: number;
}

export const defaultCompaction: CompactionPolicy = { maxEntries: 5000, minBytes: 1024 * 1024, ratio: 0.25, sliceMs: 4 };

export interface CompactionStats {
  compactions: number;
  /** The longest stretch of serialising without letting a request through (ms). */
  longestSliceMs: number;
  /** The last compaction that failed, if the one after it has not succeeded. */
  failure: unknown;
}

/**
 * Folds change logs into their snapshots in the background, one file at a time: by size after
 * changes, and every file on close (then the snapshots hold no log: a closed project is its
 * snapshots, byte for byte what the same content always gives). A compaction sets the log aside
 * between two changes, takes the file's content as of that moment (the project's lists never
 * change once read), serialises it in slices, writes it with the usual atomic rules, then
 * removes the log it folded in. Changes go on meanwhile, into a fresh log. One that fails
 * leaves every change in the logs; the next tries again.
 */
export class Compactor implements Service {
  readonly name = 'compactor';
  readonly stats: CompactionStats = { compactions: 0, longestSliceMs: 0, failure: null };
  private queue: Promise<void> = Promise.resolve();
  private readonly waiting = new Set<FileKey>();
  private stopped = false;

  constructor(
    private readonly files: ProjectFiles,
    private readonly state: ProjectState,
    /** Runs a step between two changes (the store's queue of changes). */
    private readonly betweenChanges: <T>(run: () => Promise<T>) => Promise<T>,
    readonly policy: CompactionPolicy = defaultCompaction,
  ) {}

  /** Folds in what opening found due: a long log replayed, or a log a compaction had set aside. */
  async start(): Promise<void> {
    for (const file of this.files.all()) if (file.position.rotated || this.due(file)) this.schedule(file.key);
  }

  /** After a change: files whose logs have grown past the policy are compacted. */
  noteChanged(keys: readonly FileKey[]): void {
    for (const key of keys) {
      const file = this.files.get(key);
      if (file && this.due(file)) this.schedule(key);
    }
  }

  private due(file: DataFileWriter): boolean {
    const p = file.position;
    return p.activeEntries + p.rotatedEntries >= this.policy.maxEntries || (p.bytes >= this.policy.minBytes && p.bytes >= this.policy.ratio * p.snapshotBytes);
  }

  private schedule(key: FileKey): void {
    if (this.stopped || this.waiting.has(key)) return;
    this.waiting.add(key);
    // fold, not compact: compact queues behind this.queue, which is this very step (a deadlock).
    this.queue = this.queue.then(async () => {
      this.waiting.delete(key);
      await this.fold(key, false).catch(() => undefined);
    });
  }

  /** Compacts one file now (after those queued); with `final`, into a snapshot that holds no log. */
  compact(key: FileKey, final = false): Promise<void> {
    const run = this.queue.then(() => this.fold(key, final));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fold(key: FileKey, final: boolean): Promise<void> {
    const taken = await this.betweenChanges(async () => {
      const file = this.files.get(key);
      const coder = key === null ? null : this.state.coder(key);
      if (!file || (key !== null && !coder)) return null;
      await file.rotate();
      return { file, content: coder ? coder.toFile() : this.state.data, seq: final ? 0 : file.position.seq };
    });
    if (!taken) return;
    const onSlice = (ms: number) => {
      this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
    };
    try {
      await taken.file.fold(taken.content, taken.seq, { sliceMs: this.policy.sliceMs, onSlice });
    } catch (err) {
      this.stats.failure = err;
      throw err;
    }
    this.stats.compactions++;
    this.stats.failure = null;
  }

  /** Waits for the compactions under way. */
  async settle(): Promise<void> {
    await this.queue;
  }

  /** Compacts every file whose logs hold changes (before a purge: no log may still mention what goes). */
  async compactAll(final = false): Promise<void> {
    const needing = this.files.all().filter((f) => {
      const p = f.position;
      return p.rotated || p.activeEntries > 0 || p.bytes > 0 || (final && p.snapshotSeq > 0);
    });
    const results = await Promise.allSettled(needing.map((f) => this.compact(f.key, final)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * On close, once no more changes can come: waits for the compactions under way, then folds
   * every log in, so the project is left as plain snapshots.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.settle();
    await this.compactAll(true);
  }
}
