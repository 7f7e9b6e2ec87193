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

test('documents picked with Shift+click and Ctrl+click go into a set in one step; one undo takes them all out', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list).toHaveAttribute('aria-multiselectable', 'true');
  const options = list.getByRole('option');
  await expect(options).toHaveCount(17);
  const names = (await options.allInnerTexts()).slice(0, 4).map((text) => text.split('\n')[0]!.trim());

  await options.nth(0).click();
  await options.nth(2).click({ modifiers: ['Shift'] });
  const selected = list.locator('[role="option"][aria-selected="true"]');
  await expect(selected).toHaveCount(3);
  await options.nth(1).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add 3 documents to set…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sets for 3 documents' });
  await dialog.getByLabel('New set with these 3 documents').fill('Wave one');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('checkbox', { name: /Wave one/ })).toBeChecked();
  await expect(dialog.getByText('3 documents', { exact: true })).toBeVisible();
  await dialog.screenshot({ path: test.info().outputPath('sets-for-three.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const members = async () => {
    const set = (await snapshot(page, app)).sets.find((s) => s.name === 'Wave one');
    return set ? set.documentIds.length : null;
  };
  expect(await members()).toBe(3);

  const firstThree = (await snapshot(page, app)).sets.find((s) => s.name === 'Wave one')!.documentIds;

  // Three more with Shift+click, and one of the first with Ctrl+click: the set holds some of them (a mixed box), and ticking it adds the three others in one step.
  await options.nth(3).click();
  await options.nth(5).click({ modifiers: ['Shift'] });
  await options.nth(0).click({ modifiers: ['Control'] });
  await expect(selected).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('documents-multi-select.png') });
  await options.nth(4).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add 4 documents to set…' }).click();
  const four = page.getByRole('dialog', { name: 'Sets for 4 documents' });
  const box = four.getByRole('checkbox', { name: /Wave one/ });
  expect(await box.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);
  await expect(four).toContainText('(1 of these)');
  await box.click();
  await expect(box).toBeChecked();
  await four.getByRole('button', { name: 'Done' }).click();
  expect(await members()).toBe(6);

  // One undo takes the three added together back out; the next undoes the set made with the first three.
  await list.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(members).toBe(3);
  expect((await snapshot(page, app)).sets.find((s) => s.name === 'Wave one')!.documentIds).toEqual(firstThree);
  await page.keyboard.press('Control+z');
  await expect.poll(members).toBeNull();

  // The keyboard: Shift+Down extends from the focused row, Ctrl+A takes every row, Escape goes back to one.
  await options.nth(0).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selected).toHaveCount(3);
  await expect(selected.nth(0)).toContainText(names[0]!);
  // Shift+F10 offers the actions for the three, as a right-click does.
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: 'Add 3 documents to set…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(list).toBeFocused();
  await expect(selected).toHaveCount(3);
  await page.keyboard.press('Control+a');
  await expect(list.locator('[role="option"][aria-selected="false"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(1);
});
