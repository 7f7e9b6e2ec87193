import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
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

/** A node of the syntax tree, as far as these checks read it (ESTree shape). */
interface AstNode {
  type: string;
  [field: string]: unknown;
}
const child = (node: AstNode, field: string) => node[field] as AstNode | null | undefined;
const children = (node: AstNode, field: string) => (node[field] ?? []) as (AstNode | null)[];

/** An expression that is plain data: literals, templates without placeholders, arrays and objects of them. */
function isData(node: AstNode | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'Literal':
      return !node.regex;
    case 'TemplateLiteral':
      return children(node, 'expressions').length === 0;
    case 'UnaryExpression':
      // How a minifier writes -1, true (!0) and false (!1).
      return (node.operator === '-' || node.operator === '!') && typeof child(node, 'argument')?.value === 'number';
    case 'ArrayExpression':
      return children(node, 'elements').every((e) => isData(e));
    case 'ObjectExpression':
      return children(node, 'properties').every((p) => p?.type === 'Property' && !p.computed && !p.method && !p.shorthand && p.kind === 'init' && isData(child(p, 'value')));
    default:
      return false;
  }
}

/**
 * A module that is only data (`var x = {…}; export { x as default }`, read as syntax, so a
 * minified one passes too) runs no code: its addresses are text. Help → About's generated
 * module is one, holding the licence texts.
 */
function isDataOnlyModule(text: string): boolean {
  let body: AstNode[];
  try {
    body = parseAst(text).body as unknown as AstNode[];
  } catch {
    return false;
  }
  const [declaration, exported, ...rest] = body;
  if (rest.length > 0 || declaration?.type !== 'VariableDeclaration' || exported?.type !== 'ExportNamedDeclaration' || exported.source) return false;
  const [variable, ...more] = children(declaration, 'declarations');
  const id = variable ? child(variable, 'id') : null;
  if (!variable || more.length > 0 || id?.type !== 'Identifier' || !isData(child(variable, 'init'))) return false;
  const [specifier, ...others] = children(exported, 'specifiers');
  const name = (n: AstNode | null | undefined) => (n?.type === 'Identifier' ? n.name : n?.value);
  return others.length === 0 && !!specifier && name(child(specifier, 'local')) === id.name && name(child(specifier, 'exported')) === 'default';
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
