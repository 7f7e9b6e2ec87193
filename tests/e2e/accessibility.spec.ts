import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { documents, openWithCoderName, rpc, snapshot } from './api';
import { expect, test } from './web-app';

/*
 * WCAG 2.2 AA, checked by axe-core (default rules) on every view and dialog of the sample project
 * in a real browser: any serious or critical violation fails, naming the view, the rule and the
 * elements, so one run lists everything that is wrong.
 */

// axe walks the whole DOM (contrast is computed element by element): slow on a loaded machine.
test.describe.configure({ timeout: 600_000 });

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on the page as it is now; a serious or critical violation fails (softly, so every view
 * is listed). axe is injected once per page load and run in the page itself: @axe-core/playwright
 * injects it on every call and finishes each run in a new blank page, seconds per audit here.
 */
async function audit(page: Page, where: string, scope?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> } };
    const results = await axe.run(selector === null ? document : { include: [[selector]] }, {
      resultTypes: ['violations'],
      // Default rules, plus Label in Name (WCAG 2.5.3), which axe still ships as experimental.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return results.violations;
  }, scope ?? null);
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    // Known exception (README): Label in Name counts a code's tree item's count as visible text;
    // its name is the code's name, its count the description.
    .map((v) => (v.id === 'label-content-name-mismatch' ? { ...v, nodes: v.nodes.filter((n) => !/^<li[^>]* role="treeitem"/.test(n.html)) } : v))
    .filter((v) => v.nodes.length > 0);
  // Each distinct failure once (forty options with the same grey are one finding), with an example element.
  const listed = bad.map((v) => {
    const kinds = new Map<string, string>();
    for (const n of v.nodes) {
      const why = (n.failureSummary?.split('\n')[1]?.trim() ?? '').replace(/font size: [^)]*\)/, '');
      if (!kinds.has(why)) kinds.set(why, n.target.join(' '));
    }
    const examples = [...kinds].slice(0, 8).map(([why, where]) => `    ${why} e.g. ${where}`);
    return `${v.id} (${v.impact}), ${v.nodes.length} element(s): ${v.help}\n${examples.join('\n')}`;
  });
  expect.soft(listed, `axe: serious or critical violations in ${where}`).toEqual([]);
}

async function openSample(page: Page, app: Parameters<typeof openWithCoderName>[1]): Promise<void> {
  await openWithCoderName(page, app);
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem').first()).toBeVisible();
}

async function openDocument(page: Page, name: string): Promise<Locator> {
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name }).click();
  const reader = page.getByRole('region', { name });
  await expect(reader.locator('[data-start]').first()).toBeVisible();
  return reader;
}

/** Selects the first words of the reader's first rendered line with the mouse. */
async function selectSomeText(page: Page): Promise<void> {
  const run = page.locator('[data-scroll-root] [data-start]').first();
  const box = (await run.boundingBox())!;
  const y = box.y + Math.min(box.height, 18) / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, y, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: /^Selected passage: / })).toBeVisible();
}

async function codeMenu(page: Page, code: string, action: string): Promise<void> {
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await tree.getByRole('treeitem', { name: code, exact: true }).locator('> [data-code-row]').click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions for ${code}` }).getByRole('menuitem', { name: action }).click();
}

async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('axe: the start screen', async ({ app, page }) => {
  await openSample(page, app);
  await page.getByRole('button', { name: 'Close project' }).click();
  await expect(page.getByRole('button', { name: 'Close project' })).toBeHidden();
  await audit(page, 'the start screen');
});

test('axe: the reader with a selection, the coding popover and the codebook dialogs', async ({ app, page }) => {
  await openSample(page, app);
  await openDocument(page, '01 Hackney: young people');
  await audit(page, 'the reader');
  await selectSomeText(page);
  // The rest of the page was audited just before: only the centre pane has changed.
  await audit(page, 'the reader with a selection', 'main');
  await page.keyboard.press('Control+k');
  const popover = page.getByRole('dialog', { name: 'Code the selection' });
  await expect(popover).toBeVisible();
  // Dialogs and menus are audited on their own: the page behind them was audited just before.
  await audit(page, 'the "Code the selection" popover', 'dialog[open]');
  await closeDialog(page, popover);

  const tree = page.getByRole('tree', { name: 'Codebook' });
  await tree.getByRole('treeitem', { name: 'Zero suicide', exact: true }).locator('> [data-code-row]').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Actions for Zero suicide' })).toBeVisible();
  await audit(page, 'the code actions menu', '[role="menu"]');
  await page.keyboard.press('Escape');

  for (const [action, name] of [
    ['Recolour…', /Zero suicide/],
    ['Describe…', 'Describe “Zero suicide”'],
    ['Merge into…', 'Merge “Zero suicide” into…'],
    ['Delete…', /Delete “Zero suicide”/],
  ] as const) {
    await codeMenu(page, 'Zero suicide', action);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await audit(page, `the codebook's ${action} dialog`, 'dialog[open]');
    await closeDialog(page, dialog);
  }

  // A code's memos open in the panel docked above the codebook, not in a dialog.
  await codeMenu(page, 'Zero suicide', 'Memo…');
  const memos = page.getByRole('region', { name: 'Memo panel' });
  await expect(memos).toContainText('Zero suicide');
  await audit(page, 'the docked memo panel', '[data-docked-panel]');
});

test('axe: the import and export dialogs', async ({ app, page }) => {
  await openSample(page, app);
  const folder = await mkdtemp(join(tmpdir(), 'marginalia-a11y-'));
  const file = join(folder, 'Interview 18.txt');
  await writeFile(file, 'Interviewer: How did it go?\nParticipant: The waiting list was long, but the peer group helped.\n');
  await page.getByLabel('Choose files to import').setInputFiles(file);
  const importing = page.getByRole('dialog', { name: 'Import files' });
  await expect(importing).toBeVisible();
  // Dialogs are audited on their own: the page behind them is audited by the other tests.
  await audit(page, 'the import dialog (settings)', 'dialog[open]');
  await importing.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(importing.getByRole('list', { name: 'Import results' })).toBeVisible();
  await audit(page, 'the import dialog (results)', 'dialog[open]');
  await importing.getByRole('button', { name: 'Close' }).click();
  await expect(importing).toBeHidden();

  await page.getByRole('button', { name: 'Export…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export' });
  await expect(exporting).toBeVisible();
  await audit(page, 'the export dialog', 'dialog[open]');
  await closeDialog(page, exporting);
});

test('axe: search, query, words, memos, analysis and agreement with a drill-down', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  const project = await snapshot(page, app);
  const doc = (await documents(page, app)).find((d) => d.name === '04 Lambeth: commissioners')!;
  const stigma = project.codebook.find((c) => c.name === 'Tackling stigma')!;
  // Two coders who differ, so the agreement view has a disagreement to drill into.
  await rpc(page, app, 'app.setCoderName', { name: 'Ann' });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 100, end: 200 });
  await rpc(page, app, 'app.setCoderName', { name: 'Ben' });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 150, end: 250 });
  await page.reload();

  await page.getByRole('tab', { name: 'Search' }).click();
  const search = page.getByRole('searchbox', { name: 'Search text' });
  await search.fill('waiting list');
  await search.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /\d+ results?/ })).toBeVisible();
  await audit(page, 'the search view with results');

  await page.getByRole('tab', { name: 'Query' }).click();
  const query = page.getByRole('textbox', { name: 'Query', exact: true });
  await query.fill('"Tackling stigma" NEAR "Zero suicide"');
  await query.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await audit(page, 'the query view with a mistake shown');
  await query.fill('"Tackling stigma" OR "Zero suicide"');
  await query.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /\d+ passages? in/ })).toBeVisible();
  await audit(page, 'the query view with results');

  await page.getByRole('tab', { name: 'Words' }).click();
  const words = page.getByRole('table', { name: /Word frequencies/ });
  await words.getByRole('rowheader').first().getByRole('button').click();
  await expect(page.getByRole('heading', { name: /occurrences?$/ })).toBeVisible();
  await audit(page, 'the word frequencies view with a word chosen');

  await page.getByRole('tab', { name: 'Memos' }).click();
  // Audited once it has come: while its script loads, a "Loading…" note fades in, and axe would
  // measure that note's contrast halfway through the fade.
  await expect(page.getByRole('main').getByRole('heading', { name: /^Memos/ })).toBeVisible();
  // After the whole page once, only the centre pane changes from view to view.
  await audit(page, 'the memos view', 'main');

  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await audit(page, 'the analysis view', 'main');

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'How far the coders agree' });
  await expect(view).toBeVisible();
  const boxes = view.getByRole('group', { name: 'Coders', exact: true }).getByRole('checkbox');
  for (const box of await boxes.all()) {
    const label = await box.locator('xpath=..').innerText();
    await box.setChecked(/^(Ann|Ben)\b/.test(label.trim()));
  }
  const table = view.getByRole('table', { name: 'Agreement by code between Ann and Ben' });
  await expect(table).toBeVisible();
  await audit(page, 'the agreement view', 'main');
  await table.getByRole('button', { name: 'Tackling stigma' }).click();
  await expect(view.getByRole('region', { name: 'Where Ann and Ben differ at Tackling stigma' })).toBeVisible();
  await audit(page, 'the agreement drill-down', 'main');
});
