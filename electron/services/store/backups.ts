import { open, readFile, readdir, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, writeAll } from './durable-file';
import { makePrivateDir } from './file-io';

const KEEP_SETS = 10;
const MIN_INTERVAL_MS = 10 * 60 * 1000;
const COPY_CHUNK = 1024 * 1024;
/** Saving must have been quiet this long before a backup copies its next piece (ms). */
const QUIET_MS = 250;
/** A copy that has waited this long for a quiet moment goes on anyway: a set is never put off for good. */
const MAX_WAIT_MS = 10_000;

/** "20260105-090001-000": when a backup was taken, in its name. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}

const STAMP = /\.(\d{8}-\d{6}-\d{3})\.(?:json|changes\.jsonl)$/;

/** One data file as a backup set takes it: its snapshot, and its logs up to a length. */
export interface SetMember {
  /** "project", "coders-<id>": the start of its backups' names. */
  stem: string;
  snapshot: string;
  /** The log set aside for compaction, then the one appended to, each up to `length` bytes. */
  logs: { file: string; length: number }[];
}

interface OpenMember {
  stem: string;
  snapshot: FileHandle;
  logs: { handle: FileHandle; length: number }[];
}

/**
 * Backups as consistent sets: every data file of the project (project.json and each coder's
 * file, each with its change log) as it was at one moment between two changes. A set is taken
 * before the first change of a session, then at most every ten minutes; the newest ten are kept.
 *
 *   backups/project.<stamp>.json, backups/project.<stamp>.changes.jsonl,
 *   backups/coders-<id>.<stamp>.json, …, and last backups/set.<stamp>.json, naming them all.
 *
 * The files are opened between two changes and copied afterwards, in the background: a snapshot
 * is never changed in place (a compaction replaces it), and a log only grows, so what was opened
 * is what the set holds, whatever is saved meanwhile. A set without its `set.<stamp>.json` was cut
 * short; its files may still restore one file each.
 */
export class BackupSets {
  private lastTaken: number | null = null;
  private copying: Promise<void> = Promise.resolve();
  private lastChange = -Infinity;
  private hurry = false;

  constructor(
    private readonly projectDir: string,
    private readonly now: () => Date = () => new Date(),
    private readonly quietMs = QUIET_MS,
  ) {}

  /**
   * A change is being saved. Copying gives way to saving: a 20 MB copy flushed while the user
   * codes made each save wait behind it (the round trip's p95 rose by a third).
   */
  noteChange(): void {
    this.lastChange = performance.now();
  }

  /** Resolves once saving has been quiet for `quietMs` (or the wait has gone on too long, or the project is closing). */
  private async quietMoment(): Promise<void> {
    const started = performance.now();
    for (;;) {
      const now = performance.now();
      const quietFor = now - this.lastChange;
      if (this.hurry || quietFor >= this.quietMs || now - started >= MAX_WAIT_MS) return;
      await new Promise((resolve) => setTimeout(resolve, this.quietMs - quietFor));
    }
  }

  get dir(): string {
    return join(this.projectDir, 'backups');
  }

  /** Whether a set is due before the next change. */
  get due(): boolean {
    return this.lastTaken === null || this.now().getTime() - this.lastTaken >= MIN_INTERVAL_MS;
  }

  /**
   * Opens every member's files now (call it between two changes) and copies them in the
   * background. A set that cannot be taken (a full disk) is tried again before the next change.
   */
  async take(members: readonly SetMember[]): Promise<void> {
    const taken = this.now();
    const opened: OpenMember[] = [];
    try {
      for (const m of members) {
        const snapshot = await open(m.snapshot, 'r').catch(() => null);
        if (!snapshot) continue;
        const logs: OpenMember['logs'] = [];
        opened.push({ stem: m.stem, snapshot, logs });
        for (const log of m.logs) if (log.length > 0) logs.push({ handle: await open(log.file, 'r'), length: log.length });
      }
    } catch {
      await closeAll(opened);
      return;
    }
    const previous = this.lastTaken;
    this.lastTaken = taken.getTime();
    const copy = this.copy(opened, taken).catch(() => {
      this.lastTaken = previous;
    });
    this.copying = this.copying.then(() => copy);
  }

  /** Waits for the sets being copied, which stop giving way to changes (none come while closing). */
  settled(): Promise<void> {
    this.hurry = true;
    return this.copying.finally(() => {
      this.hurry = false;
    });
  }

  private async copy(members: OpenMember[], taken: Date): Promise<void> {
    const at = stamp(taken);
    const files: string[] = [];
    try {
      await makePrivateDir(this.dir);
      for (const m of members) {
        const snapshot = `${m.stem}.${at}.json`;
        files.push(snapshot);
        await copyInto(join(this.dir, snapshot), [{ handle: m.snapshot, length: (await m.snapshot.stat()).size }], () => this.quietMoment());
        if (m.logs.length > 0) {
          const log = `${m.stem}.${at}.changes.jsonl`;
          files.push(log);
          await copyInto(join(this.dir, log), m.logs, () => this.quietMoment());
        }
      }
      await copyText(join(this.dir, `set.${at}.json`), JSON.stringify({ schemaVersion: 1, takenAt: taken.toISOString(), files }, null, 1));
    } catch (err) {
      // Half a set is no backup: what was copied goes, and the set is tried again later.
      await Promise.all([...files, `set.${at}.json`].map((f) => unlink(join(this.dir, f)).catch(() => undefined)));
      throw err;
    } finally {
      await closeAll(members);
    }
    await this.prune();
  }

  /** Backups of one data file (by stem), newest first: its snapshot, and its log if it had one. */
  async list(stem: string): Promise<{ snapshot: string; log: string | null; at: string }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const logs = new Set(names.filter((n) => n.endsWith('.changes.jsonl')));
    return names
      .filter((n) => n.startsWith(`${stem}.`) && n.endsWith('.json') && STAMP.test(n))
      .sort()
      .reverse()
      .map((n) => {
        const at = STAMP.exec(n)![1]!;
        const log = `${stem}.${at}.changes.jsonl`;
        return { snapshot: join(this.dir, n), log: logs.has(log) ? join(this.dir, log) : null, at };
      });
  }

  /**
   * The files of the whole set taken at `at` (names inside backups/), as its `set.<at>.json`
   * lists them; null when there is no such list (a set cut short, or a backup of one file).
   */
  async setFiles(at: string): Promise<string[] | null> {
    try {
      const list = JSON.parse(await readFile(join(this.dir, `set.${at}.json`), 'utf-8')) as { files?: unknown };
      const files = Array.isArray(list.files) ? list.files.filter((f): f is string => typeof f === 'string') : [];
      // Only names of this set, never a path elsewhere.
      return files.every((f) => /^[\w-]+\.\d{8}-\d{6}-\d{3}\.(json|changes\.jsonl)$/.test(f) && f.includes(`.${at}.`)) ? files : null;
    } catch {
      return null;
    }
  }

  /** The files of each set (older backups of single files count as sets of one), newest first. */
  private async sets(): Promise<string[][]> {
    const sets = new Map<string, string[]>();
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const at = STAMP.exec(name)?.[1];
      if (at) (sets.get(at) ?? sets.set(at, []).get(at)!).push(join(this.dir, name));
    }
    return [...sets.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([, files]) => files);
  }

  /** Deletes every set in which any file mentions one of `ids` (documents purged for good). */
  async purgeMentioning(ids: readonly string[]): Promise<void> {
    await this.copying;
    for (const files of await this.sets()) {
      let mentions = false;
      for (const file of files) {
        const text = await readFile(file, 'utf-8').catch(() => '');
        if (ids.some((id) => text.includes(id))) mentions = true;
      }
      if (mentions) await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
    }
  }

  private async prune(): Promise<void> {
    const old = (await this.sets()).slice(KEEP_SETS).flat();
    await Promise.all(old.map((f) => unlink(f).catch(() => undefined)));
  }
}

/** Copies piece by piece, each flushed before the next, so a save never waits behind more than one piece. */
async function copyInto(target: string, sources: { handle: FileHandle; length: number }[], quietMoment: () => Promise<void>): Promise<void> {
  const out = await open(target, 'w', PRIVATE_FILE_MODE);
  try {
    const buffer = Buffer.alloc(COPY_CHUNK);
    for (const { handle, length } of sources) {
      for (let at = 0; at < length; ) {
        await quietMoment();
        const { bytesRead } = await handle.read(buffer, 0, Math.min(COPY_CHUNK, length - at), at);
        if (bytesRead === 0) break;
        for (let written = 0; written < bytesRead; ) written += (await out.write(buffer, written, bytesRead - written)).bytesWritten;
        await out.datasync();
        at += bytesRead;
      }
    }
    await out.datasync();
  } finally {
    await out.close();
  }
}

async function copyText(target: string, text: string): Promise<void> {
  const out = await open(target, 'w', PRIVATE_FILE_MODE);
  try {
    await writeAll(out, text);
    await out.datasync();
  } finally {
    await out.close();
  }
}

async function closeAll(members: OpenMember[]): Promise<void> {
  for (const m of members) for (const h of [m.snapshot, ...m.logs.map((l) => l.handle)]) await h.close().catch(() => undefined);
}
