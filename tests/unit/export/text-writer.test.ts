import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TextWriter } from '../../../electron/services/export/text-writer';

/** A disk that takes a piece every few milliseconds, remembering what it was given. */
function slowSink(): { sink: Writable; pieces: Buffer[]; mostBuffered: () => number } {
  const pieces: Buffer[] = [];
  let most = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      pieces.push(chunk);
      most = Math.max(most, sink.writableLength);
      setTimeout(done, 2);
    },
  });
  return { sink, pieces, mostBuffered: () => most };
}

describe('TextWriter (how CSV and the worksheets reach their file)', () => {
  it('hands text on in pieces as it is written, waiting for a slow disk instead of piling it up', async () => {
    const { sink, pieces, mostBuffered } = slowSink();
    const writer = new TextWriter(sink);
    const line = `"${'é, “quoted” 🌳 text '.repeat(10)}",42\r\n`;
    for (let i = 0; i < 20_000; i++) await writer.write(line);
    await writer.end('last\r\n');
    const text = Buffer.concat(pieces).toString('utf8');
    expect(text).toBe(line.repeat(20_000) + 'last\r\n');
    expect(pieces.length).toBeGreaterThan(3);
    // Never more than a piece or two waiting, though the file is several megabytes.
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(mostBuffered()).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('stops with the error of a stream that fails', async () => {
    const failing = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      },
    });
    const writer = new TextWriter(failing);
    const writing = (async () => {
      for (let i = 0; i < 100; i++) await writer.write('x'.repeat(100_000));
      await writer.end();
    })();
    await expect(writing).rejects.toThrow(/no space left on device/);
  });
});
