import { documents, rpc } from './api';
import { expect, test } from './web-app';
import { start } from './reader';

/*
 * Renaming and deleting documents from the document list with real keys and a real right-click:
 * F2 renames (also in the context menu), the context menu or the Delete key deletes (the one document, or every one selected)
 * after a confirmation that counts what goes, and undo
 * brings each back.
 */

const NAME = '02 Tower Hamlets: faith groups';
const RENAMED = '02 Tower Hamlets: faith leaders';

test('a document renamed with F2 and deleted from its context menu; undo restores both', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await list.getByRole('option', { name: NAME }).click();
  await expect(page.getByRole('region', { name: NAME })).toBeVisible();

  await list.focus();
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: `Rename “${NAME}”` });
  await expect(rename).toBeVisible();
  await rename.getByLabel('Name').fill(RENAMED);
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  await expect(list.getByRole('option', { name: RENAMED })).toBeVisible();
  await expect(page.getByRole('region', { name: RENAMED })).toBeVisible();

  const id = (await documents(page, app)).find((d) => d.name === RENAMED)!.id;
  const work = await rpc<{ codings: number; coders: number }>(page, app, 'document.work', { documentIds: [id] });
  expect(work.codings, 'the sample has codings in this document').toBeGreaterThan(0);

  await list.getByRole('option', { name: RENAMED }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  const confirm = page.getByRole('dialog', { name: `Delete “${RENAMED}”?` });
  await expect(confirm).toContainText(`the ${work.codings} codings made in it by ${work.coders} coder${work.coders === 1 ? '' : 's'}`);
  await expect(confirm).toContainText('purged from the project and its backups');
  await page.screenshot({ path: 'tests/artifacts/documents-delete-confirm.png' });
  await confirm.getByRole('button', { name: 'Delete document' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.getByRole('option', { name: RENAMED })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(list.getByRole('option', { name: RENAMED })).toBeVisible();
  expect((await rpc<{ codings: number; coders: number }>(page, app, 'document.work', { documentIds: [id] })).codings).toBe(work.codings);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('option', { name: NAME })).toBeVisible();

  // The Delete key asks too; Cancel keeps the document.
  await list.getByRole('option', { name: NAME }).click();
  await list.focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: `Delete “${NAME}”?` })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('option', { name: NAME })).toBeVisible();
});

test('several documents selected with Shift+click are deleted with the Delete key in one step; one undo brings them all back', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(17);
  const names = (await options.allInnerTexts()).slice(0, 3).map((text) => text.split('\n')[0]!.trim());
  const ids = (await documents(page, app)).filter((d) => names.includes(d.name)).map((d) => d.id);
  const work = await rpc<{ codings: number; coders: number }>(page, app, 'document.work', { documentIds: ids });
  expect(work.codings, 'the sample has codings in these documents').toBeGreaterThan(0);

  await options.nth(0).click();
  await options.nth(2).click({ modifiers: ['Shift'] });
  await expect(list.locator('[role="option"][aria-selected="true"]')).toHaveCount(3);
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete 3 documents?' });
  await expect(confirm).toContainText(`This deletes 3 documents and the ${work.codings} codings made in them by ${work.coders} coders.`);
  await page.screenshot({ path: test.info().outputPath('documents-delete-three.png') });
  await confirm.getByRole('button', { name: 'Delete 3 documents' }).click();
  await expect(confirm).toBeHidden();
  await expect(options).toHaveCount(14);
  for (const name of names) await expect(list.getByRole('option', { name })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(options).toHaveCount(17);
  expect((await rpc<{ codings: number; coders: number }>(page, app, 'document.work', { documentIds: ids })).codings).toBe(work.codings);
  // The right-click menu offers the same for the selection.
  await options.nth(0).click();
  await options.nth(1).click({ modifiers: ['Shift'] });
  await options.nth(1).click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Delete 2 documents…' })).toBeVisible();
});
