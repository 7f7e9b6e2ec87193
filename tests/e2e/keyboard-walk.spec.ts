import type { Page } from '@playwright/test';
import { codeId, codedRuns, start } from './reader';
import { expect, test } from './web-app';

/*
 * A whole coding task from the keyboard alone, checking at every step that the focused element
 * shows a visible focus indicator (WCAG 2.4.7): open a document from the list, put a caret in the
 * text and select with Shift+arrows, code the selection from the palette, open the Agreement view.
 */

/**
 * What has focus now, and whether a ring the user can see is drawn: on it, or, for a list or
 * field that keeps focus and points at its current item (aria-activedescendant), on that item.
 */
async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
    const ringed = (e: Element | null) => {
      if (!e) return false;
      const style = getComputedStyle(e);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    };
    const activeId = el.getAttribute('aria-activedescendant');
    const ok = el.matches(':focus-visible') && (ringed(el) || ringed(activeId ? document.getElementById(activeId) : null));
    return { ok, what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? ''}` };
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

  // The reader is inside the centre pane: Shift+F6 goes back to Documents, F6 returns to the
  // centre pane at its selected tab; End goes to the last tab, Agreement, which opens at once.
  await page.keyboard.press('Shift+F6');
  await expect(list).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('tab', { name: 'Reader' })).toBeFocused();
  await expectVisibleFocus(page, 'the centre view tabs');
  const agreementTab = page.getByRole('tab', { name: 'Agreement' });
  await page.keyboard.press('End');
  await expect(agreementTab).toBeFocused();
  await expect(agreementTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'How far the coders agree' })).toBeVisible();
  await expectVisibleFocus(page, 'the Agreement tab');
  await page.screenshot({ path: 'test-results/keyboard-walk-agreement.png' });

  // Walking back through Search keeps focus on the tabs (its box does not take it)…
  const searchTab = page.getByRole('tab', { name: 'Search' });
  for (const name of ['Analysis', 'Attributes', 'Memos', 'Words', 'Query', 'Search']) {
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name })).toBeFocused();
  }
  await expect(searchTab).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Query' })).toBeFocused();
  // …while a click on the Search tab leaves the user ready to type.
  await searchTab.click();
  await expect(page.getByRole('searchbox', { name: 'Search text' })).toBeFocused();
});
