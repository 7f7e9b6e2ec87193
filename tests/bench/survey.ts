import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createBackend } from '../../electron/services/backend';
import { stopWordLists } from '../../shared/words/stop-words';
import { Rng } from './generate';
import { AFTER_FRAME, CHROMIUM, CHROMIUM_ARGS, OBSERVE_LONG_TASKS, inPage, largestReply, log, round, rpc, startServer, stopServer, timeAppLoad, timeOpen, vmPeakMb, runStepScript, waitForValue } from './page';
import type { StepResult } from './steps';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The survey study: 20,000 free-text answers, one per document, as NVivo and MAXQDA import a
 * survey: made by importing a seeded CSV through Marginalia's own spreadsheet importer (rows as
 * documents, the other columns as attributes). Then, in browser mode: the project shown, an
 * answer opened, the list filtered by an attribute, and the largest reply.
 *
 *   node --import tsx tests/bench/survey.ts CONFIG_JSON   ({ work, out, coderName })
 */

export const SURVEY_RESPONSES = 20_000;
const BOROUGHS = ['Barking and Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'Croydon', 'Ealing', 'Enfield', 'Greenwich', 'Hackney', 'Hammersmith and Fulham', 'Haringey', 'Harrow', 'Havering', 'Hillingdon', 'Hounslow', 'Islington', 'Kensington and Chelsea', 'Kingston upon Thames', 'Lambeth', 'Lewisham', 'Merton', 'Newham', 'Redbridge', 'Richmond upon Thames', 'Southwark', 'Sutton', 'Tower Hamlets', 'Waltham Forest', 'Wandsworth', 'Westminster', 'City of London'];
const AGES = ['16-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const WORDS = 'waiting list months help support talk someone listened nobody called back school work money rent family friends doctor nurse community group church mosque park walk lonely anxious tired better worse service appointment online phone helpful kind rushed'.split(' ');
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The survey as a CSV: Respondent, Borough, Age group, Wave, then the free-text answer. */
export function surveyCsv(seed: number, rows = SURVEY_RESPONSES): string {
  const rng = new Rng(seed);
  const lines = ['Respondent,Borough,Age group,Wave,What would make the biggest difference to your mental health?'];
  for (let i = 1; i <= rows; i++) {
    const words = Array.from({ length: rng.int(12, 70) }, () => rng.pick(WORDS));
    const answer = `${words.join(' ')}.`;
    lines.push([`Respondent ${String(i).padStart(5, '0')}`, rng.pick(BOROUGHS), rng.pick(AGES), String(rng.int(1, 3)), answer].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A new project holding the survey, imported as a user would (one undoable import). */
async function makeSurveyProject(work: string): Promise<string> {
  const csv = Buffer.from(surveyCsv(20260105));
  const backend = await createBackend({ dataDir: join(work, 'make-data'), documentsDir: join(work, 'make-docs'), resourcesDir: join(repoRoot, 'resources'), shell: 'browser' });
  const path = join(work, 'Survey.marginalia');
  await backend.grants.allow(work);
  await backend.handlers['project.create']({ path, name: 'Survey (20,000 answers)', template: 'empty' });
  await backend.handlers['app.setCoderName']({ name: 'Bench coder' });
  const started = performance.now();
  // Uploaded, as a file dropped on the window is: the server reads no path the user did not choose.
  const { stagedId } = await backend.handlers['import.stage']({ fileName: 'survey.csv', base64: csv.toString('base64') });
  const { results } = await backend.handlers['import.run']({
    items: [{ source: { stagedId }, options: { spreadsheet: { textColumns: ['What would make the biggest difference to your mental health?'], mode: 'row', nameColumn: 'Respondent' } } }],
  });
  if (results[0]?.status !== 'imported') throw new Error(`the survey did not import: ${JSON.stringify(results[0])}`);
  log(`imported ${results[0].documents.length} answers in ${round((performance.now() - started) / 1000)} s`);
  await backend.shutdown();
  return path;
}

/** Times a click (capture phase) to the first frame after the Documents list changed. */
const ARM_LIST_TIMER = `
() => {
  const state = { t0: null, dom: null, painted: null };
  window.__list = state;
  const list = document.querySelector('[role="listbox"][aria-label="Documents"]');
  document.addEventListener('click', () => { if (state.t0 === null) state.t0 = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (state.t0 === null || state.dom !== null) return;
    state.dom = performance.now();
    observer.disconnect();
    (${AFTER_FRAME})((now) => { state.painted = now; });
  });
  observer.observe(list, { childList: true, subtree: true, attributes: true });
}`;

export async function surveyStep(config: { work: string; out: string }): Promise<StepResult> {
  await rm(config.work, { recursive: true, force: true });
  await mkdir(config.work, { recursive: true });
  const project = await makeSurveyProject(config.work);
  const server = await startServer(repoRoot, { project, work: config.work });
  const origin = new URL(server.url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    await rpc(origin, 'app.setCoderName', { name: 'Bench coder' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: OBSERVE_LONG_TASKS });
    const page = await context.newPage();
    log('loading the survey project');
    const shown = await timeAppLoad(page, server.url, 120_000);
    const list = page.getByRole('listbox', { name: 'Documents' });
    const optionsInDom = await list.getByRole('option').count();
    await page.waitForTimeout(1000);

    log('opening one answer in the middle of the list');
    const answer = 'Respondent 10000';
    const { open } = await timeOpen(page, answer);
    await page.waitForTimeout(1000);

    log('filtering the list by an attribute');
    await page.getByRole('button', { name: /^Filter/ }).click();
    const borough = page.getByRole('group', { name: 'Borough' });
    await borough.getByRole('button', { name: /Borough/ }).click();
    await inPage(page, ARM_LIST_TIMER, null);
    await borough.getByRole('checkbox', { name: 'Hackney' }).click();
    if ((await waitForValue(page, 'window.__list.painted', 60_000)) === null) throw new Error('the list did not change within 60 s of the filter');
    const filter = (await page.evaluate('window.__list')) as { t0: number; dom: number; painted: number };
    const filtered = await page.getByRole('status').filter({ hasText: / of / }).first().textContent();

    log('counting the words of every answer');
    // The first count since the server started: every answer's text is read from disk.
    const wordsStarted = performance.now();
    await rpc(origin, 'words.frequencies', { scope: { kind: 'all' }, stopWords: stopWordLists.english, stem: true });
    const wordsMs = performance.now() - wordsStarted;

    const largest = await largestReply(page);
    const serverPeakMb = vmPeakMb(server.child.pid!);
    await context.close();
    return {
      step: 'survey-browser',
      figures: {
        projectShownMs: shown.framed,
        projectOnScreenMs: shown.onScreen,
        optionsInDom,
        openAnswerMs: round(open.painted - open.t0),
        filterMs: round(filter.painted - filter.t0),
        filtered: filtered ?? null,
        wordsMs: round(wordsMs),
        largestReplyMb: round(largest.bytes / 1048576, 2),
        largestReplyChannel: largest.channel,
        serverPeakRssMb: serverPeakMb,
      },
      peakRssMb: serverPeakMb ?? undefined,
    };
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
}

runStepScript<{ work: string; out: string }>(import.meta.url, surveyStep);
