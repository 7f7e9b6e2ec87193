import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { generateProject } from '../bench/generate';
import { rpc, snapshot } from './api';
import { dragOnto, selectByMouse } from './reader';
import { expect, launchWebApp, test } from './web-app';
import type { LaunchedWebApp } from './web-app';

/*
 * Long lists are windowed: on a generated project (200 documents, 300 codes in a tree, 300
 * memos, thousands of codings) the document list, the codebook, the memos and the coded
 * segments each have only a window of their rows in the page, while aria-setsize says how many
 * there are; the keyboard's End reaches the last one, and rows far down still work.
 */

const GENERATED = { seed: 16, documents: 200, totalChars: 300_000, bigDocumentChars: 3_000, codes: 300, codings: 6_000 };
/** The generated codebook (tests/bench/generate.ts): 10 folders and 10 codes at the top level, 300 codes in all. */
const TOP_LEVEL = 20;
const CODES = 300;
const LAST_CODE = 'Unclear';

test.describe.configure({ timeout: 180_000 });

let root = '';
let server: LaunchedWebApp;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'marginalia-long-lists-'));
  const project = join(root, 'Many.marginalia');
  await generateProject(project, GENERATED);
  server = await launchWebApp(join(root, 'data'), join(root, 'Documents'), { args: ['--project', project] });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

async function open(page: Page): Promise<Locator> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(server.url);
  // A coder name, so that no prompt for it gets in the way.
  await rpc(page, server, 'app.setCoderName', { name: 'Test Coder' });
  await page.reload();
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await expect(tree.getByRole('treeitem').first()).toBeVisible({ timeout: 30_000 });
  return tree;
}

/** How many of a list's rows are in the page, and the aria-setsize of the first. */
async function shown(rows: Locator): Promise<{ count: number; setSize: string | null }> {
  return { count: await rows.count(), setSize: await rows.first().getAttribute('aria-setsize') };
}

test('documents: 200 options, a window of them in the page; End selects the last', async ({ page }) => {
  await open(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const options = list.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-setsize', '200');
  await expect.poll(() => options.count()).toBeLessThan(100);

  await list.focus();
  await page.keyboard.press('End');
  const selected = list.getByRole('option', { selected: true });
  await expect(selected).toHaveAttribute('aria-posinset', '200');
  await expect(selected).toBeInViewport();
  await expect(list).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  expect((await shown(options)).count).toBeLessThan(100);
});

test('codebook: 300 codes, a window of rows in the page; End, type-ahead and Home reach codes out of it', async ({ page }) => {
  const tree = await open(page);
  const items = tree.getByRole('treeitem');
  await expect(items.first()).toHaveAttribute('aria-setsize', String(TOP_LEVEL));
  await expect.poll(() => items.count()).toBeLessThan(CODES / 2);
  await page.screenshot({ path: 'tests/artifacts/long-codebook.png' });

  await items.first().focus();
  await page.keyboard.press('End');
  const last = tree.getByRole('treeitem', { name: LAST_CODE, exact: true });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(TOP_LEVEL));
  await expect(last).toHaveAttribute('aria-level', '1');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  // The first code is far above now: out of the page.
  const firstName = (await snapshot(page, server)).codebook[0]!.name;
  await expect(tree.getByRole('treeitem', { name: firstName, exact: true })).toHaveCount(0);

  // Home goes back to it; type-ahead finds the next code starting with a letter, wherever it is.
  await page.keyboard.press('Home');
  await expect(tree.getByRole('treeitem', { name: firstName, exact: true })).toBeFocused();
  await page.keyboard.press('u');
  await expect(last).toBeFocused();
  expect((await shown(items)).count).toBeLessThan(CODES / 2);
});

test('codebook: a passage dropped on a code far down the tree is coded there', async ({ page }) => {
  const tree = await open(page);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  const run = page.locator('[data-scroll-root] [data-start]').first();
  await expect(run).toBeVisible();
  const phrase = (await run.textContent())!.trim().split(/\s+/).slice(0, 3).join(' ');
  const lastId = (await snapshot(page, server)).codebook.find((c) => c.name === LAST_CODE)!.id;
  const coded = async () => Object.values((await snapshot(page, server)).codingCounts[lastId] ?? {}).reduce((a, b) => a + b, 0);
  const before = await coded();

  // Bring the last code into the window (End), then drag a selected passage onto it.
  await tree.getByRole('treeitem').first().focus();
  await page.keyboard.press('End');
  const target = tree.getByRole('treeitem', { name: LAST_CODE, exact: true }).locator('> [data-code-row]');
  await expect(target).toBeInViewport();
  await selectByMouse(page, phrase);
  await dragOnto(page, page.getByRole('button', { name: /^Selected passage: / }), target);
  await expect.poll(coded).toBe(before + 1);
});

test('memos: 300 memos, a window of them in the page; End scrolls to the last', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Memos' }).click();
  const list = page.getByRole('list', { name: 'Memos' });
  const memos = list.getByRole('listitem');
  await expect(memos.first()).toHaveAttribute('aria-setsize', '300');
  await expect.poll(() => memos.count()).toBeLessThan(60);
  await page.screenshot({ path: 'tests/artifacts/long-memos.png' });

  await list.getByRole('button').first().focus();
  await page.keyboard.press('End');
  const last = list.locator('> li[aria-posinset="300"]');
  await expect(last).toBeInViewport();
  expect((await shown(memos)).count).toBeLessThan(60);
  await page.screenshot({ path: 'tests/artifacts/long-memos-end.png' });
  await last.getByRole('button').first().focus();
  await page.keyboard.press('Home');
  await expect(list.locator('> li[aria-posinset="1"]')).toBeInViewport();
});

test('segments: the most used code lists hundreds of passages, a window of them in the page; End scrolls to the last', async ({ page }) => {
  const tree = await open(page);
  const project = await snapshot(page, server);
  const total = (id: string) => Object.values(project.codingCounts[id] ?? {}).reduce((a, b) => a + b, 0);
  const top = project.codebook.filter((c) => c.codable && !project.codebook.some((d) => d.parentId === c.id)).sort((a, b) => total(b.id) - total(a.id))[0]!;
  expect(total(top.id)).toBeGreaterThan(150);

  // Scroll the tree until the code's row is drawn, then ask for its segments.
  const row = tree.getByRole('treeitem', { name: top.name, exact: true }).locator('> [data-code-row]');
  for (let i = 0; i < 40 && (await row.count()) === 0; i++) await tree.evaluate((el) => el.scrollBy(0, 300));
  await row.scrollIntoViewIfNeeded();
  await row.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show coded segments' }).click();
  const list = page.getByRole('list', { name: 'Segments' });
  const segments = list.getByRole('listitem');
  await expect(segments.first()).toHaveAttribute('aria-setsize', String(total(top.id)));
  await expect.poll(() => segments.count()).toBeLessThan(60);
  await page.screenshot({ path: 'tests/artifacts/long-segments.png' });

  await list.getByRole('button').first().focus();
  await page.keyboard.press('End');
  await expect(list.locator(`> li[aria-posinset="${total(top.id)}"]`)).toBeInViewport();
  expect((await shown(segments)).count).toBeLessThan(60);
});

test('analysis: the passages behind the biggest bar, hundreds of them, a window in the page; End scrolls to the last', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Frequencies', exact: true }).click();
  // Most first: the first bar is the biggest.
  await page.getByRole('table').getByRole('button').first().click();
  const list = page.getByRole('list', { name: /^Segments: / });
  const segments = list.getByRole('listitem');
  const setSize = Number(await segments.first().getAttribute('aria-setsize'));
  expect(setSize).toBeGreaterThan(150);
  await expect.poll(() => segments.count()).toBeLessThan(40);
  await page.screenshot({ path: 'tests/artifacts/long-cell-segments.png' });

  await list.getByRole('button').first().focus();
  await page.keyboard.press('End');
  await expect(list.locator(`> li[aria-posinset="${setSize}"]`)).toBeInViewport();
  expect((await shown(segments)).count).toBeLessThan(40);
});

test('agreement: the Documents checklist offers the first 50 of 200 and finds the rest by name', async ({ page }) => {
  await open(page);
  const last = (await rpc<{ rows: { id: string; name: string }[] }>(page, server, 'documents.page', { filter: {}, offset: 199, limit: 1 })).rows[0]!;
  await page.getByRole('tab', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'How far the coders agree' });
  await view.getByRole('button', { name: /^Documents:/ }).click();
  const panel = view.getByRole('group', { name: 'Documents', exact: true });
  await expect(panel.getByRole('checkbox')).toHaveCount(50);
  await expect(panel).toContainText('150 more: type part of a name to find them.');
  await panel.getByRole('searchbox', { name: 'Find documents' }).fill(last.name);
  await expect(panel.getByRole('checkbox', { name: last.name, exact: true })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/agreement-documents-found.png' });
  await panel.getByRole('checkbox', { name: last.name, exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(view.getByRole('button', { name: `Documents: ${last.name}` })).toBeVisible();
});

// Last in the file: it adds memos that the memos test above does not count.
test('memo panel: 200 memos on one document, a window of them in the panel; End scrolls to the last', async ({ page }) => {
  await open(page);
  const first = (await rpc<{ rows: { id: string; name: string }[] }>(page, server, 'documents.page', { filter: {}, offset: 0, limit: 1 })).rows[0]!;
  const before = (await snapshot(page, server)).memos.filter((m) => m.target.type === 'document' && m.target.id === first.id).length;
  for (let i = 0; i < 200; i++) await rpc(page, server, 'memo.create', { target: { type: 'document', id: first.id }, text: `Panel memo ${i + 1}` });
  const count = before + 200;
  await page.reload();
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: first.name }).click();
  await page.getByRole('button', { name: `Memos on this document (${count})` }).click();
  const panel = page.getByRole('region', { name: 'Memo panel' });
  const list = panel.getByRole('list', { name: 'Memos' });
  const memos = list.locator('> li');
  await expect(memos.first()).toHaveAttribute('aria-setsize', String(count));
  await expect.poll(() => memos.count()).toBeLessThan(60);

  // From the top of the panel (the new-memo box below the list takes focus when it opens), End
  // reaches the last memo. Scrolled up with the wheel, as a user does: the list keeps to its end
  // while its rows are measured until the user scrolls, and a scroll set from a script is not one.
  await list.hover();
  await expect(async () => {
    await page.mouse.wheel(0, -100_000);
    await expect(list.locator('> li[aria-posinset="1"]')).toBeInViewport({ timeout: 1000 });
  }).toPass();
  await page.screenshot({ path: 'tests/artifacts/long-memo-panel.png' });
  await list.locator('> li[aria-posinset="1"]').getByRole('button').first().focus();
  await page.keyboard.press('End');
  const last = list.locator(`> li[aria-posinset="${count}"]`);
  await expect(last).toBeInViewport();
  expect(await memos.count()).toBeLessThan(60);
  await page.screenshot({ path: 'tests/artifacts/long-memo-panel-end.png' });
});
