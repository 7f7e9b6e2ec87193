import { mkdir } from 'node:fs/promises';
import { coderFileOnItsOwn, projectFile, start } from './reader';
import { expect, test } from './web-app';

/*
 * Issue 15: a coder can be renamed in the app (a typo, a colleague's file re-attached under a
 * placeholder name). The name shows in the coder menu and the "Show codings of" picker, is saved
 * in project.json and in the coder's own file, and stays after a reload.
 */

test('renaming a coder from the coder menu: refused for a name taken, shown everywhere once done, kept after a reload', async ({ app, page }) => {
  await start(page, app);
  const amara = (await projectFile(app)).coders.find((c) => c.name === 'Amara Okafor')!.id;
  const openMenu = async () => {
    await page.getByRole('button', { name: /Coding as Test Coder/ }).click();
    return page.getByRole('menu', { name: 'Code as' });
  };
  await (await openMenu()).getByRole('menuitem', { name: 'Rename a coder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename a coder' });
  // The user themself is not offered: they are known to the project by their name.
  await expect(dialog.getByLabel('Coder').locator('option', { hasText: 'Test Coder' })).toHaveCount(0);
  await dialog.getByLabel('Coder').selectOption({ label: 'Amara Okafor' });
  const name = dialog.getByLabel('New name');
  await expect(name).toHaveValue('Amara Okafor');
  await name.fill('tom reilly');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toContainText('A coder named “Tom Reilly” is already in the project.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Amara Okafor-Reyes');
  await mkdir('tests/artifacts', { recursive: true });
  await page.screenshot({ path: 'tests/artifacts/coder-rename.png' });
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();

  const picker = page.getByLabel('Show codings of');
  const seenEverywhere = async (coder: string) => {
    await expect(picker.locator('option', { hasText: new RegExp(`^${coder}$`) })).toHaveCount(1);
    const menu = await openMenu();
    await expect(menu.getByRole('menuitem', { name: coder, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  };
  await seenEverywhere('Amara Okafor-Reyes');
  await expect(picker.locator('option', { hasText: /^Amara Okafor$/ })).toHaveCount(0);
  // Saved in both files, through the change that made it.
  expect((await projectFile(app)).coders.find((c) => c.id === amara)?.name).toBe('Amara Okafor-Reyes');
  expect((await coderFileOnItsOwn(app, amara))?.name).toBe('Amara Okafor-Reyes');

  await page.reload();
  await expect(page.getByRole('button', { name: /Coding as Test Coder/ })).toBeVisible();
  await seenEverywhere('Amara Okafor-Reyes');

  // One step to undo, like any change.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await seenEverywhere('Amara Okafor');
  expect((await projectFile(app)).coders.find((c) => c.id === amara)?.name).toBe('Amara Okafor');
  expect((await coderFileOnItsOwn(app, amara))?.name).toBe('Amara Okafor');
});
