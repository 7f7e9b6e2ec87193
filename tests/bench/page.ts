import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { StepResult } from './measure';

/**
 * What the benchmark's browser steps share: browser mode started on a project (the real
 * `electron/web/main.ts` entry serving the built renderer), and the in-page timers.
 */

export const TOKEN = 'marginalia-bench-token-0123456789abcdef';
export const CHROMIUM = process.env.MARGINALIA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface ServerConfig {
  project: string;
  work: string;
  /** When set, a CPU profile of the server is written here. */
  profileDir?: string;
}

export const log = (message: string): void => {
  process.stderr.write(`  · ${message}\n`);
};

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function vmPeakMb(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    return round(Number(/VmHWM:\s+(\d+)/.exec(text)?.[1]) / 1024);
  } catch {
    return null;
  }
}

export async function startServer(repoRoot: string, config: ServerConfig): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(config.profileDir ? ['--cpu-prof', '--cpu-prof-dir', config.profileDir, '--cpu-prof-name', 'browser-server.cpuprofile'] : []),
      '--import',
      'tsx',
      'electron/web/main.ts', '--no-open', '--port', '0', '--data-dir', join(config.work, 'web-data'), '--project', config.project],
    {
      cwd: repoRoot,
      env: { ...process.env, MARGINALIA_TOKEN: TOKEN, MARGINALIA_DOCUMENTS_DIR: join(config.work, 'web-documents') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 60 s:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Marginalia is running at (http:\/\/127\.0\.0\.1:\d+\/login#token=[\w.~-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${stderr}`));
    });
  });
  if (/Could not open the project/.test(stderr)) throw new Error(stderr);
  return { child, url };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export async function rpc(origin: string, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': TOKEN },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value;
}

/**
 * In-page scripts are kept as plain JavaScript text: tsx (esbuild, keepNames) would wrap the
 * functions of this file in a `__name` helper that does not exist in the page.
 */

/** Installed before the app's own scripts: every long task and long animation frame is kept. */
export const OBSERVE_LONG_TASKS = `
(() => {
  const bench = { longTasks: [], frames: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: (e.scripts || []).map((s) => ({
            invoker: s.invoker,
            source: String(s.sourceURL || '').split('/').pop() + ':' + (s.sourceFunctionName || ''),
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* no Long Animation Frames: long tasks still are observed */
  }
})();
`;

/**
 * In-page: calls `done(now)` once the page has drawn its next frame: from requestAnimationFrame,
 * a task of the highest priority (scheduler.postTask's user-blocking) runs once that frame's style,
 * layout and paint are done, ahead of the tasks the app queued meanwhile (React's work, replies).
 */
export const AFTER_FRAME = `(done) => requestAnimationFrame(() => {
  if (window.scheduler && scheduler.postTask) { scheduler.postTask(() => done(performance.now()), { priority: 'user-blocking' }); return; }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done(performance.now());
  channel.port2.postMessage(null);
})`;

/**
 * In-page: reports through `done(time)` when this element's text reaches the screen (Element
 * Timing's presentation time): on this machine's software raster, 0.1-0.2 s after its frame.
 */
const ON_SCREEN = `(el, id, done) => {
  new PerformanceObserver((list, observer) => {
    for (const e of list.getEntries()) {
      if (e.identifier === id) { observer.disconnect(); done(e.renderTime || e.loadTime); return; }
    }
  }).observe({ type: 'element', buffered: true });
  for (const node of [el, ...el.querySelectorAll('*')]) node.setAttribute('elementtiming', id);
}`;

/** Finds the reader region of the named document. */
export const REGION = `(name) => [...document.querySelectorAll('section[aria-label]')].find((s) => s.getAttribute('aria-label') === name)`;

/** Arms the timer: click time (capture phase) to the first frame after the reader shows text. */
export const ARM_OPEN_TIMER = `
(name) => {
  const state = { t0: null, dom: null, painted: null, onScreen: null };
  window.__open = state;
  const region = ${REGION};
  const firstBlock = () => { const r = region(name); return r && r.querySelector('[data-key]'); };
  const hasText = () => {
    const r = region(name);
    if (!r) return false;
    const block = r.querySelector('[data-key]');
    if (block && (block.textContent || '').trim().length > 0) return true;
    const scroller = r.querySelector('[data-scroll-root]');
    return Boolean(scroller && (scroller.textContent || '').trim().length > 200);
  };
  document.addEventListener('click', () => { if (state.t0 === null) state.t0 = performance.now(); }, { capture: true });
  const observer = new MutationObserver(() => {
    if (state.t0 === null || state.dom !== null || !hasText()) return;
    state.dom = performance.now();
    observer.disconnect();
    // The frame that shows it, drawn; and when its first block's text is on screen.
    (${AFTER_FRAME})((now) => { state.painted = now; });
    const block = firstBlock();
    if (block) (${ON_SCREEN})(block, 'bench-open', (at) => { state.onScreen = at; });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}`;

/**
 * Installed before the page loads: the wall-clock time of the first frame painted with a loaded
 * row (a document's name, not a row still on its way) in the Documents list.
 */
const OBSERVE_FIRST_ROW = `
(() => {
  const state = { framed: null, onScreen: null };
  window.__firstRow = state;
  const loaded = () => document.querySelector('[role="listbox"][aria-label="Documents"] [role="option"]:not([aria-busy="true"])');
  const observer = new MutationObserver(() => {
    const row = loaded();
    if (!row) return;
    observer.disconnect();
    (${AFTER_FRAME})((now) => { state.framed = performance.timeOrigin + now; });
    (${ON_SCREEN})(row, 'bench-first-row', (at) => { state.onScreen = performance.timeOrigin + at; });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})();
`;

/** An app load: when the page drew the first loaded row, and when it reached the screen (ms from navigation). */
export interface AppLoad {
  framed: number;
  onScreen: number | null;
}

/**
 * Loads the app at `url` and times it until the page has drawn a frame with the Documents list's
 * first loaded row (a document's name, not a row on its way), timed in the page: Playwright's own
 * waits poll ever less often (20, 50, 100, 100, then every 500 ms). Beside it, when that row's
 * text reached the screen (Element Timing): on this machine that adds the software raster and
 * compositing, which a desktop's GPU does in a few milliseconds.
 */
export async function timeAppLoad(page: Page, url: string, timeoutMs = 60_000): Promise<AppLoad> {
  await page.addInitScript({ content: OBSERVE_FIRST_ROW });
  const t0 = Date.now();
  await page.goto(url);
  const framed = await waitForValue(page, 'window.__firstRow && window.__firstRow.framed', timeoutMs);
  if (framed === null) throw new Error(`the Documents list showed no document within ${timeoutMs / 1000} s`);
  const onScreen = await waitForValue(page, 'window.__firstRow.onScreen', 2000);
  return { framed: round(framed - t0), onScreen: onScreen === null ? null : round(onScreen - t0) };
}

/** An in-page value once it is set, or null after `ms` (the page's Content-Security-Policy forbids waitForFunction's eval). */
export async function waitForValue(page: Page, expression: string, ms: number): Promise<number | null> {
  for (const until = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 20))) {
    const value = (await page.evaluate(expression)) as number | null | undefined;
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) return null;
  }
}

/**
 * App loads timed, each in a fresh browser profile (nothing cached), in the page's window size.
 * Each page is left a second to finish its start (the document it reopens, its saves) before it
 * closes, so that the next load starts on a quiet machine, as a user's next launch would.
 */
export async function timeAppLoads(browser: Browser, url: string, runs: number): Promise<AppLoad[]> {
  const loads: AppLoad[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      loads.push(await timeAppLoad(page, url));
      await page.waitForTimeout(1000);
    } finally {
      await context.close();
    }
  }
  return loads;
}

/** Scrolls the (windowed) Documents list until the named option is rendered, then into view. */
export const REVEAL_OPTION = `
async (name) => {
  const list = document.querySelector('[role="listbox"][aria-label="Documents"]');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  // Found by its title (the name alone): the option's accessible name goes on with its attributes.
  const find = () => [...list.querySelectorAll('[role="option"]')].find((o) => o.getAttribute('title') === name);
  list.scrollTop = 0;
  await frame();
  // The list renders 800 px beyond its viewport either side: steps of that much more than a page miss nothing.
  // Rows come a page at a time: a row still on its way is an option marked busy, waited for.
  const settled = async () => {
    for (let t = 0; t < 600 && list.querySelector('[role="option"][aria-busy="true"]'); t++) await frame();
  };
  await settled();
  for (let i = 0; i < 10000 && !find(); i++) {
    const before = list.scrollTop;
    list.scrollTop = before + list.clientHeight + 1200;
    await frame();
    await frame();
    await settled();
    if (list.scrollTop === before) break;
  }
  const option = find();
  if (!option) throw new Error('no option named ' + name);
  option.scrollIntoView({ block: 'center' });
  await frame();
}`;

/** Calls an in-page function given as text with one JSON argument. */
export function inPage<T>(page: Page, fn: string, arg: unknown): Promise<T> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;
}

export interface OpenTiming {
  open: { t0: number; dom: number; painted: number; onScreen: number | null };
  requests: { name: string; start: number; waiting: number; download: number; end: number; bytes: number }[];
}

/** Clicks the document in the Documents list and times it until its text is painted. */
export async function timeOpen(page: Page, documentName: string): Promise<OpenTiming> {
  const option = page.getByRole('listbox', { name: 'Documents' }).locator(`[role="option"][title=${JSON.stringify(documentName)}]`);
  await inPage(page, REVEAL_OPTION, documentName);
  await inPage(page, ARM_OPEN_TIMER, documentName);
  await option.click();
  if ((await waitForValue(page, 'window.__open.painted', 60_000)) === null) {
    throw new Error(`the document did not show its text within 60 s: ${JSON.stringify(await page.evaluate('window.__open'))}`);
  }
  await waitForValue(page, 'window.__open.onScreen', 2000);
  const open = (await page.evaluate('window.__open')) as OpenTiming['open'];
  const requests = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/') && e.startTime >= ${open.t0}).map((e) => ({ name: e.name.split('/rpc/')[1], start: e.startTime - ${open.t0}, waiting: e.responseStart - e.requestStart, download: e.responseEnd - e.responseStart, end: e.responseEnd - ${open.t0}, bytes: e.decodedBodySize }))`,
  )) as OpenTiming['requests'];
  return { open, requests };
}


/** The largest reply the page received from the backend so far, and its channel. */
export async function largestReply(page: Page): Promise<{ channel: string; bytes: number }> {
  const entries = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/')).map((e) => ({ channel: e.name.split('/rpc/')[1], bytes: e.decodedBodySize }))`,
  )) as { channel: string; bytes: number }[];
  return entries.reduce((max, e) => (e.bytes > max.bytes ? e : max), { channel: '—', bytes: 0 });
}

/**
 * Runs a browser step when its module is the script run (`node --import tsx STEP.ts CONFIG_JSON`,
 * as run.ts starts each step in a process of its own), writing its result to `config.out`.
 */
export function runStepScript<C extends { out: string }>(moduleUrl: string, step: (config: C) => Promise<StepResult>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const config = JSON.parse(process.argv[2] ?? '{}') as C;
  step(config).then(
    async (result) => {
      await writeFile(config.out, JSON.stringify(result, null, 2));
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
