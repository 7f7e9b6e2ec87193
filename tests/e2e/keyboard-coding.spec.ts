import { expect, test } from './web-app';
import { codeId, codedRuns, start } from './reader';

/*
 * Coding with the keyboard alone (after the first-run name): F7 puts a caret in the reader,
 * Shift+Ctrl+arrows select, Ctrl+K codes; the status line (aria-live) announces the coding and
 * its removal; ? and the status bar's button show the sheet of shortcuts.
 */

test('a passage coded with the keyboard only: F7, arrows, Shift+arrows, Ctrl+K; announced; the shortcut sheet', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const reader = page.getByRole('region', { name: '01 Hackney: young people' });
  await expect(reader.locator('[data-key]').first()).toBeVisible();
  const chip = page.getByRole('button', { name: /^Selected passage: / });

  await page.keyboard.press('F7');
  await expect(page.locator('[data-scroll-root]')).toBeFocused();
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: SYNTHETIC');
  await page.keyboard.press('ArrowRight');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: DEMO');
  await page.keyboard.press('ArrowLeft');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: SYNTHETIC');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: SYNTHETIC DEMO - written for Marginalia');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: SYNTHETIC DEMO - written for Marginalia.');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.screenshot({ path: 'tests/artifacts/keyboard-caret.png' });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('Zero suicide');
  await page.keyboard.press('Enter');
  const zero = await codeId(app, 'Zero suicide');
  await expect(codedRuns(reader, zero)).toHaveText('SYNTHETIC DEMO - written for Marginalia');
  const status = page.locator('footer').getByRole('status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toContainText('Code “Zero suicide” in 01 Hackney');
  await expect(chip).toBeHidden();

  // The caret carries on after the coded passage: the next word, coded at a quick code's key is refused kindly.
  await page.keyboard.press('ArrowRight');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: Not');

  await page.keyboard.press('Control+z');
  await expect(codedRuns(reader, zero)).toHaveCount(0);
  await expect(status).toContainText(/Undo|Undid|undone/i);

  // Shift+Down extends the selection by a drawn line (the focus lands a line lower, the anchor stays); it codes like any other.
  await page.keyboard.press('ArrowRight');
  await expect(chip).toHaveAttribute('aria-label', 'Selected passage: a');
  const before = await reader.locator('[data-selected]').last().boundingBox();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(chip).not.toHaveAttribute('aria-label', 'Selected passage: a');
  const label = (await chip.getAttribute('aria-label'))!;
  expect(label).toMatch(/^Selected passage: a record of real/);
  const after = await reader.locator('[data-selected]').last().boundingBox();
  expect(after!.y + after!.height, 'the selection ends a line lower').toBeGreaterThan(before!.y + before!.height * 1.5);
  await page.screenshot({ path: 'tests/artifacts/keyboard-shift-down.png' });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Tackling stigma');
  await page.keyboard.press('Enter');
  const stigma = await codeId(app, 'Tackling stigma');
  await expect(codedRuns(reader, stigma).first()).toContainText('a record');
  await page.keyboard.press('Control+z');
  await expect(status).toContainText(/Undo|Undid|undone/i);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Put a caret on a word in the reader');
  await page.screenshot({ path: 'tests/artifacts/keyboard-shortcut-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(sheet).toBeVisible();
});
