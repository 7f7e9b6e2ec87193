/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import XLSX from 'xlsx';
import { makePdf } from '../helpers/make-pdf';
import { openWithCoderName } from './api';
import { codeId, codedRuns } from './reader';
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

  // A passage selected with the keyboard from page 1 over the break to page 2, coded, exported:
  // the Coded segments sheet has a Page column saying "1–2" for it (and nothing for the sample's texts).
  await page.keyboard.press('F7');
  // Down a line at a time (the gap between turns is a step too) until page 1 is selected to its
  // end (how many lines that takes depends on the reader's width), then two words into page 2.
  const selected = reader.locator('[class*="run--selected"]');
  for (let i = 0; i < 8 && !(await selected.allTextContents()).join('').includes('judging.'); i++) await page.keyboard.press('Shift+ArrowDown');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.locator('footer')).toContainText(/\d+ characters selected/);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Zero suicide');
  await page.keyboard.press('Enter');
  await expect(page.locator('footer').getByRole('status')).toContainText('Code “Zero suicide” in Focus group');
  const zero = codedRuns(reader, await codeId(app, 'Zero suicide'));
  await expect(zero.first()).toContainText('What has helped');
  await expect(zero.last()).toHaveText('And what');
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const book = XLSX.read(await readFile((await download.path())!), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Coded segments']!, { header: 1, defval: null, raw: true });
  const header = rows[0] as string[];
  const page_ = header.indexOf('Page');
  expect(page_, 'a Page column after Speaker').toBe(header.indexOf('Speaker') + 1);
  const pdfRows = rows.slice(1).filter((r) => r[0] === 'Focus group');
  expect(pdfRows.map((r) => r[page_])).toEqual(['1–2']);
  expect(rows.slice(1).filter((r) => r[0] !== 'Focus group').every((r) => r[page_] === null)).toBe(true);
});
