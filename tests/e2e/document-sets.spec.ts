import { snapshot } from './api';
import { expect, test } from './web-app';
import { start } from './reader';

/*
 * Document sets made from the document list with a real right-click and keys: a new set from one
 * document's menu, a second document ticked into it, the list and the analysis matrix filtered
 * by the set, and undo taking the second document back out.
 */

const FIRST = '01 Hackney: young people';
const SECOND = '04 Lambeth: commissioners';

test('a set made from the document list filters the list and the analysis; undo takes a member out', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });

  await list.getByRole('option', { name: FIRST }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add to set…' }).click();
  let dialog = page.getByRole('dialog', { name: `Sets for “${FIRST}”` });
  await dialog.getByLabel('New set with this document').fill('Pilot wave');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('checkbox', { name: /Pilot wave/ })).toBeChecked();
  await page.screenshot({ path: 'tests/artifacts/document-sets-dialog.png' });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await list.getByRole('option', { name: SECOND }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add to set…' }).click();
  dialog = page.getByRole('dialog', { name: `Sets for “${SECOND}”` });
  await dialog.getByRole('checkbox', { name: /Pilot wave/ }).click();
  await expect(dialog.getByRole('checkbox', { name: /Pilot wave/ })).toBeChecked();
  await expect(dialog.getByText('2 documents')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const set = (await snapshot(page, app)).sets.find((s) => s.name === 'Pilot wave')!;
  expect(set.documentIds).toHaveLength(2);

  // The filter's Document set group, ticked: the list shows the set's two documents.
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('button', { name: 'Document set' }).click();
  await page.getByRole('checkbox', { name: /Pilot wave/ }).check();
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option', { name: FIRST })).toBeVisible();
  await expect(list.getByRole('option', { name: SECOND })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/document-sets-filter.png' });

  // The analysis matrix counts the set's documents only, and says why.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix', exact: true }).click();
  await expect(page.getByText(/Only documents where\s*Document set is Pilot wave/)).toBeVisible();
  const table = page.getByRole('table').first();
  await expect(table.getByRole('columnheader', { name: FIRST })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: SECOND })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '06 Croydon: workforce' })).toHaveCount(0);
  await page.screenshot({ path: 'tests/artifacts/document-sets-analysis.png' });

  // Undo takes the second document out of the set again: the filtered list shows one.
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option', { name: FIRST })).toBeVisible();
});
