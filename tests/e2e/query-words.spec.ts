import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Download, Page, TestInfo } from '@playwright/test';
import XLSX from 'xlsx';
import type { ProjectSnapshot, QueryOutcome, SegmentView, WordTable } from '../../shared/api/contract';
import { plural } from '../../shared/text/plural';
import { stopWordLists } from '../../shared/words/stop-words';
import { documents, openWithCoderName, rpc, snapshot } from './api';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * Issue 20 in a real browser, by mouse and keyboard: a coding query run (a mistake shown at its
 * place), its results coded at a code and undone, saved, re-run, renamed and deleted, exported;
 * the word table sorted, clicked through to a word's passages, its stop words edited; the coding
 * report saved from the export dialog, read in Chromium with JavaScript off and printed to PDF.
 */

const QUERY = '"Tackling stigma" NEAR(turn) "Trust in services" OR "Zero suicide"';
/** Screenshots and the report's pages, kept where a person can look at them. */
const LOOK = process.env.MARGINALIA_SCREENSHOTS ?? 'test-results/query-words-look';

async function openWorkbench(page: Page, app: WebApp): Promise<ProjectSnapshot> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWithCoderName(page, app);
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: 'Zero suicide', exact: true })).toBeVisible();
  return snapshot(page, app);
}

async function saved(download: Download, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return path;
}

/** The current user's codings at a code. */
async function myCodings(page: Page, app: WebApp, codeId: string): Promise<SegmentView[]> {
  const coderId = (await snapshot(page, app)).currentCoderId;
  return rpc<SegmentView[]>(page, app, 'segments.query', { codeIds: [codeId], includeSubcodes: false, coderIds: coderId ? [coderId] : [], attributes: {}, documentIds: null });
}

test('a coding query: an error at its place, results coded and undone, saved and run again, exported', async ({ page, app }, testInfo) => {
  const project = await openWorkbench(page, app);
  const isolation = project.codebook.find((c) => c.name === 'Isolation and loneliness')!;
  await page.getByRole('tab', { name: 'Query' }).click();
  const box = page.getByRole('textbox', { name: 'Query', exact: true });
  await expect(box).toBeFocused();

  // A mistake is shown under the query, the faulty part marked.
  await page.keyboard.type('"Tackling stigma" NEAR "Trust in services"');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Expected "(" after NEAR');
  await expect(alert.locator('mark')).toHaveText('"Trust in services"');
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await box.fill('');
  await page.keyboard.type(QUERY);
  await page.keyboard.press('Enter');
  const expected = await rpc<QueryOutcome>(page, app, 'query.run', { query: QUERY });
  if (!expected.ok) throw new Error(expected.message);
  expect(expected.total).toBeGreaterThan(1);
  const status = page.getByRole('status').filter({ hasText: /passages? in/ });
  await expect(status).toHaveText(new RegExp(`^${expected.total} passages in ${expected.documentsWithPassages} of 17 documents`));
  const list = page.getByRole('list', { name: 'Passages found' });
  await expect(list.getByRole('listitem')).toHaveCount(expected.total);
  await expect(list.locator('[data-segment="passage"]').first()).toHaveText(expected.passages[0]!.text);

  // The language in brief, beside the box; the query and its results kept across a visit to the reader.
  await page.getByText('Query language', { exact: true }).click();
  await expect(page.getByRole('rowheader', { name: 'A NEAR(turn) B, A NEAR(paragraph) B' })).toBeVisible();
  await mkdir(LOOK, { recursive: true });
  await page.screenshot({ path: `${LOOK}/query-language.png` });
  await page.getByRole('tab', { name: 'Reader' }).click();
  await page.getByRole('tab', { name: 'Query' }).click();
  await expect(box).toHaveValue(QUERY);
  await expect(status).toHaveText(new RegExp(`^${expected.total} passages in`));
  await mkdir(LOOK, { recursive: true });
  await page.screenshot({ path: `${LOOK}/query-view.png` });

  // Code all results at one code, in one step; then undo it.
  await page.getByRole('button', { name: 'Code all results…' }).click();
  const dialog = page.getByRole('dialog', { name: /Code all \d+ passages the query found/ });
  await dialog.getByRole('combobox', { name: 'Code at' }).fill('isolation and');
  await dialog.getByRole('option', { name: 'Isolation and loneliness' }).click();
  await dialog.getByRole('button', { name: `Code ${expected.total} passages at “Isolation and loneliness”` }).click();
  await expect(page.getByRole('tabpanel').getByText(/^Code \d+ passages found by/)).toBeVisible();
  expect((await myCodings(page, app, isolation.id)).map((s) => s.text)).toEqual(expected.passages.map((p) => p.text));
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(async () => (await myCodings(page, app, isolation.id)).length).toBe(0);

  // Save it, run another, then run the saved one again.
  await page.getByRole('textbox', { name: 'Name for this query' }).fill('Stigma near trust');
  await page.getByRole('button', { name: 'Save query' }).click();
  const runSaved = page.getByRole('button', { name: 'Run “Stigma near trust”' });
  await expect(runSaved).toBeVisible();
  await box.fill('"Trust in services"');
  await box.press('Enter');
  await expect(status).not.toHaveText(new RegExp(`^${expected.total} passages`));
  await runSaved.click();
  await expect(box).toHaveValue(QUERY);
  await expect(status).toHaveText(new RegExp(`^${expected.total} passages in`));

  // Rename and delete it, each undoable.
  await page.getByRole('button', { name: 'Rename “Stigma near trust”' }).click();
  await page.getByRole('textbox', { name: 'New name for “Stigma near trust”' }).fill('Stigma × trust');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Run “Stigma × trust”' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete “Stigma × trust”' }).click();
  await expect(page.getByRole('list', { name: 'Saved queries' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Run “Stigma × trust”' })).toBeVisible();
  expect((await snapshot(page, app)).queries.map((q) => q.name)).toEqual(['Stigma × trust']);

  // A coder picked is added to the query as WHERE CODER; the export holds what is shown.
  await page.getByRole('combobox', { name: 'Coder' }).selectOption({ label: 'Amara Okafor' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^Understood as:/)).toContainText('WHERE CODER = "Amara Okafor"');
  const amara = await rpc<QueryOutcome>(page, app, 'query.run', { query: `${QUERY} WHERE CODER = "Amara Okafor"` });
  if (!amara.ok) throw new Error(amara.message);
  await expect(status).toHaveText(new RegExp(`^${amara.total} passages? in`));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const book = XLSX.read(await readFile(await saved(await downloading, testInfo, 'query.xlsx')));
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Passages!);
  expect(rows.map((r) => r.Passage)).toEqual(amara.passages.map((p) => p.text));
});

test('the word table: sorted, clicked through to a word\'s passages, stop words edited, exported', async ({ page, app }, testInfo) => {
  await openWorkbench(page, app);
  await page.getByRole('tab', { name: 'Words' }).click();
  await page.getByRole('combobox', { name: 'Count words in' }).selectOption({ label: 'Borough = Hackney' });
  const table = page.getByRole('table', { name: /Word frequencies/ });
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /words counted/ })).not.toContainText('counting');
  const first = table.getByRole('row').nth(1);
  const word = (await first.getByRole('rowheader').getByRole('button').textContent())!;
  const count = Number((await first.getByRole('cell').first().textContent())!.replace(/,/g, ''));
  expect(count).toBeGreaterThan(1);
  await mkdir(LOOK, { recursive: true });
  await page.screenshot({ path: `${LOOK}/words-view.png` });

  // Sorting by word: A–Z, the heading says so.
  await table.getByRole('button', { name: 'Word' }).click();
  await expect(table.getByRole('columnheader', { name: 'Word' })).toHaveAttribute('aria-sort', 'ascending');
  const words = await table.getByRole('rowheader').allTextContents();
  expect(words.slice(0, 20)).toEqual([...words.slice(0, 20)].sort((a, b) => a.localeCompare(b)));

  // A word's passages: each occurrence, with its context.
  await table.getByRole('button', { name: 'Count' }).click();
  await table.getByRole('rowheader').getByRole('button', { name: word, exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^“${word}”: ${count} occurrences?$`) })).toBeVisible();
  const passages = page.getByRole('list', { name: `Passages with “${word}”` });
  await expect(passages.getByRole('listitem').first()).toBeVisible();
  for (const text of (await passages.locator('[data-segment="passage"]').allTextContents()).slice(0, 20)) expect(text.toLowerCase().replace(/’/g, "'")).toBe(word);
  await page.screenshot({ path: `${LOOK}/words-passages.png` });

  // Off to the reader and back: the view is as it was left.
  await page.getByRole('tab', { name: 'Reader' }).click();
  await page.getByRole('tab', { name: 'Words' }).click();
  await expect(page.getByRole('combobox', { name: 'Count words in' })).toHaveValue(/Hackney/);
  await expect(page.getByRole('heading', { name: new RegExp(`^“${word}”: ${count} occurrences?$`) })).toBeVisible();

  // Speaker labels are not words anyone said: the sample's "Facilitator:" and "Participant:" are not counted.
  const counted = await rpc<WordTable>(page, app, 'words.frequencies', { scope: { kind: 'all' }, stopWords: [], stem: false });
  expect(counted.words.map((w) => w.word)).not.toContain('facilitator');
  expect(counted.words.map((w) => w.word)).toEqual(expect.arrayContaining(['people', 'services']));

  // The word made a stop word leaves the table (kept in the user's settings for this project).
  await page.getByRole('button', { name: /^Stop words \(\d+\)…$/ }).click();
  const stop = page.getByRole('dialog', { name: 'Stop words' });
  await stop.getByRole('textbox', { name: 'Stop words' }).press('Control+End');
  await page.keyboard.type(` ${word}`);
  await stop.getByRole('button', { name: /^Save \d+ stop words$/ }).click();
  await expect(table.getByRole('rowheader').getByRole('button', { name: word, exact: true })).toHaveCount(0);
  expect((await snapshot(page, app)).workspace.stopWords).toContain(word);

  // Exported in the order the table shows: fewest first, after a second click on Count.
  await table.getByRole('button', { name: 'Count' }).click();
  await expect(table.getByRole('columnheader', { name: 'Count' })).toHaveAttribute('aria-sort', 'ascending');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const book = XLSX.read(await readFile(await saved(await downloading, testInfo, 'words.xlsx')));
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
  expect(rows[0]).toEqual(['Word', 'Count', 'Documents', 'Forms counted']);
  const exportedCounts = rows.slice(1, rows.findIndex((r) => r.length === 0)).map((r) => Number(r[1]));
  expect(exportedCounts.length).toBeGreaterThan(10);
  expect(exportedCounts).toEqual([...exportedCounts].sort((a, b) => a - b));
  expect(rows.some((r) => r[0] === 'Counted in' && r[1] === 'Borough = Hackney')).toBe(true);
  expect(rows.some((r) => r[0] === word)).toBe(false);
});

test('the coding report from the export dialog: every code\'s passages, without JavaScript, printed to PDF', async ({ page, app, browser }, testInfo) => {
  const project = await openWorkbench(page, app);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /Coding report \(HTML\)/ }).check();
  await expect(dialog.getByRole('group', { name: 'Attribute columns' })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  await expect(dialog.getByText(/^Saved /)).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/coding report\.html$/);
  const file = await saved(download, testInfo, 'report.html');

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const report = await reader.newPage();
  const requests: string[] = [];
  report.on('request', (r) => requests.push(r.url()));
  await report.goto(pathToFileURL(file).href);
  expect(requests).toEqual([pathToFileURL(file).href]);
  expect(await report.locator('script, img, iframe, link, object').count()).toBe(0);
  // Every code's section holds each of its codings, every coder's.
  for (const code of project.codebook.filter((c) => c.codable)) {
    const codings = Object.values(project.codingCounts[code.id] ?? {}).reduce((a, b) => a + b, 0);
    await expect(report.locator(`[id="code-${code.id}"] .quote`), code.name).toHaveCount(codings);
  }
  const pdfPath = `${LOOK}/report.pdf`;
  await mkdir(LOOK, { recursive: true });
  const pdf = await report.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  // Pages as pictures, for a person to look at (poppler where installed): the first three, and
  // the landscape ones (the code × attribute tables, the agreement summary), eight in all at most.
  if (existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdfinfo')) {
    const exec = promisify(execFile);
    const { stdout } = await exec('/usr/bin/pdfinfo', ['-f', '1', '-l', '999', pdfPath]);
    const wide = [...stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].filter((m) => Number(m[2]) > Number(m[3])).map((m) => Number(m[1]));
    for (const n of [1, 2, 3, ...wide.slice(0, 5)]) await exec('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), pdfPath, `${LOOK}/report-page`]);
  }
  await reader.close();
});

test('the word table of one document, found by typing part of its name: the picker asks the backend for matching names only', async ({ page, app }) => {
  const project = await openWorkbench(page, app);
  const lambeth = (await documents(page, app)).find((d) => d.name === '04 Lambeth: commissioners')!;
  // What the picker asks for: documents whose names hold what was typed, a few at a time.
  const asked: { limit: number; nameContains?: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/documents.page')) asked.push(request.postDataJSON() as { limit: number; nameContains?: string });
  });
  await page.getByRole('tab', { name: 'Words' }).click();
  await page.getByRole('combobox', { name: 'Count words in' }).selectOption({ label: 'One document…' });
  await expect(page.getByText('Type part of its name in the Document box.')).toBeVisible();

  const picker = page.getByRole('combobox', { name: 'Document', exact: true });
  await picker.click();
  await page.keyboard.type('LAMB');
  const matches = page.getByRole('listbox', { name: 'Document: matches' });
  await expect(matches.getByRole('option')).toHaveText(['04 Lambeth: commissioners']);
  await mkdir(LOOK, { recursive: true });
  await page.screenshot({ path: `${LOOK}/words-document-picker.png` });
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveAttribute('aria-activedescendant', (await matches.getByRole('option').first().getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(matches).toBeHidden();
  await expect(picker).toHaveValue('04 Lambeth: commissioners');

  // The table counts that document's words, and only its.
  const stopWords = project.workspace.stopWords ?? [...stopWordLists.english];
  const expected = await rpc<WordTable>(page, app, 'words.frequencies', { scope: { kind: 'documents', documentIds: [lambeth.id] }, stopWords, stem: false });
  const all = await rpc<WordTable>(page, app, 'words.frequencies', { scope: { kind: 'all' }, stopWords, stem: false });
  expect(expected.totalWords).toBeLessThan(all.totalWords);
  await expect(page.getByRole('status').filter({ hasText: /words counted/ })).toContainText(`${plural(expected.totalWords, 'word')} counted`);
  await page.screenshot({ path: `${LOOK}/words-one-document.png` });
  const byName = asked.filter((a) => a.nameContains !== undefined);
  expect(byName.map((a) => a.nameContains)).toContain('LAMB');
  for (const a of byName) expect(a.limit).toBeLessThanOrEqual(50);
});

test('a query restricted by the pickers: the attribute values come from the facets, the query gains its WHERE', async ({ page, app }) => {
  await openWorkbench(page, app);
  await page.getByRole('tab', { name: 'Query' }).click();
  const coder = page.getByRole('combobox', { name: 'Coder', exact: true });
  await expect(coder.getByRole('option')).toHaveText(['All coders', ...(await snapshot(page, app)).coders.map((c) => c.name)]);
  await expect(page.getByRole('combobox', { name: 'Document set' }).getByRole('option').first()).toHaveText('All documents');
  const attribute = page.getByRole('combobox', { name: 'Attribute' });
  await expect(attribute.locator('optgroup[label="Borough"] option').first()).toHaveText('Borough = Barking and Dagenham');
  await attribute.selectOption({ label: 'Borough = Hackney' });

  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('"Tackling stigma" OR "Zero suicide"');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const expected = await rpc<QueryOutcome>(page, app, 'query.run', { query: '"Tackling stigma" OR "Zero suicide" WHERE "Borough" = "Hackney"' });
  if (!expected.ok) throw new Error(expected.message);
  const everywhere = await rpc<QueryOutcome>(page, app, 'query.run', { query: '"Tackling stigma" OR "Zero suicide"' });
  if (!everywhere.ok) throw new Error(everywhere.message);
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(everywhere.total);
  await expect(page.getByRole('list', { name: 'Passages found' }).getByRole('listitem')).toHaveCount(expected.total);
  await page.screenshot({ path: `${LOOK}/query-restricted.png` });
});
