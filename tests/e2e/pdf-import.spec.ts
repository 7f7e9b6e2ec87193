/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { makePdf } from '../helpers/make-pdf';
import { openWithCoderName } from './api';
import { expect, test } from './web-app';

/*
 * A PDF imported in a real browser against the real `npm run web` entry: chosen with the
 * Documents pane's "Import…" input, previewed (speakers found in its text), imported, and read
 * with its page boundaries marked; a scanned PDF beside it is refused, saying OCR is needed.
 */

test.setTimeout(300_000);

const focusGroup = makePdf([
  {
    texts: [
      { x: 72, y: 760, text: 'Thrive LDN focus group' },
      { x: 72, y: 700, text: 'Facilitator: What has helped you most since the group' },
      { x: 72, y: 686, text: 'started meeting?' },
      { x: 72, y: 658, text: 'Resident: Knowing that someone would listen with-' },
      { x: 72, y: 644, text: 'out judging.' },
    ],
  },
  {
    texts: [
      { x: 72, y: 760, text: 'Thrive LDN focus group' },
      { x: 72, y: 700, text: 'Facilitator: And what would you change?' },
    ],
  },
]);

const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import files' });

test('a text PDF is previewed, imported and read with its pages marked; a scan is refused with a pointer to OCR', async ({ app, page }) => {
  await openWithCoderName(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(17);
  await page.getByLabel('Choose files to import').setInputFiles([
    { name: 'Focus group.pdf', mimeType: 'application/pdf', buffer: Buffer.from(focusGroup) },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf([{ drawing: true }])) },
  ]);
  const dialog = importDialog(page);
  const card = dialog.getByRole('region', { name: 'Focus group.pdf', exact: true });
  await expect(card.getByRole('term')).toHaveText(['Facilitator', 'Resident', 'Facilitator'], { timeout: 60_000 });
  await expect(card.getByRole('definition').nth(1)).toContainText('Knowing that someone would listen without judging.');
  await expect(dialog.getByRole('region', { name: 'scan.pdf', exact: true })).toContainText('has no text layer', { timeout: 60_000 });
  await page.screenshot({ path: 'tests/artifacts/pdf-import-dialog.png' });

  await dialog.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(dialog.getByRole('status')).toContainText('1 document added.', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await list.getByRole('option', { name: 'Focus group', exact: true }).click();
  const reader = page.getByRole('region', { name: 'Focus group', exact: true });
  await expect(reader).toContainText('What has helped you most since the group started meeting?');
  await expect(reader).not.toContainText('Thrive LDN focus group');
  await expect(reader.locator('[data-page-mark]')).toHaveText(['Page 1', 'Page 2']);
  await page.screenshot({ path: 'tests/artifacts/pdf-reader.png' });
});
