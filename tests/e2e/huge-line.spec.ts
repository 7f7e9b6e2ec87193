import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openWithCoderName, rpc, snapshot } from './api';
import { expect, test } from './web-app';

/**
 * Issue 15: a transcript of one huge line (no paragraph breaks) froze the tab for a minute and,
 * as the app reopens the last document, every launch. The reader cuts long turns into blocks it
 * windows (cut points are looked for near the cut only: a search back to the start of the line
 * made opening it quadratic), so the page must stay usable. The longest task is printed
 * (timings are not asserted here: the machine is shared).
 */
const MEGABYTES = 20;

function oneLine(bytes: number): string {
  const sentence = 'I waited months for a referral and nobody called me back about it. ';
  return `Resident: ${sentence.repeat(Math.ceil(bytes / sentence.length))}`.slice(0, bytes);
}

// Known failing (issue 15, item 5, not fixed yet): the first open now gets there (slowly), but
// opening the document again stays on "Loading the text…" for over 30 s, and after a restart the
// reopened last document does not show in 120 s. The server answers document.get for 5 MB cold in
// 0.6 s, so the time is spent in the page.
test.fixme(`a ${MEGABYTES} MB transcript on one line opens in a page that stays responsive`, async ({ app, page }) => {
  test.setTimeout(240_000);
  await openWithCoderName(page, app);
  const project = await snapshot(page, app);
  // Written inside the open project, so it may be imported by path (no 20 MB upload).
  const file = join(project.path, 'one-line.txt');
  await writeFile(file, oneLine(MEGABYTES * 1024 * 1024));
  await rpc(page, app, 'import.run', { items: [{ source: { path: file }, options: {} }] });
  await page.reload();

  const longest = async () =>
    page.evaluate(() => {
      const w = window as unknown as { __longest?: number };
      return w.__longest ?? 0;
    });
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'one-line' }).click();
  const reader = page.getByRole('region', { name: 'one-line' });
  await expect(reader).toContainText('I waited months for a referral', { timeout: 120_000 });
  // Still answering: another document opens at once.
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'one-line' }).click();
  await expect(reader).toContainText('nobody called me back', { timeout: 30_000 });
  console.log(`longest task opening a ${MEGABYTES} MB one-line document: ${Math.round(await longest())} ms (target 200 ms)`);
});
