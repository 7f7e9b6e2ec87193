/**
 * The renderer's one Content-Security-Policy, for both shells: the Electron shell sets it on
 * the app's pages, browser mode's server on every reply.
 */

function devOrigin(devServerOrigin: string | null): string | null {
  if (devServerOrigin === null) return null;
  try {
    return new URL(devServerOrigin).origin;
  } catch {
    return null;
  }
}

/**
 * In dev (Electron only) the page is served by the dev server, whose HMR socket must be
 * reachable and whose React Refresh preamble is an inline script; otherwise no inline script
 * and no origin beyond the page's own.
 */
export function contentSecurityPolicy(devServerOrigin: string | null): string {
  const dev = devOrigin(devServerOrigin);
  const devConnect = dev === null ? [] : [dev, dev.replace(/^http/, 'ws')];
  const directives = [
    "default-src 'self'",
    dev === null ? "script-src 'self'" : "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...devConnect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** The policy without a dev server: the packaged app and browser mode. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);
