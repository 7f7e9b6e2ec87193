import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { createBackend } from '../../electron/services/backend';
import { CHROMIUM, CHROMIUM_ARGS, OBSERVE_LONG_TASKS, log, round, rpc, startServer, stopServer, timeOpen, runStepScript } from './page';
import type { StepResult } from './steps';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Issue 15: a transcript on one huge line (no paragraph breaks) froze the tab. In browser mode,
 * a 50 MB one-line document (issue 15's size) is opened, scrolled to its end, then another document is opened
 * and the big one again; the longest main-thread task of each is reported against the 200 ms
 * target (a page that answers).
 *
 *   node --import tsx tests/bench/huge-line.ts CONFIG_JSON   ({ work, out, profileDir? })
 */

const MEGABYTES = 50;
export const HUGE_LINE_DOCUMENT = 'one-line';
const OTHER_DOCUMENT = 'short';
/** After the text is painted, the rest of it still comes in behind: its tasks count too. */
const SETTLE_MS = 3000;

interface Config {
  work: string;
  out: string;
  /** When set, a CPU profile of the page switching away and back is written here. */
  profileDir?: string;
}

function oneLine(bytes: number): string {
  const sentence = 'I waited months for a referral and nobody called me back about it. ';
  return `Resident: ${sentence.repeat(Math.ceil(bytes / sentence.length))}`.slice(0, bytes);
}

/** A project with the one-line transcript and a short one, imported by path as a user's files are. */
async function makeProject(work: string): Promise<string> {
  const huge = join(work, `${HUGE_LINE_DOCUMENT}.txt`);
  const short = join(work, `${OTHER_DOCUMENT}.txt`);
  await writeFile(huge, oneLine(MEGABYTES * 1024 * 1024));
  await writeFile(short, 'Interviewer: How did the group start?\n\nResident: We met at the library.\n');
  const backend = await createBackend({ dataDir: join(work, 'make-data'), documentsDir: join(work, 'make-docs'), resourcesDir: join(repoRoot, 'resources'), shell: 'browser' });
  const path = join(work, 'One line.marginalia');
  for (const picked of [path, huge, short]) await backend.grants.allow(picked);
  await backend.handlers['project.create']({ path, name: 'One line', template: 'empty' });
  const { results } = await backend.handlers['import.run']({ items: [huge, short].map((file) => ({ source: { path: file }, options: {} })) });
  if (results.some((r) => r.status !== 'imported')) throw new Error(`the transcripts did not import: ${JSON.stringify(results)}`);
  await backend.shutdown();
  return path;
}

/** The longest task that started between `from` and `to` (page time), and how many over 50 ms. */
async function longTasks(page: Page, from: number, to: number): Promise<{ longestMs: number; count: number; top: { start: number; duration: number }[] }> {
  const all = ((await page.evaluate('window.__bench')) as { longTasks: { start: number; duration: number }[] }).longTasks;
  const tasks = all.filter((t) => t.start >= from && t.start <= to);
  const top = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
  return { longestMs: round(top[0]?.duration ?? 0), count: tasks.length, top: top.map((t) => ({ start: round(t.start - from), duration: round(t.duration) })) };
}

export async function hugeLineStep(config: Config): Promise<StepResult> {
  await rm(config.work, { recursive: true, force: true });
  await mkdir(config.work, { recursive: true });
  log(`importing a ${MEGABYTES} MB one-line transcript`);
  const project = await makeProject(config.work);
  const server = await startServer(repoRoot, { project, work: config.work });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    await rpc(new URL(server.url).origin, 'app.setCoderName', { name: 'Bench coder' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: OBSERVE_LONG_TASKS });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url);
    await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForTimeout(1000);

    // A project without a last document opens its first one at load, and "one-line" comes
    // first: the short one is opened before, so the click below opens the big one afresh.
    await timeOpen(page, OTHER_DOCUMENT);
    await page.waitForTimeout(1000);
    log('opening it');
    const first = await timeOpen(page, HUGE_LINE_DOCUMENT);
    await page.waitForTimeout(SETTLE_MS);
    const now = (): Promise<number> => page.evaluate('performance.now()') as Promise<number>;
    const firstTasks = await longTasks(page, first.open.t0, await now());

    if (config.profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    log('jumping to its end');
    const jumped = await now();
    // Text comes in as it is scrolled to, and the estimated height with it: scrolled on until its last words show.
    const tail = oneLine(MEGABYTES * 1024 * 1024).trimEnd().slice(-40).trim();
    const reader = page.getByRole('region', { name: HUGE_LINE_DOCUMENT, exact: true });
    for (let tries = 0; !((await reader.textContent()) ?? '').includes(tail); tries++) {
      if (tries === 60) throw new Error('the end of the one-line document did not show within 60 s of scrolling to it');
      await reader.locator('[data-scroll-root]').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForTimeout(1000);
    }
    const endReachedMs = round((await now()) - jumped);
    await page.waitForTimeout(SETTLE_MS);
    const endTasks = await longTasks(page, jumped, await now());

    log('switching to another document and back');
    const away = await timeOpen(page, OTHER_DOCUMENT);
    await page.waitForTimeout(1000);
    const back = await timeOpen(page, HUGE_LINE_DOCUMENT);
    await page.waitForTimeout(SETTLE_MS);
    if (config.profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir(config.profileDir, { recursive: true });
      const file = join(config.profileDir, 'huge-line.cpuprofile');
      await writeFile(file, JSON.stringify(profile));
      log(`page profile (its end, the switch) written to ${file}`);
    }
    const switchTasks = await longTasks(page, away.open.t0, await now());
    await context.close();
    return {
      step: 'huge-line',
      figures: {
        megabytes: MEGABYTES,
        firstPaintMs: round(first.open.painted - first.open.t0),
        longestOpenTaskMs: firstTasks.longestMs,
        openLongTasks: firstTasks.count,
        endShownMs: endReachedMs,
        longestEndTaskMs: endTasks.longestMs,
        backPaintMs: round(back.open.painted - back.open.t0),
        longestSwitchTaskMs: switchTasks.longestMs,
        switchLongTasks: switchTasks.count,
      },
      breakdown: { openTasksTop: firstTasks.top, endTasksTop: endTasks.top, switchTasksTop: switchTasks.top, awayPaintMs: round(away.open.painted - away.open.t0) },
    };
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
}

runStepScript<Config>(import.meta.url, hugeLineStep);
