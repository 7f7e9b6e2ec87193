import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where an in-progress write goes before it is renamed over the real file (steno's convention). */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`);
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open a directory: the
  // rename is still atomic there, only not yet flushed, so this is best effort.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort, see above */
  }
}

/** Writes `content` to `file` atomically and durably: temp file, fsync, rename, fsync folder. */
export async function writeFileDurably(file: string, content: string): Promise<void> {
  const temp = tempPathFor(file);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content, 'utf-8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dirname(file));
}

/**
 * Serialises writes to one file and coalesces bursts (group commit): while a write is in
 * flight, later requests wait and are satisfied together by one write of the newest state.
 * `render` is called when a write starts, so a burst of changes is serialised once.
 * Each request's promise settles when a write containing its change is on disk.
 */
export class CoalescingWriter {
  private inFlight: Promise<void> | null = null;
  private queued: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;

  constructor(
    private readonly file: string,
    private readonly render: () => string,
    private readonly beforeWrite: () => Promise<void> = async () => undefined,
  ) {}

  write(): Promise<void> {
    if (!this.inFlight) return this.start();
    if (!this.queued) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.queued = { promise, resolve, reject };
    }
    return this.queued.promise;
  }

  /** Resolves when every requested write has finished (or failed). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private start(): Promise<void> {
    const run = (async () => {
      await this.beforeWrite();
      await writeFileDurably(this.file, this.render());
    })();
    // The caller sees `run`'s outcome; the chain below only moves the queue along.
    this.inFlight = run.then(
      () => this.next(),
      () => this.next(),
    );
    return run;
  }

  private next(): void {
    this.inFlight = null;
    const queued = this.queued;
    this.queued = null;
    if (queued) this.start().then(queued.resolve, queued.reject);
  }
}
