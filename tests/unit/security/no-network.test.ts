import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file below `dir` whose name matches. */
function files(dir: string, match: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, match) : match.test(name) ? [path] : [];
  });
}

/**
 * URLs that appear in the built bundles without ever being requested, each with the reason.
 * Anything else is a finding: the app must not contact the network.
 */
const inertUrls: [RegExp, string][] = [
  [/^https?:\/\/www\.w3\.org\//, 'XML and SVG namespace names'],
  [/^http:\/\/schemas\.openxmlformats\.org\//, 'Office Open XML namespace names, in the .xlsx files the export writes'],
  [/^https?:\/\/json-schema\.org\//, "zod's JSON Schema $schema identifiers (a string in generated schemas)"],
  [/^https:\/\/github\.com\/paralleldrive\/cuid/, 'a comment in zod'],
  [/^https:\/\/react\.dev\/errors\//, "text of React's production error messages"],
  [/^https:\/\/exa$/, 'a comment in our URL checks about parsing "https://exa\\nmple.com"'],
  [/^https?:\/\/(127\.0\.0\.1|localhost)([:/]|$)/, 'this computer'],
  [/^http:\/\/\[(\.\.\.|\$\{value\})\]$/, "zod's IPv6 check: it parses a URL string it builds, locally"],
];

/**
 * A module that is only data (`var x = {…JSON…}; export { x as default }`) runs no code: its
 * addresses are text. Help → About's generated module is one, holding the licence texts.
 */
function isDataOnlyModule(text: string): boolean {
  const match = /^(?:\/\/[^\n]*\n)?var ([\w$]+)\s*=\s*(\{[\s\S]*\});?\s*export\s*\{\s*\1 as default\s*\};?\s*$/.exec(text);
  if (!match) return false;
  try {
    JSON.parse(match[2]!);
    return true;
  } catch {
    return false;
  }
}

describe('nothing leaves the machine', () => {
  const bundles = files('out', /\.(js|cjs|mjs|html|css)$/);

  it.skipIf(bundles.length === 0)('the built bundles name no remote address except inert identifiers', () => {
    const findings: string[] = [];
    for (const file of bundles) {
      const text = readFileSync(file, 'utf-8');
      if (isDataOnlyModule(text)) continue;
      for (const match of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]*/g)) {
        if (!inertUrls.some(([pattern]) => pattern.test(match[0]))) findings.push(`${relative('.', file)}: ${match[0]}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it.skipIf(bundles.length === 0)('the About box’s licence texts are a data-only module, and only they are', () => {
    const dataOnly = bundles.filter((file) => isDataOnlyModule(readFileSync(file, 'utf-8')));
    expect(dataOnly.map((file) => relative(join('out', 'renderer', 'assets'), file))).toEqual([expect.stringMatching(/marginalia-about-[\w-]+\.js$/)]);
  });

  it.skipIf(bundles.length === 0)('the renderer bundle loads nothing from outside the app: no remote scripts, styles or fonts', () => {
    const html = readFileSync(join('out', 'renderer', 'index.html'), 'utf-8');
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^(\.\/|\/(?!\/)|data:)/);
    for (const css of files(join('out', 'renderer'), /\.css$/)) {
      for (const [, url] of readFileSync(css, 'utf-8').matchAll(/url\(["']?([^"')]+)/g)) expect(url).toMatch(/^(\.\/|\/(?!\/)|data:|[\w-]+\.(woff2?|ttf|svg|png)$)/);
    }
  });

  it('only the API client talks to the backend from the page, and only to its own origin', () => {
    const networkApis = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(/;
    const users = files('renderer/src', /\.tsx?$/).filter((f) => networkApis.test(readFileSync(f, 'utf-8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(users.map((f) => relative('.', f))).toEqual(['renderer/src/api/client.ts']);
    const client = readFileSync('renderer/src/api/client.ts', 'utf-8');
    expect(client).not.toMatch(/https?:\/\//);
  });

  it('the Node side opens no outgoing connections: no HTTP clients, sockets or fetch in product code', () => {
    const outgoing = /\b(https?\.(request|get)|net\.connect|tls\.connect|dgram|new WebSocket|fetch\s*\(|undici|axios|node-fetch)\b/;
    const product = [...files('electron', /\.(ts|mjs)$/), ...files('shared', /\.ts$/)];
    const offenders = product.filter((f) => outgoing.test(readFileSync(f, 'utf-8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(offenders.map((f) => relative('.', f))).toEqual([]);
  });
});
