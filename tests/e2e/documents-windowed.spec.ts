import type { DocumentPage, ProjectSnapshot } from '../../shared/api/contract';
import { rpc, snapshot } from './api';
import { manyDocuments } from './many-documents';
import { expect, test } from './web-app';

/*
 * The Documents listbox over the windowing threshold (150): after a long jump down a list of
 * 1,000 documents, the options rendered there are measured (they are not the estimated height);
 * the one under the pointer must stay under it, so a click opens the option the user aimed at.
 * A row still loading is as tall as a loaded one, so nothing moves when the names come.
 */

/** Just what the page-side code uses of the DOM (this file is type-checked without DOM types). */
interface PageElement {
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  ownerDocument: { elementFromPoint(x: number, y: number): { closest(s: string): PageOption | null } | null };
}
interface PageOption {
  getAttribute(name: string): string | null;
  dataset: Record<string, string | undefined>;
}

test('documents: a click far down a windowed list of 1,000 lands on the option aimed at', async ({ page }) => {
  test.setTimeout(240_000);
  const { done } = await manyDocuments(page, 18);
  try {
    const list = page.getByRole('listbox', { name: 'Documents' });
    const options = list.getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-setsize', '1000');
    // Windowed: not every option is in the page.
    await expect.poll(() => options.count()).toBeLessThan(1000);

    // The long jump: the scrollbar dragged most of the way down in one go.
    await list.evaluate((el) => {
      const scroller = el as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight * 0.8;
    });
    // Aim as soon as the options there are drawn with their names (their page of rows has come),
    // before their heights are measured…
    const aimNow = () =>
      list.evaluate((el) => {
        const list = el as unknown as PageElement;
        const box = list.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const hit = list.ownerDocument.elementFromPoint(x, y)?.closest('[role="option"]:not([aria-busy="true"])');
        return hit ? { x, y, name: hit.getAttribute('title') ?? '', index: Number(hit.dataset.index) } : null;
      });
    let aim = await aimNow();
    for (let frames = 0; !aim && frames < 600; frames++) {
      await page.evaluate('new Promise((done) => requestAnimationFrame(done))');
      aim = await aimNow();
    }
    expect(aim, 'an option under the middle of the list after the jump').not.toBeNull();
    expect(aim!.index).toBeGreaterThan(500);
    // …then click where it was once the measurements have come in.
    await page.waitForTimeout(500);
    await page.mouse.click(aim!.x, aim!.y);
    await expect(list.getByRole('option', { selected: true })).toHaveAttribute('data-index', String(aim!.index));
    await expect(page.getByRole('region', { name: aim!.name })).toBeVisible();
  } finally {
    await done();
  }
});

test('documents: the list asks for its rows a page at a time: End, Home, type-ahead, a filter and a far document', async ({ page }) => {
  test.setTimeout(240_000);
  const facetsAsked: string[] = [];
  page.on('request', (request) => void (request.url().endsWith('/rpc/documents.facets') && facetsAsked.push(request.url())));
  const { server, done } = await manyDocuments(page, 19);
  try {
    const list = page.getByRole('listbox', { name: 'Documents' });
    const selected = list.getByRole('option', { selected: true });
    // The snapshot carries the tally, not the documents.
    const state = await rpc<{ project: ProjectSnapshot }>(page, server, 'app.getState');
    expect(state.project.documents).toEqual({ count: 1000, firstId: expect.any(String) });

    // End: the last of the thousand, its row fetched and shown.
    await list.focus();
    await page.keyboard.press('End');
    await expect(selected).toHaveAttribute('aria-posinset', '1000');
    await expect(selected).toHaveAttribute('aria-setsize', '1000');
    const last = (await rpc<DocumentPage>(page, server, 'documents.page', { filter: {}, offset: 999, limit: 1 })).rows[0]!;
    await expect(selected).toHaveAttribute('title', last.name);
    await page.keyboard.press('Home');
    await expect(selected).toHaveAttribute('aria-posinset', '1');

    // Type-ahead finds the next name starting with the letter among all thousand, not only those drawn.
    const target = (await rpc<DocumentPage>(page, server, 'documents.page', { filter: {}, offset: 0, limit: 1000 })).rows.findIndex((d, i) => i > 0 && d.name[0]?.toLowerCase() === 't');
    expect(target, 'a document whose name starts with T (Tower Hamlets)').toBeGreaterThan(0);
    await page.keyboard.press('t');
    await expect(selected).toHaveAttribute('aria-posinset', String(target + 1));
    await expect(selected).toHaveAttribute('title', /^T/);

    // Filtered by an attribute: the backend counts and pages the documents that pass. The filter's
    // values are asked for once it is opened, not at every load.
    expect(facetsAsked).toEqual([]);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => facetsAsked.length).toBe(1);
    const site = page.getByRole('group', { name: 'Site' });
    await site.getByRole('button', { name: /Site/ }).click();
    await site.getByRole('checkbox', { name: 'Hackney' }).check();
    const hackney = await rpc<DocumentPage>(page, server, 'documents.page', { filter: { Site: ['Hackney'] }, offset: 0, limit: 1000 });
    expect(hackney.total).toBeGreaterThan(20);
    await expect(page.getByRole('status').filter({ hasText: ' of ' })).toHaveText(`${hackney.total} of 1000`);
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(hackney.total));
    for (const title of await list.getByRole('option').evaluateAll((els) => els.map((el) => el.getAttribute('title')))) expect(title).toMatch(/^Hackney/);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', '1000');

    // A far document opens in the reader.
    await list.focus();
    await page.keyboard.press('End');
    await expect(selected).toHaveAttribute('title', last.name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: last.name, exact: true })).toBeVisible();
    await expect(list.getByRole('option', { name: new RegExp(`^${last.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toHaveAttribute('aria-current', 'true');
  } finally {
    await done();
  }
});

test('search: hits in hundreds of documents are windowed, one group per document, the last reachable', async ({ page }) => {
  test.setTimeout(240_000);
  const { done } = await manyDocuments(page, 20);
  try {
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search text' }).fill('What happened next');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: 'Results by document' });
    const groups = results.locator(':scope > li');
    await expect(groups.first()).toBeVisible();
    const count = Number(await groups.first().getAttribute('aria-setsize'));
    expect(count, 'more documents with hits than the window threshold').toBeGreaterThan(150);
    // Windowed: not every group is in the page.
    expect(await groups.count()).toBeLessThan(count);
    // The first group is named after its document (asked for as it is shown).
    await expect(groups.first().getByRole('group')).not.toHaveAccessibleName('…');
    // Scrolled to the end, the last group is drawn, saying where it stands.
    for (let i = 0; i < 40 && (await results.locator(`:scope > li[aria-posinset="${count}"]`).count()) === 0; i++) {
      await groups.last().evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
      await page.waitForTimeout(100);
    }
    await expect(results.locator(`:scope > li[aria-posinset="${count}"]`)).toBeVisible();
  } finally {
    await done();
  }
});

test('documents: a row still loading is a skeleton of a loaded row\'s height, so nothing moves when its name comes', async ({ page }) => {
  test.setTimeout(240_000);
  const { done } = await manyDocuments(page, 21);
  try {
    const list = page.getByRole('listbox', { name: 'Documents' });
    const first = list.getByRole('option').first();
    await expect(first).toHaveAttribute('aria-setsize', '1000');
    await expect(first).not.toHaveAttribute('aria-busy', 'true');
    const loaded = (await first.boundingBox())!;

    // The rows' pages held back while the list jumps far down: the rows there are still loading.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/rpc/documents.page', async (route) => {
      await held;
      await route.continue();
    });
    await list.evaluate((el) => {
      const scroller = el as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight * 0.6;
    });
    // Their heights measured and the scroll settled, the row in the middle of the list.
    await page.waitForTimeout(500);
    const index = await list.evaluate((el) => {
      const list = el as unknown as PageElement;
      const box = list.getBoundingClientRect();
      return list.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('[role="option"]')?.dataset.index ?? null;
    });
    expect(index).not.toBeNull();
    const row = list.locator(`[role="option"][data-index="${index}"]`);
    await expect(row).toHaveAttribute('aria-busy', 'true');
    const waiting = (await row.boundingBox())!;
    expect(Math.abs(waiting.height - loaded.height), 'a loading row is as tall as a loaded one').toBeLessThan(0.5);
    await page.screenshot({ path: 'tests/artifacts/documents-loading-rows.png' });

    // The names come: the row is where it was, as tall as it was.
    release();
    await expect(row).not.toHaveAttribute('aria-busy', 'true');
    await expect(row).toHaveAttribute('title', /\S/);
    await page.waitForTimeout(300);
    const named = (await row.boundingBox())!;
    expect(Math.abs(named.height - waiting.height)).toBeLessThan(0.5);
    expect(Math.abs(named.y - waiting.y), 'the row stays under the pointer').toBeLessThan(0.5);
    await page.screenshot({ path: 'tests/artifacts/documents-loaded-rows.png' });
  } finally {
    await done();
  }
});

test('documents: a run from the first to the last of 1,000 (Shift+End), most never drawn, goes into a set in one step', async ({ page }) => {
  test.setTimeout(240_000);
  const { server, done } = await manyDocuments(page, 20);
  try {
    const list = page.getByRole('listbox', { name: 'Documents' });
    await list.getByRole('option').first().click();
    await page.keyboard.press('Shift+End');
    const focused = list.locator('[role="option"][aria-posinset="1000"]');
    await expect(focused).toHaveAttribute('aria-selected', 'true');
    await expect(list.locator('[role="option"][aria-selected="false"]')).toHaveCount(0);
    await focused.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Add 1,000 documents to set…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sets for 1,000 documents' });
    await dialog.getByLabel('New set with these 1,000 documents').fill('Everyone');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('checkbox', { name: /Everyone/ })).toBeChecked();
    const set = (await snapshot(page, server)).sets.find((s) => s.name === 'Everyone')!;
    expect(new Set(set.documentIds).size).toBe(1000);
  } finally {
    await done();
  }
});
