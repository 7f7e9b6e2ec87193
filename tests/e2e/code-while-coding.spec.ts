import type { Page } from '@playwright/test';
import type { AppState, SegmentView } from '../../shared/api/contract';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';
import { rpc } from './api';
import { codedRuns, openDocument, selectByMouse, spanOf, start, treeRow } from './reader';

// The project as the backend holds it (saves may sit in a change log before project.json is rewritten).
const codebook = async (page: Page, app: WebApp) => (await rpc<AppState>(page, app, 'app.getState', {})).project!.codebook;
const codeId = async (page: Page, app: WebApp, name: string) => (await codebook(page, app)).find((c) => c.name === name)?.id ?? null;
const myCodings = async (page: Page, app: WebApp, codeId: string) => {
  const me = (await rpc<AppState>(page, app, 'app.getState', {})).project!.currentCoderId;
  return rpc<SegmentView[]>(page, app, 'segments.query', { codeIds: [codeId], includeSubcodes: false, coderIds: me ? [me] : [], attributes: {}, documentIds: null });
};

/*
 * Codes made while coding and autocoding with context, with real mouse and keyboard events on
 * `npm run web`: Ctrl+K "Create … and code", Code in vivo from the right-click menu and from
 * Ctrl+I, and "code all results as sentence" run twice without a duplicate.
 */

const LAMBETH = '04-lambeth-commissioners.txt';

test('Ctrl+K with a new name: "Create code … and code the selection" is first, Enter does it, one undo takes it back', async ({ app, page }) => {
  await start(page, app);
  const reader = await openDocument(page, '04 Lambeth: commissioners');
  const phrase = 'Commissioners are burning out too.';
  await selectByMouse(page, phrase);

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Code the selection' });
  await palette.getByRole('combobox', { name: 'Filter codes' }).pressSequentially('A healthy workforce/Burnout');
  await expect(palette.getByRole('option').first()).toHaveText('+Create code “Burnout” under A healthy workforce and code the selection');
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'tests/artifacts/palette-create.png' });
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();

  await expect.poll(async () => (await codebook(page, app)).find((c) => c.name === 'Burnout')?.parentId).toBe(await codeId(page, app, 'A healthy workforce'));
  const burnout = (await codeId(page, app, 'Burnout'))!;
  await expect(codedRuns(reader, burnout)).toHaveText(phrase);
  await expect(treeRow(page, 'Burnout')).toBeVisible();
  const expected = await spanOf(LAMBETH, phrase);
  await expect.poll(async () => (await myCodings(page, app, burnout)).map((c) => ({ codeId: c.codeId, start: c.start, end: c.end }))).toEqual([{ codeId: burnout, ...expected }]);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: Create code “A healthy workforce › Burnout” and code the passage in 04 Lambeth/);

  // One undo: the code and the coding go together.
  await page.keyboard.press('Control+z');
  await expect(codedRuns(reader, burnout)).toHaveCount(0);
  await expect(treeRow(page, 'Burnout')).toHaveCount(0);
  await expect.poll(async () => (await codebook(page, app)).some((c) => c.name === 'Burnout')).toBe(false);
});

test('Code in vivo: from the right-click menu on the selection, and with Ctrl+I', async ({ app, page }) => {
  await start(page, app);
  const reader = await openDocument(page, '04 Lambeth: commissioners');
  const words = "We've designed fragmentation in.";
  await selectByMouse(page, words);
  await reader.getByText(words).first().click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Selected passage' });
  await expect(menu.getByRole('menuitem', { name: /Code in vivo/ })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/in-vivo-menu.png' });
  await menu.getByRole('menuitem', { name: /Code in vivo/ }).click();

  const name = "We've designed fragmentation in";
  await expect(treeRow(page, name)).toBeVisible();
  const vivo = (await codeId(page, app, name))!;
  await expect(codedRuns(reader, vivo)).toHaveText(words);
  expect((await codebook(page, app)).find((c) => c.id === vivo)?.parentId).toBeNull();

  // The key: Ctrl+I on another selection.
  const other = 'Commissioners are burning out too.';
  await selectByMouse(page, other);
  await page.keyboard.press('Control+i');
  await expect(treeRow(page, 'Commissioners are burning out too')).toBeVisible();
  await expect(codedRuns(reader, (await codeId(page, app, 'Commissioners are burning out too'))!)).toHaveText(other);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: Create code “Commissioners are burning out too” in vivo and code the passage/);
});

test('autocode by sentence: the preview counts, one step codes each sentence once, and a second run adds no duplicate', async ({ app, page }) => {
  await start(page, app);
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search text' }).fill('waiting list');
  await page.getByLabel('Whole words', { exact: true }).check();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Code all results…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Code all \d+ results for “waiting list”/ });
  await dialog.getByRole('radio', { name: 'Sentence' }).check();
  await dialog.getByRole('combobox', { name: 'Code at' }).fill('services there');
  await dialog.getByRole('option', { name: 'Services there when and where needed' }).click();
  const preview = dialog.getByRole('status');
  await expect(preview).toHaveText(/^\d+ sentences in \d+ documents \(from \d+ matches\)\.$/);
  const [, sentences] = /^(\d+) sentences/.exec((await preview.textContent()) ?? '')!;
  await page.screenshot({ path: 'tests/artifacts/autocode-preview.png' });
  await dialog.getByRole('button', { name: `Code ${sentences} sentences at “Services there when and where needed”` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Coded ${sentences} sentences at “Services there when and where needed”.`)).toBeVisible();

  const services = (await codeId(page, app, 'Services there when and where needed'))!;
  const mine = async () => myCodings(page, app, services);
  await expect.poll(async () => (await mine()).length).toBe(Number(sentences));

  // Again: everything is already coded there, and nothing is added.
  await page.getByRole('button', { name: 'Code all results…' }).click();
  await dialog.getByRole('radio', { name: 'Sentence' }).check();
  await dialog.getByRole('combobox', { name: 'Code at' }).fill('services there');
  await dialog.getByRole('option', { name: 'Services there when and where needed' }).click();
  await expect(preview).toContainText(`${sentences} are already coded at “Services there when and where needed”, so 0 will be coded.`);
  await dialog.getByRole('button', { name: `Code ${sentences} sentences at “Services there when and where needed”` }).click();
  await expect(page.getByText(`All ${sentences} sentences were already coded at “Services there when and where needed”: nothing changed.`)).toBeVisible();
  const codings = await mine();
  expect(codings).toHaveLength(Number(sentences));
  const sorted = [...codings].sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
  sorted.forEach((c, i) => i > 0 && c.documentId === sorted[i - 1]!.documentId && expect(c.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end));
  for (const c of codings) expect(c.text.toLowerCase()).toContain('waiting list');
});
