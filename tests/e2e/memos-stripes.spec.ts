import type { Locator, Page } from '@playwright/test';
import type { DocumentOutline } from '../../shared/api/contract';
import { documents, openWithCoderName, rpc, snapshot } from './api';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * The docked memo panel and the reader's margin, in browser mode with a real mouse: a memo
 * written on a coding in the panel, its mark in the margin opening it again, the memo list
 * naming the code and the passage; stripes in a column per code, told apart by coder pattern,
 * filtered by coder, with a margin the user widens. Screenshots at 1280×720 and 1440×900.
 */

const DOC = '01 Hackney: young people';
const PHRASE = 'Peer mentors should be the front door, not the whole house.';

async function openDocument(page: Page, name: string): Promise<Locator> {
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name }).click();
  const reader = page.getByRole('region', { name });
  await expect(reader.locator('[data-key]').first()).toBeVisible();
  return reader;
}

/** Codes PHRASE at `codeName` as the user, through the backend (the coding is the setting, not what is tested). */
async function codePhrase(page: Page, app: WebApp, codeName: string): Promise<void> {
  const project = await snapshot(page, app);
  const doc = (await documents(page, app)).find((d) => d.name === DOC)!;
  const code = project.codebook.find((c) => c.name === codeName)!;
  const { text } = (await rpc<DocumentOutline>(page, app, 'document.get', { documentId: doc.id })).first;
  const start = text.indexOf(PHRASE);
  expect(start, `the phrase is in ${DOC}`).toBeGreaterThanOrEqual(0);
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: code.id, start, end: start + PHRASE.length });
}

/** Scrolls the reader until the passage is drawn, then returns its run. */
async function passage(reader: Locator, phrase: string): Promise<Locator> {
  const run = reader.locator('[data-codings]', { hasText: phrase }).first();
  const scroller = reader.locator('[data-scroll-root]');
  for (let i = 0; i < 40 && (await run.count()) === 0; i++) await scroller.evaluate((el) => (el.scrollTop += el.clientHeight * 0.8));
  await run.scrollIntoViewIfNeeded();
  return run;
}

test('a coding memo written in the docked panel shows a mark in the margin that opens it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWithCoderName(page, app);
  await codePhrase(page, app, 'Peer support and community champions');
  await page.reload();
  const reader = await openDocument(page, DOC);
  await expect(reader.locator('[data-memo-mark]')).toHaveCount(0);

  await (await passage(reader, PHRASE)).click();
  const popover = page.getByRole('dialog', { name: /coding/i });
  await popover.getByRole('button', { name: 'Write memo' }).click();
  await expect(popover).toBeHidden();
  // The panel is docked beside the reader, not a modal: the text stays usable.
  const panel = page.getByRole('region', { name: 'Memo panel' });
  await expect(panel).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(panel.getByRole('heading')).toHaveText(`Peer support and community champions: “Peer mentors should be the front door, not…” in ${DOC}`);
  await panel.getByRole('textbox', { name: 'New memo' }).fill('Peers as the way in, not a substitute for services.');
  await panel.getByRole('button', { name: 'Save memo' }).click();
  await expect(panel.getByRole('article')).toContainText('Peers as the way in');
  const memos = (await snapshot(page, app)).memos;
  expect(memos.map((m) => [m.target.type, m.text])).toEqual([['coding', 'Peers as the way in, not a substitute for services.']]);

  // The margin marks the coding; closing the panel and clicking the mark opens the memo again.
  const mark = reader.locator('[data-memo-mark]');
  await expect(mark).toHaveCount(1);
  await page.screenshot({ path: 'tests/artifacts/memo-panel-1280x720.png' });
  await panel.getByRole('button', { name: 'Close the memo panel' }).click();
  await expect(panel).toBeHidden();
  await mark.click();
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('article')).toContainText('Peers as the way in');

  // The memo list names the code and the passage's first words.
  await page.getByRole('tab', { name: 'Memos' }).click();
  await expect(page.getByRole('article', { name: /^Memo by Test Coder on / }).first()).toHaveAccessibleName(
    `Memo by Test Coder on Peer support and community champions: “Peer mentors should be the front door, not…” in ${DOC}`,
  );
});

test('stripes: a column per code, coders by pattern, filtered by coder, names across a margin the user widens', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWithCoderName(page, app);
  const reader = await openDocument(page, DOC);
  await page.getByLabel('Show codings of').selectOption({ label: 'All coders' });
  const bars = reader.locator('[data-stripe-code]');
  await expect(bars.first()).toBeVisible();
  const project = await snapshot(page, app);
  const amara = project.coders.find((c) => c.name === 'Amara Okafor')!.id;
  const tom = project.coders.find((c) => c.name === 'Tom Reilly')!.id;
  await expect(reader.locator(`[data-stripe-coder="${amara}"]`).first()).toBeVisible();
  await expect(reader.locator(`[data-stripe-coder="${tom}"]`).first()).toBeVisible();
  // Each coder has a pattern of their own, shown in the legend.
  const patterns = await bars.evaluateAll((els) => [...new Set(els.map((e) => `${e.getAttribute('data-stripe-coder')}:${e.getAttribute('data-pattern')}`))]);
  expect(new Set(patterns.map((p) => p.split(':')[1])).size).toBe(2);
  await expect(page.getByRole('list', { name: 'Coder patterns' }).getByRole('listitem')).toHaveText(['Amara Okafor', 'Tom Reilly']);
  // One column per code: every bar of a code (and coder) stands at the same x.
  const columns = await bars.evaluateAll((els) => {
    const xs = new Map<string, Set<number>>();
    for (const e of els) {
      const k = `${e.getAttribute('data-stripe-code')}|${e.getAttribute('data-stripe-coder')}`;
      xs.set(k, (xs.get(k) ?? new Set()).add(Math.round(e.getBoundingClientRect().left)));
    }
    return [...xs.values()].map((s) => s.size);
  });
  expect(columns.every((n) => n === 1)).toBe(true);
  // Names stand horizontally, the full name on hover.
  const label = reader.locator('[data-stripe-label]').first();
  const box = (await label.boundingBox())!;
  expect(box.width).toBeGreaterThan(box.height);
  await expect(label).toHaveAttribute('title', /\w/);
  await page.screenshot({ path: 'tests/artifacts/stripes-1280x720.png' });

  // Filter by coder: only Amara's stripes remain, in one pattern.
  await page.getByRole('button', { name: 'Coders: All coders' }).click();
  await page.getByRole('checkbox', { name: 'Amara Okafor' }).check();
  await page.keyboard.press('Escape');
  await expect(reader.locator(`[data-stripe-coder="${tom}"]`)).toHaveCount(0);
  await expect(reader.locator(`[data-stripe-coder="${amara}"]`).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Coders: Amara Okafor' })).toBeVisible();

  // Widen the margin by dragging its edge: the names get room.
  const margin = reader.getByRole('separator', { name: /Width of the code names/ });
  const before = Number(await margin.getAttribute('aria-valuenow'));
  const edge = (await margin.boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x - 60, edge.y + 200, { steps: 5 });
  await page.mouse.move(edge.x - 100, edge.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await margin.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(before + 90);
  const widthAfter = (await reader.locator('[data-stripe-label]').first().boundingBox())!.width;
  expect(widthAfter).toBeGreaterThan(box.width);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Coders: Amara Okafor' }).click();
  await page.getByRole('group', { name: 'Coders' }).getByRole('button', { name: 'All coders' }).click();
  await page.keyboard.press('Escape');
  await expect(reader.locator(`[data-stripe-coder="${tom}"]`).first()).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/stripes-1440x900.png' });
});
