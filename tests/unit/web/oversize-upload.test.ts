import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_REQUEST_BYTES } from '../../../shared/api/contract';
import { MAX_IMPORT_BYTES } from '../../../shared/import/formats';
import type { Backend } from '../../../electron/services/backend';
import { startWebServer } from '../../../electron/web/server';
import type { WebServer } from '../../../electron/web/server';
import { homeBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * Issue 15: an oversize `import.stage` answered INTERNAL. Through the real HTTP transport and
 * backend, an upload over the import limit gets the domain error naming the file and the limit,
 * and a request over the transport's own limit is refused as invalid input before it is read.
 */

const TOKEN = 'oversize-upload-token-0123456789abcdef';
const tempDir = useTempDirs();
let backend: Backend;
let server: WebServer;

beforeAll(async () => {
  const root = await tempDir();
  const staticDir = join(root, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  backend = await homeBackend(root);
  server = await startWebServer({ handlers: backend.handlers, events: backend.events, staticDir, token: TOKEN, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await backend?.shutdown();
});

function post(channel: string, body: string | null, headers: Record<string, string> = {}): Promise<{ status: number; reply: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/rpc/${channel}`, agent: false, headers: { 'x-marginalia-token': TOKEN, 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reply: JSON.parse(Buffer.concat(chunks).toString()) }));
      },
    );
    req.on('error', reject);
    if (body === null) req.flushHeaders();
    else req.end(body);
  });
}

describe('an oversize import.stage over HTTP', { timeout: 60_000 }, () => {
  it('a file over the import limit (its request within the transport limit): a domain error naming the file and the limit', async () => {
    const base64 = Buffer.alloc(MAX_IMPORT_BYTES + 5 * 1024 * 1024).toString('base64');
    expect(base64.length).toBeLessThan(LARGE_REQUEST_BYTES);
    const { status, reply } = await post('import.stage', JSON.stringify({ fileName: 'Focus group 3.txt', base64 }));
    expect(status).toBe(200);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', file: 'Focus group 3.txt', message: 'Focus group 3.txt: is larger than 100 MB (it is 105 MB): split it into smaller files and import those' },
    });
  });

  it('a request over the transport limit: refused before it is read, as invalid input naming the limit', async () => {
    const { status, reply } = await post('import.stage', null, { 'content-length': String(LARGE_REQUEST_BYTES + 1) });
    expect(status).toBe(413);
    expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'This request is too large: import.stage accepts at most 150 MB.' } });
  });
});
