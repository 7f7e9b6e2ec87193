import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/content-security-policy';
import { contentTypeFor, isHtml } from '../common/static-files';
import { resolveRendererFile } from './renderer-files';
import { APP_SCHEME } from './security';

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes it a secure context; `supportFetchAPI`/`corsEnabled` let Vite's
 * `<script type="module" crossorigin>` load from it (no CORS headers are ever sent, so other
 * origins still cannot read it).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves the built renderer under `app://marginalia/`. Files are read directly rather than
 * through `net.fetch('file://…')`, which the session's network filter would cancel.
 */
export function serveRenderer(rendererDir: string, csp: string = CONTENT_SECURITY_POLICY): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveRendererFile(rendererDir, request.url);
    if (file === null) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers: Record<string, string> = {
      'Content-Type': contentTypeFor(file),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (isHtml(file)) headers['Content-Security-Policy'] = csp;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}
