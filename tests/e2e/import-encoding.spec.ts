/// <reference lib="dom" />
import type { Locator, Page } from '@playwright/test';
import { openWithCoderName } from './api';
import { expect, test } from './web-app';

/*
 * CSV files that are not UTF-8, imported in a real browser: the preview names the encoding it
 * detected, the user changes it and sees the preview read again (or why that encoding does not
 * fit, naming the file), and the reader shows the text in the encoding chosen.
 */

/** Excel on Windows: é is 0xE9, the em dash 0x97 (Windows-1252, written by hand). */
const windowsCsv = Buffer.concat([
  Buffer.from('Name,Answer\r\nCaf'),
  Buffer.from([0xe9]),
  Buffer.from(' owner,We opened the caf'),
  Buffer.from([0xe9, 0x20, 0x97, 0x20]),
  Buffer.from('a place to talk about how we feel\r\n'),
]);
/** Classic Mac OS: é is 0x8E, which detection reads as Windows-1252 Ž. */
const macCsv = Buffer.concat([Buffer.from('Name,Answer\rMac caf'), Buffer.from([0x8e]), Buffer.from(',Every Sunday at the caf'), Buffer.from([0x8e]), Buffer.from(' for a long talk with friends\r')]);

const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import files' });
const fileCard = (dialog: Locator, fileName: string) => dialog.getByRole('region', { name: fileName, exact: true });

/** The first sample row's cells, as the preview shows them. */
const firstRow = (card: Locator) => card.getByRole('table').getByRole('row').nth(1);

/** Rows as documents: text from "Answer", names from "Name". */
async function rowsAsDocuments(card: Locator): Promise<void> {
  await card.getByRole('radio', { name: 'Texts to import as documents' }).check();
  await card.getByRole('group', { name: 'Text columns' }).getByRole('checkbox', { name: 'Answer' }).check();
  await card.getByRole('radio', { name: 'Each row is a document' }).check();
  await card.getByLabel('Document names from').selectOption('Name');
}

test('a Windows-1252 CSV and a Mac Roman one: the detected encoding, a change re-read in the preview, the text right in the reader', async ({ app, page }) => {
  await openWithCoderName(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(17);
  await page.getByLabel('Choose files to import').setInputFiles([
    { name: 'Excel survey.csv', mimeType: 'text/csv', buffer: windowsCsv },
    { name: 'Old Mac survey.csv', mimeType: 'text/csv', buffer: macCsv },
  ]);
  const dialog = importDialog(page);

  const windows = fileCard(dialog, 'Excel survey.csv');
  const windowsEncoding = windows.getByLabel('Encoding');
  await expect(windowsEncoding).toHaveValue('windows-1252');
  await expect(windowsEncoding.locator('option:checked')).toHaveText('Windows-1252 (Western European) (detected)');
  await expect(firstRow(windows)).toContainText('We opened the café — a place to talk');
  // Not UTF-8: choosing it says so, naming the file, and the preview stays as it was read.
  await windowsEncoding.selectOption('utf-8');
  await expect(windows).toContainText('Excel survey.csv: cannot be read as UTF-8: it holds bytes that are not valid in that encoding.');
  await expect(windowsEncoding).toHaveValue('windows-1252');
  await expect(windowsEncoding).toHaveAttribute('aria-invalid', 'true');
  await expect(firstRow(windows)).toContainText('café — a place');
  await rowsAsDocuments(windows);

  const mac = fileCard(dialog, 'Old Mac survey.csv');
  const macEncoding = mac.getByLabel('Encoding');
  await expect(macEncoding).toHaveValue('windows-1252');
  await expect(firstRow(mac)).toContainText('Every Sunday at the cafŽ');
  await macEncoding.selectOption('macintosh');
  await expect(firstRow(mac)).toContainText('Every Sunday at the café for a long talk');
  await expect(macEncoding.locator('option:checked')).toHaveText('Mac Roman (classic Mac OS)');
  await expect(mac).toContainText('As you chose: the preview is read in it.');
  await rowsAsDocuments(mac);
  await windows.screenshot({ path: test.info().outputPath('import-encoding-refused.png') });
  await mac.screenshot({ path: test.info().outputPath('import-encoding-chosen.png') });

  await dialog.getByRole('button', { name: 'Import 2 files' }).click();
  const results = dialog.getByRole('list', { name: 'Import results' });
  await expect(results).toContainText('Document: Café owner');
  await expect(results).toContainText('Document: Mac café');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await list.getByRole('option', { name: /^Mac café/ }).click();
  await expect(page.getByRole('region', { name: 'Mac café', exact: true })).toContainText('Every Sunday at the café for a long talk with friends');
  await list.getByRole('option', { name: /^Café owner/ }).click();
  await expect(page.getByRole('region', { name: 'Café owner', exact: true })).toContainText('We opened the café — a place to talk about how we feel');
});
