import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import type { StepResult } from './steps';
import { CHROMIUM, CHROMIUM_ARGS, OBSERVE_LONG_TASKS, REGION, inPage, largestReply, log, round, rpc, startServer, stopServer, timeAppLoad, timeAppLoads, timeOpen, vmPeakMb, runStepScript } from './page';
import type { OpenTiming } from './page';
import { stats } from './measure';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Browser mode on the benchmark project: the real `npm run web` entry serving the built
 * renderer, driven by Chromium. Measures the time from clicking the 1 MB document in the
 * Documents list to the first frame with its text, then scrolls the reader from top to bottom
 * a page at a time and reports the longest main-thread task (PerformanceObserver 'longtask').
 *
 *   node --import tsx tests/bench/browser.ts CONFIG_JSON   ({ project, work, out, documentName, coderName, profileDir? })
 */

/** App loads timed; the figure is their median. */
const APP_LOADS = 5;
const SCROLL_BUDGET_MS = 120_000;
const MAX_SCROLL_STEPS = 3000;

interface Config {
  project: string;
  work: string;
  out: string;
  documentName: string;
  coderName: string;
  /** When set, CPU profiles of the page (the open, the scroll) and of the server are written here. */
  profileDir?: string;
}

/** Page-sized steps from the top to the bottom, two frames each. */
const SCROLL_THROUGH = `
async ({ name, budget, maxSteps }) => {
  const region = (${REGION})(name);
  const scroller = region.querySelector('[data-scroll-root]') ;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const start = performance.now();
  let last = start;
  let longestGap = 0;
  let steps = 0;
  let stuck = 0;
  while (steps < maxSteps && performance.now() - start < budget) {
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.max(100, scroller.clientHeight * 0.9);
    steps++;
    for (let i = 0; i < 2; i++) {
      const t = await frame();
      longestGap = Math.max(longestGap, t - last);
      last = t;
    }
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) break;
    stuck = scroller.scrollTop <= before ? stuck + 1 : 0;
    if (stuck >= 5) break;
  }
  const end = performance.now();
  return {
    steps,
    scrollHeight: scroller.scrollHeight,
    clientHeight: scroller.clientHeight,
    reachedEnd: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2,
    ms: end - start,
    longestFrameGapMs: longestGap,
    start,
    end,
  };
}`;

interface ScrollResult {
  steps: number;
  scrollHeight: number;
  clientHeight: number;
  reachedEnd: boolean;
  ms: number;
  longestFrameGapMs: number;
  start: number;
  end: number;
}

/** Opens another document, so that the next click opens the big one afresh. */
async function openOther(page: Page, documentName: string): Promise<void> {
  const other = page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first();
  const name = await other.getAttribute('title'); // the name alone (the accessible name goes on with attributes)
  if (!name || name === documentName) throw new Error('no other document to open');
  await other.click();
  await page.getByRole('region', { name, exact: true }).locator('[data-key]').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
}

export async function browserStep(config: Config): Promise<StepResult> {
  // Fresh app settings: a remembered last document would open before the click.
  await rm(join(config.work, 'web-data'), { recursive: true, force: true });
  await mkdir(config.work, { recursive: true });
  log('starting browser mode');
  const server = await startServer(repoRoot, config);
  const origin = new URL(server.url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    await rpc(origin, 'app.setCoderName', { name: config.coderName });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: OBSERVE_LONG_TASKS });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    // One load varies by a few tenths of a second on a small machine: the figure is the median
    // of several, each in a fresh profile (the last in the page the later steps use).
    log(`loading the app (${APP_LOADS} times)`);
    const appLoads = await timeAppLoads(browser, server.url, APP_LOADS - 1);
    appLoads.push(await timeAppLoad(page, server.url));
    const appLoad = stats(appLoads.map((l) => l.framed));
    const onScreen = appLoads.flatMap((l) => (l.onScreen === null ? [] : [l.onScreen]));
    const appLoadMs = appLoad.median;
    // Let the start-up work settle so it is not counted against the document.
    await page.waitForTimeout(1000);
    if (await page.getByRole('region', { name: config.documentName, exact: true }).count()) {
      throw new Error(`"${config.documentName}" is already open before the click: the measurement would be meaningless.`);
    }

    // With --profile: a CPU profile of the page for the open, and another for the scroll.
    const profiling = async <T>(name: string, during: () => Promise<T>): Promise<T> => {
      if (!config.profileDir) return during();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const value = await during();
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir(config.profileDir, { recursive: true });
      const file = join(config.profileDir, `browser-${name}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      log(`page profile written to ${file}`);
      return value;
    };

    log(`opening "${config.documentName}" (cold)`);
    const { open, requests } = await profiling('open', async () => {
      const timing = await timeOpen(page, config.documentName);
      await page.waitForTimeout(1500);
      return timing;
    });

    log('scrolling the reader to the bottom');
    const metricsBefore = (await cdp.send('Performance.getMetrics')).metrics;
    const scroll = await profiling('scroll', async () => {
      const result = await inPage<ScrollResult>(page, SCROLL_THROUGH, { name: config.documentName, budget: SCROLL_BUDGET_MS, maxSteps: MAX_SCROLL_STEPS });
      await page.waitForTimeout(300);
      return result;
    });
    const bench = (await page.evaluate('window.__bench')) as { longTasks: { start: number; duration: number }[]; frames: { start: number; duration: number }[] };
    const during = <T extends { start: number; duration: number }>(list: T[], from: number, to: number) => list.filter((e) => e.start >= from && e.start <= to);
    const openTasks = during(bench.longTasks, open.t0, open.painted + 1500);
    const scrollTasks = during(bench.longTasks, scroll.start, scroll.end);
    const scrollFrames = during(bench.frames, scroll.start, scroll.end) as unknown as { start: number; duration: number; blocking?: number; scripts: unknown[] }[];
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    // Main-thread time during the scroll, as Chromium accounts it (seconds → ms).
    const scrollDelta = (name: string) => {
      const after = metrics.find((m) => m.name === name)?.value;
      const before = metricsBefore.find((m) => m.name === name)?.value;
      return after === undefined || before === undefined ? null : after - before;
    };
    const scrollMainThread = {
      taskMs: round((scrollDelta('TaskDuration') ?? NaN) * 1000),
      scriptMs: round((scrollDelta('ScriptDuration') ?? NaN) * 1000),
      layoutMs: round((scrollDelta('LayoutDuration') ?? NaN) * 1000),
      recalcStyleMs: round((scrollDelta('RecalcStyleDuration') ?? NaN) * 1000),
      layouts: scrollDelta('LayoutCount'),
      styleRecalcs: scrollDelta('RecalcStyleCount'),
    };
    log('opening it twice more (warm: the server has the text cached)');
    const warm: OpenTiming[] = [];
    let warmError: string | null = null;
    try {
      for (let i = 0; i < 2; i++) {
        await openOther(page, config.documentName);
        warm.push(await timeOpen(page, config.documentName));
      }
    } catch (err) {
      // Informational only: the figures above stand without it.
      warmError = err instanceof Error ? err.message : String(err);
      log(`reopening failed: ${warmError}`);
    }
    const warmPaint = warm.map((w) => round(w.open.painted - w.open.t0));
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? null;
    const longest = (list: { duration: number }[]) => (list.length ? round(Math.max(...list.map((t) => t.duration))) : 0);
    const serverPeakMb = vmPeakMb(server.child.pid!);
    const largest = await largestReply(page);
    await context.close();
    return {
      step: 'browser',
      figures: {
        appLoadMs,
        appLoadMinMs: appLoad.min,
        appLoadMaxMs: appLoad.max,
        appLoadRuns: appLoad.n,
        appLoadOnScreenMs: onScreen.length ? stats(onScreen).median : null,
        firstPaintMs: round(open.painted - open.t0),
        firstOnScreenMs: open.onScreen === null ? null : round(open.onScreen - open.t0),
        textInDomMs: round(open.dom - open.t0),
        longestOpenTaskMs: longest(openTasks),
        warmFirstPaintMs: warmPaint.length ? Math.min(...warmPaint) : null,
        longestScrollTaskMs: longest(scrollTasks),
        scrollLongTasks: scrollTasks.length,
        scrollLongTaskTotalMs: round(scrollTasks.reduce((n, t) => n + t.duration, 0)),
        scrollSteps: scroll.steps,
        scrollReachedEnd: scroll.reachedEnd ? 'yes' : 'no',
        serverPeakRssMb: serverPeakMb,
        // The reader's first reply for the 1 MB transcript (outline, first stretch, its codings).
        documentGetReplyMb: round(Math.max(0, ...requests.filter((r) => r.name === 'document.get').map((r) => r.bytes)) / 1048576, 2),
        largestReplyMb: round(largest.bytes / 1048576, 2),
        largestReplyChannel: largest.channel,
        pageJsHeapUsedMb: metric('JSHeapUsedSize') === null ? null : round(metric('JSHeapUsedSize')! / 1e6),
        pageJsHeapTotalMb: metric('JSHeapTotalSize') === null ? null : round(metric('JSHeapTotalSize')! / 1e6),
      },
      peakRssMb: serverPeakMb ?? undefined,
      breakdown: {
        appLoads,
        warmError,
        warmOpens: warm.map((w) => ({ paintedMs: round(w.open.painted - w.open.t0), domMs: round(w.open.dom - w.open.t0), requests: w.requests.map((r) => ({ name: r.name, waiting: round(r.waiting), end: round(r.end) })) })),
        openRequests: requests.map((r) => ({ ...r, start: round(r.start), waiting: round(r.waiting), download: round(r.download), end: round(r.end) })),
        scroll,
        openLongTasks: openTasks.map((t) => ({ ...t, start: round(t.start - open.t0), duration: round(t.duration) })),
        scrollLongTasksTop: [...scrollTasks].sort((a, b) => b.duration - a.duration).slice(0, 10).map((t) => ({ start: round(t.start - scroll.start), duration: round(t.duration) })),
        scrollLongFramesTop: [...scrollFrames].sort((a, b) => b.duration - a.duration).slice(0, 5),
        scrollMainThread,
        domNodes: metric('Nodes'),
        layoutCount: metric('LayoutCount'),
        layoutDurationS: metric('LayoutDuration'),
        recalcStyleDurationS: metric('RecalcStyleDuration'),
        scriptDurationS: metric('ScriptDuration'),
        taskDurationS: metric('TaskDuration'),
      },
    };
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
}

runStepScript<Config>(import.meta.url, browserStep);
