import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The browser is opened on this private page instead of on the login address: a command line
 * is visible to every user of the computer (`ps`), a file readable only by its owner is not.
 * The page forwards to the address, whose fragment carries the token to the tab.
 */
export interface LoginFile {
  /** `file://…/open.html`, safe to pass to a browser opener. */
  url: string;
  path: string;
  remove(): Promise<void>;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function loginPage(loginUrl: string): string {
  const href = escapeHtml(loginUrl);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${href}"><title>Opening Marginalia…</title></head>
<body><p>Opening Marginalia… If nothing happens, <a href="${href}">open Marginalia</a>.</p></body></html>
`;
}

export async function writeLoginFile(loginUrl: string): Promise<LoginFile> {
  // mkdtemp makes the folder 0700; the file is 0600 and must not exist already.
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-open-'));
  const path = join(dir, 'open.html');
  await writeFile(path, loginPage(loginUrl), { mode: 0o600, flag: 'wx' });
  return { url: pathToFileURL(path).href, path, remove: () => rm(dir, { recursive: true, force: true }) };
}
