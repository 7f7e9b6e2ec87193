import type { DocumentPage } from '../../shared/api/contract';
import { documents, rpc } from './api';
import { manyDocuments } from './many-documents';
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

/*
 * A project of 1,000 documents (ten pages of rows): the grid holds only the rows near the
 * viewport, yet every key reaches every document. Ctrl+End lands on the last one, whose row was
 * never fetched before, and editing it saves; a column pasted from the top reaches rows never
 * sent (the backend says which documents they are); a sort is the backend's.
 */
test('attribute grid over many documents: Ctrl+End reaches the last, an edit there saves, a long paste fills rows never shown', async ({ page }) => {
  test.setTimeout(240_000);
  const { server, done } = await manyDocuments(page, 22);
  try {
    await page.getByRole('tab', { name: 'Attributes' }).click();
    const grid = page.getByRole('grid', { name: 'Document attributes' });
    await expect(grid).toHaveAttribute('aria-rowcount', '1001');
    const rows = grid.getByRole('row');
    await expect(rows.nth(1).getByRole('rowheader')).not.toBeEmpty();
    // Windowed: not every row is in the page.
    expect(await rows.count()).toBeLessThan(300);

    const at = async (offset: number) => (await rpc<DocumentPage>(page, server, 'documents.page', { filter: {}, offset, limit: 1 })).rows[0]!;
    const last = await at(999);
    await grid.getByRole('gridcell').first().click();
    await page.keyboard.press('Control+End');
    const focusedRow = grid.locator('tr:has(:focus)');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', '1001');
    await expect(focusedRow.getByRole('rowheader')).toHaveText(last.name);

    // Home goes to the row's name, ArrowRight to its Site; Enter edits it and Enter saves.
    await page.keyboard.press('Home');
    await expect(focusedRow.getByRole('rowheader')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await grid.getByRole('textbox', { name: `Site of ${last.name}` }).fill('Far End');
    await page.keyboard.press('Enter');
    await expect(grid.getByRole('gridcell', { name: 'Far End' })).toBeFocused();
    await expect.poll(async () => (await at(999)).attributes.Site).toBe('Far End');
    await page.screenshot({ path: 'tests/artifacts/attribute-grid-many.png' });

    // Page keys move a screenful; Ctrl+Home goes back to the first document.
    await page.keyboard.press('PageUp');
    const index = Number(await focusedRow.getAttribute('aria-rowindex'));
    expect(index).toBeLessThan(1001);
    expect(index).toBeGreaterThan(950);
    await page.keyboard.press('Control+Home');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');

    // 300 lines pasted into Participants from the first row: rows 1…300, most never sent to the page.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(grid.getByRole('columnheader').nth(4)).toContainText('Participants');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', Array.from({ length: 300 }, (_, i) => String(500 + i)).join('\n'));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(focusedRow.getByRole('gridcell').nth(3)).toHaveText('500');
    await expect.poll(async () => (await at(299)).attributes.Participants).toBe(799);
    expect((await at(300)).attributes.Participants).toBeLessThan(500);

    // Sorting by Participants, largest first: the backend's order, the pasted values on top.
    const header = grid.getByRole('columnheader', { name: /Participants/ });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.nth(1).getByRole('gridcell').nth(3)).toHaveText('799');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'tests/artifacts/attribute-grid-sorted-1440.png' });
  } finally {
    await done();
  }
});
