import type { Page } from '@playwright/test';
import { expect, test } from './web-app';
import { LAMBETH, POOLED, codeId, codedRuns, openDocument, phrasePoints, spanOf, start } from './reader';

/*
 * Selecting in the reader with a real mouse: selections widen to whole words (on by default),
 * Alt held keeps the exact characters, and the option can be switched off.
 */

/** Drags from inside the first character of `from` to inside the last character of `to`. */
async function dragAcross(page: Page, from: string, to: string): Promise<void> {
  const a = await phrasePoints(page, from);
  const b = await phrasePoints(page, to);
  await page.mouse.move(a.x1, a.y1);
  await page.mouse.down();
  await page.mouse.move(b.x2, b.y2, { steps: 10 });
  await page.mouse.up();
}

const chip = (page: Page) => page.getByRole('button', { name: /^Selected passage: / });

test('a selection made mid-word widens to whole words; Alt held keeps the exact characters; the option switches it off', async ({ app, page }) => {
  await start(page, app);
  const reader = await openDocument(page, '04 Lambeth: commissioners');

  // "oled budg" selected: the passage is "Pooled budgets".
  await dragAcross(page, 'oled budgets', 'budg');
  await expect(chip(page)).toHaveAttribute('aria-label', 'Selected passage: Pooled budgets');
  await page.keyboard.press('Escape');
  await expect(chip(page)).toBeHidden();

  await page.keyboard.down('Alt');
  await dragAcross(page, 'oled budgets', 'budg');
  await page.keyboard.up('Alt');
  await expect(chip(page)).toHaveAttribute('aria-label', 'Selected passage: oled budg');
  await page.keyboard.press('Escape');

  const option = page.getByRole('checkbox', { name: 'Select whole words' });
  await expect(option).toBeChecked();
  await option.uncheck();
  await dragAcross(page, 'oled budgets', 'budg');
  await expect(chip(page)).toHaveAttribute('aria-label', 'Selected passage: oled budg');
  await page.keyboard.press('Escape');
  await option.check();

  // The snapped passage is what gets coded, at the whole words' offsets.
  await dragAcross(page, 'oled budgets', 'budg');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Filter codes' }).fill('Communities take');
  await page.keyboard.press('Enter');
  const communities = await codeId(app, 'Communities take the lead');
  await expect(codedRuns(reader, communities)).toHaveText('Pooled budgets');
  const { start: at } = await spanOf(LAMBETH, POOLED);
  await expect(codedRuns(reader, communities)).toHaveAttribute('data-start', String(at));
  await expect(codedRuns(reader, communities)).toHaveAttribute('data-end', String(at + 'Pooled budgets'.length));
});
