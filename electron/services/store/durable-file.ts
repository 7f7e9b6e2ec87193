import { open, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Projects hold transcripts of conversations about people's mental health: the files and
 * folders the app creates are readable by their owner only (POSIX; Windows ignores modes).
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Where an in-progress write goes before it is renamed over the real file (steno's convention). */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`);
}

export async function fsyncDir(dir: string): Promise<void> {
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

/** The permissions a rewrite keeps: the file's own (the user may have shared it on purpose), else private. */
async function modeFor(file: string): Promise<number> {
  return stat(file).then(
    (info) => info.mode & 0o777,
    () => PRIVATE_FILE_MODE,
  );
}

/** Text to write: whole, or in chunks as they are made (a large snapshot, serialised in slices). */
export type FileContent = string | AsyncIterable<string>;

/** Writes every byte at the handle's position (a write may take only part of them). */
async function writeBytes(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
}

/** Writes every byte of `text` at the handle's position. */
export async function writeAll(handle: FileHandle, text: string): Promise<void> {
  await writeBytes(handle, Buffer.from(text, 'utf-8'));
}

/** Bytes of chunks gathered before they are written. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Writes chunks as they come, encoded into one buffer reused for the whole file: a buffer or
 * flat string made per chunk would leave megabytes of garbage per snapshot, which the garbage
 * collector then stops everything to clear, while the user is coding.
 */
async function writeChunks(handle: FileHandle, chunks: AsyncIterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  for await (const chunk of chunks) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = chunk.length * 3;
    if (used + most > buffer.length && used > 0) {
      await writeBytes(handle, buffer.subarray(0, used));
      used = 0;
    }
    if (most > buffer.length) await writeAll(handle, chunk);
    else used += buffer.write(chunk, used, 'utf-8');
  }
  await writeBytes(handle, buffer.subarray(0, used));
}

/**
 * Writes `content` to `file` atomically and durably: temp file, fsync, rename, fsync folder.
 * If any step fails (a full disk, a read-only folder) the temp file is removed and `file` is
 * exactly as it was. A new file is private (PRIVATE_FILE_MODE); a rewritten one keeps its mode.
 */
export async function writeFileDurably(file: string, content: FileContent): Promise<void> {
  const temp = tempPathFor(file);
  const mode = await modeFor(file);
  try {
    const handle = await open(temp, 'w', mode);
    try {
      // A temp file left by a crash keeps its old mode through open(): set it.
      await handle.chmod(mode);
      if (typeof content === 'string') await handle.writeFile(content, 'utf-8');
      else await writeChunks(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dirname(file));
}

export interface CoalescingWriterOptions {
  /** How the content reaches the disk; writeFileDurably unless a test says otherwise. */
  write?: (file: string, content: string) => Promise<void>;
  /** Told the exact content of each write that reached the disk. */
  onWritten?: (content: string) => void;
  /**
   * Told of a failed write, synchronously, before any caller hears of it: every change not yet
   * on disk (the failed write's and those waiting for the next) is lost, and the owner puts its
   * in-memory state back to what is on disk. All waiting callers are rejected with the error.
   */
  onFailed?: (err: unknown) => void;
}

interface Waiters {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Serialises writes to one file and coalesces bursts (group commit): while a write is in
 * flight, later requests wait and are satisfied together by one write of the newest state.
 * `render` is called when a write starts, so a burst of changes is serialised once.
 * Each request's promise settles when a write containing its change is on disk, or rejects
 * when that write (or the one before it, whose changes it built on) failed.
 */
export class CoalescingWriter {
  private inFlight: Promise<void> | null = null;
  private queued: Waiters | null = null;

  constructor(
    private readonly file: string,
    private readonly render: () => string,
    private readonly options: CoalescingWriterOptions = {},
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
    while (this.inFlight) await this.inFlight;
  }

  private start(): Promise<void> {
    const { write = writeFileDurably, onWritten, onFailed } = this.options;
    let content = '';
    // The bookkeeping runs synchronously when the write settles, so a change made after a
    // failure is never mistaken for one that was waiting on the failed write.
    const settled = (async () => {
      content = this.render();
      await write(this.file, content);
    })().then(
      () => {
        this.inFlight = null;
        onWritten?.(content);
        const queued = this.queued;
        this.queued = null;
        if (queued) this.start().then(queued.resolve, queued.reject);
      },
      (err: unknown) => {
        this.inFlight = null;
        onFailed?.(err);
        const queued = this.queued;
        this.queued = null;
        queued?.reject(err);
        throw err;
      },
    );
    this.inFlight = settled.catch(() => undefined);
    return settled;
  }
}
