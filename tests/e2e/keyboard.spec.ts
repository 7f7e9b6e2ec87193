import type { Page } from '@playwright/test';
import { openWithCoderName } from './api';
import { expect, test } from './web-app';

/*
 * The workbench from the keyboard alone: F6 reaches every pane, the reader's text scrolls from
 * the keyboard, a dialog opened from the codebook closes with Escape and gives focus back, and
 * the status line (the polite live region) says what undo and redo did, each time.
 */

const focusedPane = (page: Page) =>
  page.evaluate('document.activeElement?.closest("[data-f6-pane]")?.getAttribute("aria-label") ?? document.activeElement?.closest("[data-f6-pane]")?.tagName');

test('keyboard: F6 cycles the panes, the reader scrolls, Escape closes a dialog and focus returns, undo and redo are announced', async ({ app, page }) => {
  test.setTimeout(180_000);
  await openWithCoderName(page, app);
  const tree = page.getByRole('tree', { name: 'Codebook' });
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(tree.getByRole('treeitem').first()).toBeVisible();

  // F6 from nowhere: the top bar, then Documents, the centre's selected tab, the Codebook, round again.
  await page.keyboard.press('F6');
  expect(await focusedPane(page)).toBe('HEADER');
  await page.keyboard.press('F6');
  await expect(list).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('tab', { name: 'Reader' })).toBeFocused();
  await page.keyboard.press('F6');
  expect(await focusedPane(page)).toBe('Codebook');
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
  await page.keyboard.press('F6');
  expect(await focusedPane(page)).toBe('HEADER');
  await page.keyboard.press('Shift+F6');
  expect(await focusedPane(page)).toBe('Codebook');

  // Open a document from the list by keyboard; its text scrolls from the keyboard too.
  await page.keyboard.press('Shift+F6');
  await page.keyboard.press('Shift+F6');
  await expect(list).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const scroller = page.locator('[data-scroll-root]');
  await expect(scroller.locator('[data-start]').first()).toBeVisible();
  await scroller.focus();
  await expect(scroller).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  // A codebook dialog from the keyboard: Escape closes it and focus goes back to the code.
  await tree.getByRole('treeitem', { name: 'Zero suicide', exact: true }).focus();
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menu', { name: 'Actions for Zero suicide' }).getByRole('menuitem', { name: 'Describe…' }).press('Enter');
  const describe = page.getByRole('dialog', { name: 'Describe “Zero suicide”' });
  await expect(describe).toBeVisible();
  await page.keyboard.press('F6');
  // F6 does not leave a modal dialog.
  expect(await page.evaluate('!!document.activeElement?.closest("dialog")')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(describe).toBeHidden();
  await expect(tree.getByRole('treeitem', { name: 'Zero suicide', exact: true })).toBeFocused();

  // A change, undone and redone from the keyboard: each is said in the status line.
  const status = page.locator('footer [role="status"]');
  await page.keyboard.press('Insert');
  await page.getByRole('textbox', { name: 'New code at the top level' }).fill('Kept waiting');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'Kept waiting', exact: true })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(status).toContainText(/^Undid: /);
  await expect(tree.getByRole('treeitem', { name: 'Kept waiting', exact: true })).toHaveCount(0);
  const firstUndo = await status.locator('span').elementHandle();
  await page.keyboard.press('Control+y');
  await expect(status).toContainText(/^Redid: /);
  await page.keyboard.press('Control+z');
  await expect(status).toContainText(/^Undid: /);
  // The same words again are a new node in the live region, so they are announced again.
  expect(await status.locator('span').evaluate((el, old) => el !== old, firstUndo)).toBe(true);
});
