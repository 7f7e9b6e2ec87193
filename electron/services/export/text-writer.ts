import type { Writable } from 'node:stream';

/** Text is encoded into buffers of this many bytes, each handed to the stream when full. */
const PIECE_BYTES = 1024 * 1024;

/**
 * Text written to a stream as an export makes it: gathered into large pieces, and waiting
 * whenever the stream has fallen behind (backpressure), so memory stays at a piece or two
 * however large the file. A failure of the stream, or of whatever it feeds (`failed`), ends
 * the writing with that error.
 */
export class TextWriter {
  private buffer = Buffer.allocUnsafe(PIECE_BYTES);
  private used = 0;
  private error: Error | null = null;
  private readonly failed: Promise<never>;

  constructor(
    private readonly stream: Writable,
    downstream?: Promise<never>,
  ) {
    const own = new Promise<never>((_, reject) => stream.once('error', reject));
    this.failed = downstream ? Promise.race([own, downstream]) : own;
    this.failed.catch((err: Error) => (this.error ??= err));
  }

  /**
   * Adds text. Small pieces (a row) are encoded straight into the current buffer: no long
   * strings are built, which in V8 would have to be flattened and collected.
   */
  async write(text: string): Promise<void> {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > PIECE_BYTES) {
      await this.flush();
      if (text.length * 3 > PIECE_BYTES) return this.send(Buffer.from(text, 'utf8'));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const piece = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(PIECE_BYTES);
    this.used = 0;
    await this.send(piece);
  }

  private async send(piece: Buffer): Promise<void> {
    if (this.error) throw this.error;
    if (!this.stream.write(piece)) await Promise.race([new Promise<void>((resolve) => this.stream.once('drain', () => resolve())), this.failed]);
  }

  /** Writes what is left, ends the stream and waits until it has taken everything. */
  async end(text = ''): Promise<void> {
    await this.write(text);
    await this.flush();
    const finished = new Promise<void>((resolve) => this.stream.once('finish', () => resolve()));
    this.stream.end();
    await Promise.race([finished, this.failed]);
  }
}
