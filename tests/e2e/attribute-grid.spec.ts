import { documents } from './api';
import { expect, test } from './web-app';
import { start } from './reader';

/*
 * The attribute grid with real keys: sort by a column, edit a cell (Enter, type, Enter), a
 * column pasted from a spreadsheet filling down in one step, and undo taking each back.
 */

test('attributes edited in the grid: sort, edit a cell, paste a column; each undone in one step', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, app);
  await page.getByRole('tab', { name: 'Attributes' }).click();
  const grid = page.getByRole('grid', { name: 'Document attributes' });
  await expect(grid.getByRole('row')).toHaveCount(18);

  // Sorting by Participants puts the smallest group first.
  await grid.getByRole('columnheader', { name: 'Participants' }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: /Participants/ })).toHaveAttribute('aria-sort', 'ascending');
  const participants = async () => (await documents(page, app)).map((d) => d.attributes.Participants as number);
  const smallest = Math.min(...(await participants()));
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(3)).toHaveText(String(smallest));
  await grid.getByRole('columnheader', { name: 'Document' }).getByRole('button').click();

  // Edit a cell with the keyboard: the first document's Borough.
  await grid.getByRole('gridcell', { name: 'Hackney' }).first().click();
  await page.keyboard.press('Enter');
  const box = grid.getByRole('textbox', { name: 'Borough of 01 Hackney: young people' });
  await box.fill('Hackney Wick');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('gridcell', { name: 'Hackney Wick' })).toBeFocused();
  const borough = async (n: number) => (await documents(page, app)).find((d) => d.name.startsWith(`0${n} `))!.attributes.Borough;
  expect(await borough(1)).toBe('Hackney Wick');

  // Down to the next row, right to Participants, then paste three lines from a spreadsheet.
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(grid.getByRole('gridcell', { name: '62' })).toBeFocused();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '11\textra\r\n12\r\n13\r\n');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(grid.getByRole('row').nth(4).getByRole('gridcell').nth(3)).toHaveText('13');
  const firstFour = async () => (await participants()).slice(0, 4);
  const before = await firstFour();
  expect(before.slice(1)).toEqual([11, 12, 13]);
  await page.screenshot({ path: 'tests/artifacts/attribute-grid.png' });

  // A bad value pastes nothing and says which line.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '14\nmany\n');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('alert')).toContainText('Line 2');
  expect(await firstFour()).toEqual(before);

  // Undo takes the paste back in one step, then the edit.
  await page.keyboard.press('Control+z');
  await expect(grid.getByRole('row').nth(4).getByRole('gridcell').nth(3)).not.toHaveText('13');
  expect((await firstFour()).slice(1)).not.toContain(11);
  await page.keyboard.press('Control+z');
  await expect.poll(() => borough(1)).toBe('Hackney');
});
