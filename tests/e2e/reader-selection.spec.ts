import type { Page } from '@playwright/test';
import { expect, test } from './web-app';
import { LAMBETH, POOLED, codeId, codedRuns, openDocument, phrasePoints, selectByMouse, spanOf, start, treeRow } from './reader';

/*
 * Selecting in the reader with a real mouse: selections widen to whole words (on by default),
 * Alt held keeps the exact characters, and the option can be switched off. A code dropped
 * anywhere on the selected text codes it; the selection's chip covers no text.
 */

interface ClientRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** True when any rendered run of text in the reader overlaps the box. */
async function coversText(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<boolean> {
  return page.locator('[data-scroll-root] [data-start]').evaluateAll(
    (runs, b) =>
      runs.some((run) =>
        Array.from((run as unknown as { getClientRects(): ArrayLike<ClientRect> }).getClientRects()).some(
          (r) => r.left < b.x + b.width && r.right > b.x && r.top < b.y + b.height && r.bottom > b.y,
        ),
      ),
    box,
  );
}

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
  // As a user would: the passage is taken (its chip shows) before the palette is opened on it.
  await expect(chip(page)).toHaveAttribute('aria-label', 'Selected passage: Pooled budgets');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Filter codes' }).fill('Communities take');
  await page.keyboard.press('Enter');
  const communities = await codeId(app, 'Communities take the lead');
  await expect(codedRuns(reader, communities)).toHaveText('Pooled budgets');
  const { start: at } = await spanOf(LAMBETH, POOLED);
  await expect(codedRuns(reader, communities)).toHaveAttribute('data-start', String(at));
  await expect(codedRuns(reader, communities)).toHaveAttribute('data-end', String(at + 'Pooled budgets'.length));
});

test('a code dropped anywhere on the selected text codes it; the chip sits beside the last line, covers no text, and goes once coded', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const reader = await openDocument(page, '04 Lambeth: commissioners');
  await selectByMouse(page, POOLED);
  const lines = reader.locator('[data-selected]');
  const chipButton = chip(page);
  const chipBox = (await chipButton.boundingBox())!;
  const last = (await lines.last().boundingBox())!;
  expect(chipBox.y + chipBox.height / 2, 'the chip is level with the last line').toBeGreaterThan(last.y + last.height - 27);
  expect(chipBox.y + chipBox.height / 2).toBeLessThan(last.y + last.height);
  expect(await coversText(page, chipBox), 'the chip covers no text').toBe(false);

  // Drag a code from the codebook and drop it in the middle of the selected text (not on the chip).
  const row = treeRow(page, 'Communities take the lead');
  const from = (await row.boundingBox())!;
  // Between the selection's two lines: the drop target has no gap there.
  const target = (await lines.first().boundingBox())!;
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 52, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
  // Every line box of the two-line selection lights up (how many boxes depends on the wrapping).
  await expect.poll(() => page.locator('[data-selection-drop="over"]').count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('[data-selection-drop]:not([data-selection-drop="over"])')).toHaveCount(0);
  await page.screenshot({ path: 'tests/artifacts/reader-drop-on-selection.png' });
  await page.mouse.up();

  const communities = await codeId(app, 'Communities take the lead');
  await expect(codedRuns(reader, communities)).toHaveText(POOLED);
  await expect(chipButton, 'the chip goes once the selection is coded').toBeHidden();
  await expect(page.locator('footer').getByRole('status')).toContainText('Code “Communities take the lead” in 04 Lambeth');
});
