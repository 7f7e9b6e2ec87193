import type { Locator, Page } from '@playwright/test';
import type { ProjectSnapshot, SegmentView } from '../../shared/api/contract';
import { childrenOf, subtreeIds } from '../../shared/domain/codebook';
import { documents as projectDocuments, rpc, snapshot, openWithCoderName } from './api';
import { phrasePoints } from './reader';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * The workbench's panels in a real browser against the real `npm run web` entry: the codebook
 * (create, rename, move by keyboard and by dragging, delete and undo), memos, attributes and the
 * document filter, search with "code all results", and the coded segments view.
 */

/** Opens the sample with a coder name already set, so no name prompt gets in the way. */
async function openWorkbench(page: Page, app: WebApp): Promise<Locator> {
  await openWithCoderName(page, app);
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await expect(tree.getByRole('treeitem', { name: 'Zero suicide', exact: true })).toBeVisible();
  return tree;
}

function item(tree: Locator, name: string): Locator {
  return tree.getByRole('treeitem', { name, exact: true });
}

/** The row of a tree item (its own line, without its children). */
function row(tree: Locator, name: string): Locator {
  return item(tree, name).locator('> [data-code-row]');
}

async function idOf(page: Page, app: WebApp, name: string): Promise<string> {
  const code = (await snapshot(page, app)).codebook.find((c) => c.name === name);
  if (!code) throw new Error(`no code named ${name}`);
  return code.id;
}

/** Top-level code names, in order, as the backend has them. */
async function rootNames(page: Page, app: WebApp): Promise<string[]> {
  return childrenOf((await snapshot(page, app)).codebook, null).map((c) => c.name);
}

/**
 * Drags with real mouse events, in small steps, so the drag library sees a real drag. The
 * target is measured again after each approach: the drop slots that open when a drag starts,
 * and the tree's scrolling to keep the dragged row in place, move things under the pointer.
 */
async function dragTo(page: Page, from: Locator, to: () => Locator) {
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  if (!start) throw new Error('nothing to drag');
  await page.mouse.move(start.x + 40, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + 48, start.y + start.height / 2 + 4, { steps: 4 });
  const target = to();
  await expect(target).toBeVisible();
  let last = '';
  for (let attempt = 0; attempt < 10; attempt++) {
    const box = await target.boundingBox();
    if (!box) throw new Error('no drop target');
    const here = JSON.stringify(box);
    if (here === last) break;
    last = here;
    await page.mouse.move(box.x + Math.min(60, box.width / 2), box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(250);
  }
  return {
    drop: async () => {
      await page.mouse.up();
    },
  };
}

async function showCentre(page: Page, name: 'Search' | 'Memos') {
  await page.getByRole('tab', { name }).click();
}

test('codebook: create a code and a child, rename, move by keyboard and by dragging, delete and undo', async ({ app, page }) => {
  const tree = await openWorkbench(page, app);

  // New code, at the top level.
  await page.getByRole('button', { name: 'New code', exact: true }).click();
  await page.getByRole('textbox', { name: /^New code/ }).fill('Waiting for help');
  await page.keyboard.press('Enter');
  await expect(item(tree, 'Waiting for help')).toBeFocused();
  await expect(item(tree, 'Waiting for help')).toHaveAttribute('aria-level', '1');

  // A child of it (the new code is selected).
  await page.getByRole('button', { name: 'New child code', exact: true }).click();
  await page.getByRole('textbox', { name: /^New child code/ }).fill('Months on a list');
  await page.keyboard.press('Enter');
  // The rows are flat (the tree is windowed): the child is the row after its parent, a level down.
  const child = tree.getByRole('treeitem', { name: 'Months on a list', exact: true });
  await expect(child).toBeFocused();
  await expect(child).toHaveAttribute('aria-level', '2');
  await expect(item(tree, 'Waiting for help').locator('xpath=following-sibling::li[@role="treeitem"][1]')).toHaveAccessibleName('Months on a list');

  // Rename in place with F2.
  await page.keyboard.press('F2');
  const box = page.getByRole('textbox', { name: 'Code name' });
  await expect(box).toBeFocused();
  await box.fill('Months on a waiting list');
  await box.press('Enter');
  await expect(item(tree, 'Months on a waiting list')).toBeFocused();
  const parentId = await idOf(page, app, 'Waiting for help');
  expect((await snapshot(page, app)).codebook.find((c) => c.name === 'Months on a waiting list')?.parentId).toBe(parentId);

  // Alt+Up moves the new top-level code above its neighbour; Alt+Left outdents the child.
  const before = await rootNames(page, app);
  expect(before.at(-1)).toBe('Waiting for help');
  await item(tree, 'Waiting for help').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => rootNames(page, app)).toEqual([...before.slice(0, -2), 'Waiting for help', before.at(-2)]);
  await expect(item(tree, 'Waiting for help')).toBeFocused();
  // The tree shows the move (not only the saved project) before the next key: a user sees it first.
  await expect
    .poll(async () => Number(await item(tree, 'Waiting for help').getAttribute('data-index')) < Number(await item(tree, before.at(-2)!).getAttribute('data-index')))
    .toBe(true);
  await item(tree, 'Months on a waiting list').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(item(tree, 'Months on a waiting list')).toHaveAttribute('aria-level', '1');
  await expect.poll(async () => (await rootNames(page, app)).indexOf('Months on a waiting list')).toBe(before.length - 1);

  // Drag it onto another code: it moves into it. (The folder is folded first, so both rows fit on screen.)
  await item(tree, 'Cross-cutting themes').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(item(tree, 'Cross-cutting themes')).toHaveAttribute('aria-expanded', 'false');
  const move = await dragTo(page, row(tree, 'Months on a waiting list'), () => row(tree, 'Zero suicide'));
  await expect(row(tree, 'Zero suicide')).toContainText('move into');
  await move.drop();
  const zeroId = await idOf(page, app, 'Zero suicide');
  await expect.poll(async () => (await snapshot(page, app)).codebook.find((c) => c.name === 'Months on a waiting list')?.parentId).toBe(zeroId);
  // Shown under it: after it, a level down.
  expect(Number(await item(tree, 'Months on a waiting list').getAttribute('data-index'))).toBeGreaterThan(Number(await item(tree, 'Zero suicide').getAttribute('data-index')));
  await expect(item(tree, 'Months on a waiting list')).toHaveAttribute('aria-level', String(Number(await item(tree, 'Zero suicide').getAttribute('aria-level')) + 1));

  // Drag it into the gap before the first top-level code: it becomes the first code.
  const toTop = await dragTo(page, row(tree, 'Months on a waiting list'), () => tree.locator('[data-slot="root:0"]'));
  await expect(tree.locator('[data-slot="root:0"]')).toHaveAttribute('data-over', '');
  await toTop.drop();
  await expect.poll(async () => (await rootNames(page, app))[0]).toBe('Months on a waiting list');
  await expect(tree.getByRole('treeitem').first()).toHaveAccessibleName('Months on a waiting list');

  // Delete a folder with sub-codes: the dialog says exactly how many codings go, all coders.
  const project = await snapshot(page, app);
  const folderId = await idOf(page, app, 'Cross-cutting themes');
  const ids = subtreeIds(project.codebook, folderId);
  const total = ids.reduce((n, id) => n + Object.values(project.codingCounts[id] ?? {}).reduce((a, b) => a + b, 0), 0);
  expect(total).toBeGreaterThan(1);
  await item(tree, 'Cross-cutting themes').focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete “Cross-cutting themes”?' });
  await expect(dialog).toContainText(`removes ${total} codings across all coders, including those at its sub-codes`);
  await expect(dialog).toContainText(`its ${ids.length - 1} sub-codes`);
  await expect(dialog).toContainText('You can undo this');
  await dialog.getByRole('button', { name: 'Delete code' }).click();
  await expect(dialog).toBeHidden();
  await expect(item(tree, 'Cross-cutting themes')).toHaveCount(0);
  await expect(item(tree, 'Building resilient communities')).toHaveCount(0);
  const afterDelete = await snapshot(page, app);
  expect(ids.some((id) => afterDelete.codebook.some((c) => c.id === id))).toBe(false);

  // Undo brings the codes and every coding back.
  await rpc(page, app, 'history.undo');
  await page.reload();
  await expect(item(tree, 'Cross-cutting themes')).toBeVisible();
  await expect(item(tree, 'Building resilient communities')).toBeVisible();
  const restored = await snapshot(page, app);
  for (const id of ids) expect(restored.codingCounts[id] ?? {}).toEqual(project.codingCounts[id] ?? {});
});

test('codebook: the actions menu pins a quick code and describes a code', async ({ app, page }) => {
  const tree = await openWorkbench(page, app);
  await row(tree, 'Tackling stigma').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for Tackling stigma' });
  await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
  for (const label of ['Recolour…', 'Describe…', 'Pin as quick code', 'Show coded segments', 'Memo…', 'Merge into…', 'Delete…']) {
    await expect(menu.getByRole('menuitem', { name: label })).toBeVisible();
  }
  await page.screenshot({ path: 'tests/artifacts/codebook-menu.png' });
  await menu.getByRole('menuitem', { name: 'Pin as quick code' }).click();
  await expect(menu).toBeHidden();
  await expect(item(tree, 'Tackling stigma')).toHaveAccessibleDescription(/Quick code 1/);
  await expect(row(tree, 'Tackling stigma').locator('[data-quick-key] > [aria-hidden="true"]')).toHaveText('1');

  // Shift+F10 opens the same menu from the keyboard; Escape gives focus back to the code.
  await item(tree, 'Zero suicide').focus();
  await page.keyboard.press('Shift+F10');
  const zeroMenu = page.getByRole('menu', { name: 'Actions for Zero suicide' });
  await expect(zeroMenu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(zeroMenu).toBeHidden();
  await expect(item(tree, 'Zero suicide')).toBeFocused();

  // Insert starts a new code; Escape gives focus back.
  await page.keyboard.press('Insert');
  await expect(page.getByRole('textbox', { name: 'New code at the top level' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(item(tree, 'Zero suicide')).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await zeroMenu.getByRole('menuitem', { name: 'Describe…' }).click();
  const describe = page.getByRole('dialog', { name: 'Describe “Zero suicide”' });
  await describe.getByLabel('Example', { exact: true }).fill('"Nobody asked how he was doing."');
  await describe.getByRole('button', { name: 'Save description' }).click();
  await expect(describe).toBeHidden();
  await expect
    .poll(async () => (await snapshot(page, app)).codebook.find((c) => c.name === 'Zero suicide')?.description.example)
    .toBe('"Nobody asked how he was doing."');

  // Merge: pick the target from a filtered list; the codings move, the source goes.
  const before = await snapshot(page, app);
  const total = (name: string, project: ProjectSnapshot) => {
    const id = project.codebook.find((c) => c.name === name)!.id;
    return Object.values(project.codingCounts[id] ?? {}).reduce((a, b) => a + b, 0);
  };
  const expected = total('Isolation and loneliness', before) + total('Trust in services', before);
  await row(tree, 'Isolation and loneliness').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Merge into…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Isolation and loneliness” into…' });
  await merge.getByRole('combobox', { name: 'Merge into' }).fill('trust');
  await expect(merge.getByRole('option')).toHaveCount(1);
  await merge.getByRole('option', { name: /Trust in services/ }).click();
  await merge.getByRole('button', { name: 'Merge into “Trust in services”' }).click();
  await expect(merge).toBeHidden();
  await expect(item(tree, 'Isolation and loneliness')).toHaveCount(0);
  await expect.poll(async () => total('Trust in services', await snapshot(page, app))).toBe(expected);
});

test('codebook: Enter or a double-click on a code codes the reader’s selection', async ({ app, page }) => {
  const tree = await openWorkbench(page, app);
  const mine = async (name: string) => {
    const project = await snapshot(page, app);
    const id = project.codebook.find((c) => c.name === name)!.id;
    return project.currentCoderId ? (project.codingCounts[id]?.[project.currentCoderId] ?? 0) : 0;
  };

  // A double-click on a word (the middle of a run spanning lines may fall between words).
  const onWord = async (word: string) => {
    const at = await phrasePoints(page, word);
    await page.mouse.dblclick((at.x1 + at.x2) / 2, at.y1);
  };
  await onWord('exams');
  await expect(page.getByRole('button', { name: /^Selected passage/ })).toBeVisible();
  await item(tree, 'Tackling stigma').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => mine('Tackling stigma')).toBe(1);

  await onWord('coffee');
  await expect(page.getByRole('button', { name: /^Selected passage/ })).toBeVisible();
  await row(tree, 'A healthy workforce').dblclick();
  await expect.poll(() => mine('A healthy workforce')).toBe(1);
  // "Mine" counts only the user's codings.
  await page.getByRole('button', { name: 'Mine', exact: true }).click();
  await expect(item(tree, 'A healthy workforce')).toHaveAccessibleDescription('1 coding');
  await expect(item(tree, 'Zero suicide')).toHaveAccessibleDescription('0 codings');
});

test('memos: a journal entry appears in the memo list with its author and date', async ({ app, page }) => {
  await openWorkbench(page, app);
  await showCentre(page, 'Memos');
  await page.getByRole('button', { name: 'New journal entry' }).click();
  await page.getByRole('textbox', { name: 'New journal entry' }).fill('Decided to code waiting times under Services, not Stigma.');
  await page.getByRole('button', { name: 'Save memo' }).click();
  const memo = page.getByRole('article', { name: 'Memo by Test Coder on Project journal' });
  await expect(memo).toContainText('Decided to code waiting times under Services, not Stigma.');
  await expect(memo).toContainText('Test Coder');
  await expect(memo.locator('time')).toHaveText(/^Today, \d{2}:\d{2}$/);
  await expect(memo.getByRole('button', { name: 'Edit memo' })).toBeVisible();
  const memos = (await snapshot(page, app)).memos;
  expect(memos.map((m) => [m.author, m.target.type, m.text])).toContainEqual([
    'Test Coder',
    'project',
    'Decided to code waiting times under Services, not Stigma.',
  ]);
  await page.screenshot({ path: 'tests/artifacts/memos.png' });

  // Memos on a code and on a coding (written through the API) say what they are about and lead there.
  const project = await snapshot(page, app);
  const zero = project.codebook.find((c) => c.name === 'Zero suicide')!;
  const [coded] = await rpc<SegmentView[]>(page, app, 'segments.query', { codeIds: [zero.id], includeSubcodes: false, coderIds: null, attributes: {} });
  const codedDoc = (await projectDocuments(page, app)).find((d) => d.id === coded!.documentId)!.name;
  await rpc(page, app, 'memo.create', { target: { type: 'code', id: zero.id }, text: 'Check the crisis passages again.' });
  await rpc(page, app, 'memo.create', { target: { type: 'coding', id: coded!.codingId }, text: 'A strong example.' });
  await page.reload();
  await showCentre(page, 'Memos');
  await expect(page.getByRole('article')).toHaveCount(3);
  // Newest first.
  // A coding's memo names its code and the passage's first words.
  const opening = coded!.text.trim().split(/\s+/).slice(0, 3).join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.getByRole('article').first()).toHaveAccessibleName(new RegExp(`^Memo by Test Coder on Zero suicide: “${opening}.*” in ${codedDoc}$`));
  await page.getByLabel('Memo kind').selectOption({ label: 'Codes' });
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('article').getByRole('button', { name: 'Zero suicide' }).click();
  await expect(page.getByRole('tab', { name: 'Coded at Zero suicide' })).toHaveAttribute('aria-selected', 'true');
  await expect(item(page.getByRole('tree', { name: 'Codebook' }), 'Zero suicide')).toHaveAttribute('aria-selected', 'true');

  await showCentre(page, 'Memos');
  await page.getByLabel('Memo kind').selectOption({ label: 'Codings' });
  await page.getByRole('article').getByRole('button', { name: new RegExp(`^Zero suicide: “${opening}`) }).click();
  await expect(page.getByRole('region', { name: codedDoc })).toBeVisible();
});

test('attributes: set a value on a document and filter the document list by it', async ({ app, page }) => {
  await openWorkbench(page, app);
  const documents = page.getByRole('listbox', { name: 'Documents' });
  await documents.getByRole('option', { name: '05 Southwark: carers' }).click();
  await expect(page.getByRole('region', { name: '05 Southwark: carers' })).toBeVisible();
  const attributes = page.getByRole('group', { name: 'Document attributes' });
  const toggle = attributes.getByRole('button', { name: /^Attributes/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const borough = attributes.getByLabel('Borough', { exact: true });
  await borough.fill('Sutton');
  await borough.press('Enter');
  await expect
    .poll(async () => (await projectDocuments(page, app)).find((d) => d.name === '05 Southwark: carers')?.attributes.Borough)
    .toBe('Sutton');

  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('group', { name: 'Borough' }).getByRole('button', { name: /Borough/ }).click();
  await page.getByRole('group', { name: 'Borough' }).getByRole('checkbox', { name: 'Sutton' }).check();
  await expect(documents.getByRole('option')).toHaveCount(1);
  await expect(documents.getByRole('option', { name: '05 Southwark: carers' })).toBeVisible();
  await expect(page.getByText('1 of 17', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(documents.getByRole('option')).toHaveCount(17);
});

test('search: code every "waiting list" result at a code, then read them in its coded segments', async ({ app, page }) => {
  const tree = await openWorkbench(page, app);
  await rpc(page, app, 'code.create', { name: 'Waiting lists', parentId: null });
  await page.reload();
  await expect(item(tree, 'Waiting lists')).toBeVisible();

  await showCentre(page, 'Search');
  await page.getByRole('searchbox', { name: 'Search text' }).fill('waiting list');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const expected = await rpc<{ hits: Array<{ documentId: string }> }>(page, app, 'search.text', {
    query: 'waiting list',
    caseSensitive: false,
    wholeWord: false,
    attributes: {},
  });
  const n = expected.hits.length;
  const docs = new Set(expected.hits.map((h) => h.documentId)).size;
  expect(n).toBeGreaterThan(1);
  await expect(page.getByText(`${n} results in ${docs} documents`)).toBeVisible();
  await expect(page.locator('mark[data-hit]')).toHaveCount(n);
  await page.screenshot({ path: 'tests/artifacts/search.png' });

  await page.getByRole('button', { name: 'Code all results…' }).click();
  const dialog = page.getByRole('dialog', { name: `Code all ${n} results for “waiting list”` });
  await dialog.getByRole('combobox', { name: 'Code at' }).fill('waiting');
  await dialog.getByRole('option', { name: 'Waiting lists' }).click();
  await dialog.getByRole('button', { name: `Code ${n} matches at “Waiting lists”` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Coded ${n} matches at “Waiting lists”.` })).toBeVisible();
  await expect(item(tree, 'Waiting lists')).toHaveAccessibleDescription(`${n} codings`);

  // The coded segments of that code list each passage with its document and speaker.
  await row(tree, 'Waiting lists').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show coded segments' }).click();
  const segments = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');
  await expect(segments).toHaveCount(n);
  await expect(page.getByText(`${n} segments in ${docs} documents`)).toBeVisible();
  const codeId = await idOf(page, app, 'Waiting lists');
  const stored = await rpc<SegmentView[]>(page, app, 'segments.query', { codeIds: [codeId], includeSubcodes: false, coderIds: null, attributes: {} });
  for (const [i, s] of stored.entries()) {
    const card = segments.nth(i);
    await expect(card).toContainText((await projectDocuments(page, app)).find((d) => d.id === s.documentId)!.name);
    expect(s.speaker).not.toBeNull();
    await expect(card).toContainText(s.speaker!);
    await expect(card).toContainText('Test Coder');
    await expect(card.locator('[data-segment="passage"]')).toHaveText(/waiting list/i);
  }
  await page.screenshot({ path: 'tests/artifacts/segments.png' });

  // A segment opens its document in the reader.
  const first = stored[0]!;
  const firstDoc = (await projectDocuments(page, app)).find((d) => d.id === first.documentId)!.name;
  await segments.first().getByRole('button').click();
  await expect(page.getByRole('region', { name: firstDoc })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true');
});

test('segments: filtering "Zero suicide" by coder lists only Amara Okafor\'s passages', async ({ app, page }) => {
  const tree = await openWorkbench(page, app);
  await row(tree, 'Zero suicide').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show coded segments' }).click();
  await expect(page.getByRole('heading', { name: 'Zero suicide' })).toBeVisible();
  const segments = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');

  const project = await snapshot(page, app);
  const amara = project.coders.find((c) => c.name === 'Amara Okafor')!;
  const zeroId = await idOf(page, app, 'Zero suicide');
  const all = await rpc<SegmentView[]>(page, app, 'segments.query', { codeIds: [zeroId], includeSubcodes: true, coderIds: null, attributes: {} });
  const hers = all.filter((s) => s.coderId === amara.id);
  expect(hers.length).toBeGreaterThan(0);
  expect(hers.length).toBeLessThan(all.length);
  await expect(segments).toHaveCount(all.length);

  await page.getByLabel('Coder', { exact: true }).selectOption({ label: 'Amara Okafor' });
  await expect(segments).toHaveCount(hers.length);
  for (let i = 0; i < hers.length; i++) {
    await expect(segments.nth(i).locator('[data-segment="coder"]')).toHaveText('Amara Okafor');
  }
  await expect(page.getByRole('list', { name: 'Segments' }).getByText('Tom Reilly')).toHaveCount(0);
});
