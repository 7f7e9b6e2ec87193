import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import yazl from 'yazl';
import { TextWriter } from '../text-writer';
import { ENTRY_TIME } from '../zip';

/**
 * A zip written as it goes (yazl): small parts added whole, large ones (worksheets) streamed
 * through deflate a piece at a time, so a workbook of any size needs only the memory of the
 * piece being written. Entries are written in the order they are opened, one at a time.
 */

export class ZipStream {
  private readonly zip = new yazl.ZipFile();
  private failure: Error | null = null;
  private readonly failed: Promise<never>;
  private readonly finished: Promise<void>;

  constructor(
    output: Writable,
    /** zlib's level: 1 is fastest; 6 (zlib's default) makes files a little smaller, slower. */
    private readonly level: number,
  ) {
    let fail!: (err: Error) => void;
    this.failed = new Promise<never>((_, reject) => (fail = reject));
    this.failed.catch(() => {}); // Observed through write() and finish().
    const onError = (err: Error) => {
      this.failure ??= err;
      fail(err);
    };
    output.once('error', onError);
    this.zip.on('error', onError);
    this.finished = new Promise<void>((resolve) => output.once('finish', () => resolve()));
    this.zip.outputStream.pipe(output);
  }

  add(name: string, text: string): void {
    this.zip.addBuffer(Buffer.from(text, 'utf8'), name, { compressionLevel: this.level, mtime: ENTRY_TIME });
  }

  /** An entry to write text into, piece by piece; end it before opening the next. */
  open(name: string): TextWriter {
    const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
    this.zip.addReadStream(stream, name, { compressionLevel: this.level, mtime: ENTRY_TIME });
    return new TextWriter(stream, this.failed);
  }

  /** Ends the zip and waits until every byte has reached the output. */
  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    this.zip.end();
    await Promise.race([this.finished, this.failed]);
  }
}
