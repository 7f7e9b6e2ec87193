import type { Page } from '@playwright/test';
import { codeId, codedRuns, start } from './reader';
import { expect, test } from './web-app';

/*
 * A whole coding task from the keyboard alone, checking at every step that the focused element
 * shows a visible focus indicator (WCAG 2.4.7): open a document from the list, put a caret in the
 * text and select with Shift+arrows, code the selection from the palette, open the Agreement view.
 */

/**
 * What has focus now, and whether it draws a ring the user can see: on itself, or for a list
 * that keeps focus and points at its current item (aria-activedescendant), on that item.
 */
async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
    const activeId = el.getAttribute('aria-activedescendant');
    const ringed = (activeId ? document.getElementById(activeId) : null) ?? el;
    const style = getComputedStyle(ringed);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    return { ok: el.matches(':focus-visible') && ring, what: `${ringed.tagName} ${ringed.getAttribute('aria-label') ?? ringed.textContent?.slice(0, 40) ?? ''}` };
  });
  expect(focus.ok, `${step}: focus visible on ${focus.what}`).toBe(true);
}

test('keyboard only: open a document, select with the caret, code from the palette, open Agreement; focus visible throughout', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option').first()).toBeVisible();

  // F6: the top bar, then the document list; the third document opens with Enter.
  await page.keyboard.press('F6');
  await expectVisibleFocus(page, 'the top bar');
  await page.keyboard.press('F6');
  await expect(list).toBeFocused();
  await expectVisibleFocus(page, 'the document list');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const reader = page.getByRole('region', { name: '03 Newham: people who use services' });
  await expect(reader.locator('[data-start]').first()).toBeVisible();

  // F7: a caret on the first word of the text; Shift+Ctrl+arrows select the next words.
  await page.keyboard.press('F7');
  const scroller = page.locator('[data-scroll-root]');
  await expect(scroller).toBeFocused();
  await expectVisibleFocus(page, 'the reader text');
  const chip = page.getByRole('button', { name: /^Selected passage: / });
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: SYNTHETIC');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: SYNTHETIC DEMO');

  // Ctrl+K: the palette takes focus in its search field; Enter codes the selection.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Code the selection' });
  await expect(palette).toBeVisible();
  await expectVisibleFocus(page, 'the code palette');
  await page.keyboard.type('Tackling stigma');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const stigma = await codeId(app, 'Tackling stigma');
  await expect(codedRuns(reader, stigma)).toHaveText('SYNTHETIC DEMO');
  await expect(page.locator('footer').getByRole('status')).toContainText('Code “Tackling stigma”');
  // Focus comes back to the text, still visible.
  await expect(scroller).toBeFocused();
  await expectVisibleFocus(page, 'the reader after coding');

  // F6 to the centre view's tabs; the arrows move along them, each opening as it is reached.
  await page.keyboard.press('F6');
  await expect(page.getByRole('tab', { name: 'Reader' })).toBeFocused();
  await expectVisibleFocus(page, 'the centre view tabs');
  const agreementTab = page.getByRole('tab', { name: 'Agreement' });
  for (let i = 0; i < 8 && (await agreementTab.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  await expect(agreementTab).toBeFocused();
  await expect(agreementTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'How far the coders agree' })).toBeVisible();
  await expectVisibleFocus(page, 'the Agreement tab');
  await page.screenshot({ path: 'test-results/keyboard-walk-agreement.png' });
});
