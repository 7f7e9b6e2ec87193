import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportChunk } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { PrivateTempFolder } from '../private-temp-folder';

/**
 * The files the app's exports made, waiting for the UI to read them back (export.read) and save
 * them. A worker writes each (export-in-worker.ts), so the backend's thread never holds a
 * whole file; the UI reads it a piece at a time, each piece a short step for the backend. A file
 * goes when its last piece is read; what is left (an export the user walked away from) goes
 * with the folder when the app closes.
 */

/**
 * Bytes per piece. Encoding a piece and sending it is one uninterrupted step for the backend
 * that grows with the piece (base64, JSON, UTF-8: 119 ms for 1 MB, 21 ms for 256 KB on a
 * 2-core machine at load 20), while each piece costs a round trip.
 */
export const EXPORT_CHUNK_BYTES = 256 * 1024;

const GONE = 'That export is no longer waiting to be saved: export it again.';

export class ExportFiles {
  private readonly temp = new PrivateTempFolder('marginalia-export-');
  private readonly waiting = new Set<string>();

  /** A new file for a worker to write: its id and path. */
  async reserve(): Promise<{ fileId: string; path: string }> {
    const fileId = randomUUID();
    const path = join(await this.temp.folder(), fileId);
    this.waiting.add(fileId);
    return { fileId, path };
  }

  /** The piece of the file from `offset`; the last piece deletes the file. */
  async read(fileId: string, offset: number, chunkBytes = EXPORT_CHUNK_BYTES): Promise<ExportChunk> {
    const dir = this.temp.made();
    if (!this.waiting.has(fileId) || !dir) throw new AppError('NOT_FOUND', GONE);
    const handle = await open(join(await dir, fileId), 'r').catch(() => {
      throw new AppError('NOT_FOUND', GONE);
    });
    let chunk: ExportChunk;
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(chunkBytes, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      const next = offset + bytesRead;
      chunk = { base64: buffer.subarray(0, bytesRead).toString('base64'), nextOffset: next < size ? next : null };
    } finally {
      await handle.close();
    }
    if (chunk.nextOffset === null) await this.discard(fileId);
    return chunk;
  }

  /** Deletes a file (read to its end, or its export failed). */
  async discard(fileId: string): Promise<void> {
    const dir = this.temp.made();
    if (!this.waiting.delete(fileId) || !dir) return;
    await rm(join(await dir, fileId), { force: true });
  }

  async clear(): Promise<void> {
    this.waiting.clear();
    await this.temp.clear();
  }
}
