import { copyFile, mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const KEEP_PER_FILE = 10;
const MIN_INTERVAL_MS = 10 * 60 * 1000;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
}

/**
 * Rotating copies of a project's JSON files in `backups/`: the last good version of a file is
 * copied aside before the first overwrite of a session and then at most every ten minutes,
 * keeping the newest ten per file.
 */
export class BackupPolicy {
  private readonly lastBackup = new Map<string, number>();

  constructor(
    private readonly projectDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get dir(): string {
    return join(this.projectDir, 'backups');
  }

  /** "coders/abc.json" → "coders-abc" */
  stemFor(file: string): string {
    return relative(this.projectDir, file).split(sep).join('-').replace(/\.json$/, '');
  }

  async beforeOverwrite(file: string): Promise<void> {
    const now = this.now();
    const last = this.lastBackup.get(file);
    if (last !== undefined && now.getTime() - last < MIN_INTERVAL_MS) return;
    await mkdir(this.dir, { recursive: true });
    const stem = this.stemFor(file);
    try {
      await copyFile(file, join(this.dir, `${stem}.${stamp(now)}.json`));
    } catch (err) {
      // A file written for the first time has nothing to keep: the next overwrite is the first.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    // Only once the copy is made: a backup that failed (a full disk) is tried again next time.
    this.lastBackup.set(file, now.getTime());
    await this.prune(stem);
  }

  /** Backups of one file, newest first. */
  async list(stem: string): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((n) => n.startsWith(`${stem}.`) && n.endsWith('.json'))
      .sort()
      .reverse()
      .map((n) => join(this.dir, n));
  }

  /** Deletes every backup that mentions one of `ids` (documents purged for good). */
  async purgeMentioning(ids: readonly string[]): Promise<void> {
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const file = join(this.dir, name);
      const text = await readFile(file, 'utf-8').catch(() => '');
      if (ids.some((id) => text.includes(id))) await unlink(file).catch(() => undefined);
    }
  }

  private async prune(stem: string): Promise<void> {
    const all = await this.list(stem);
    await Promise.all(all.slice(KEEP_PER_FILE).map((f) => unlink(f).catch(() => undefined)));
  }
}
