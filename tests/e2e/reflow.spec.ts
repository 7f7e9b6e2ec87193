import { openWithCoderName } from './api';
import { expect, test } from './web-app';

/*
 * Zoom, reflow and forced colours (WCAG 1.4.10, 1.4.4, 1.4.11): at 125 % text on a 1280×720
 * laptop the documents, the text and the codebook sit side by side; at 320 CSS px wide the
 * workbench scrolls in one direction only; at 200 % zoom (a 1280 px window is 640 CSS px) and in
 * forced-colors mode it still shows the documents, the text and the codebook. Screenshots go to
 * tests/artifacts/ to be looked at.
 */

test('reflow: 125 % text on a 1280×720 laptop, 320 px wide, 200 % zoom and forced colours', async ({ app, page }) => {
  test.setTimeout(180_000);
  await openWithCoderName(page, app);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: '01 Hackney' }).click();
  await expect(page.locator('[data-scroll-root] [data-start]').first()).toBeVisible();

  // A 1280×720 laptop with text at 125 %: 1024×576 CSS px, the three panes side by side.
  await page.setViewportSize({ width: 1024, height: 576 });
  await page.screenshot({ path: 'tests/artifacts/a11y-laptop-125.png' });
  for (const pane of [
    page.getByRole('listbox', { name: 'Documents' }),
    page.locator('[data-scroll-root] [data-start]').first(),
    page.getByRole('tree', { name: 'Codebook' }),
  ]) {
    await expect(pane).toBeInViewport();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // 200 % zoom of a 1280×820 window.
  await page.setViewportSize({ width: 640, height: 410 });
  await page.screenshot({ path: 'tests/artifacts/a11y-zoom-200.png' });
  await expect(page.getByRole('tree', { name: 'Codebook' })).toBeAttached();

  // 320 CSS px (a 1280 px window at 400 %): no scrolling sideways for the page as a whole.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: 'tests/artifacts/a11y-reflow-320.png', fullPage: true });
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, 'horizontal overflow at 320 px').toBeLessThanOrEqual(0);

  await page.setViewportSize({ width: 1280, height: 820 });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.screenshot({ path: 'tests/artifacts/a11y-forced-colors.png' });
});
