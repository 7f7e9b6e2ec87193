import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ProjectFile, CoderFile } from '../../shared/domain/schemas';
import { ProjectLayout } from '../../electron/services/project/layout';
import { loadProject } from '../../electron/services/project/project-loader';
import { soundContent } from '../../electron/services/project/restore-backup';
import { expect } from './web-app';
import type { WebApp } from './web-app';

/** The reader driven as a user does, for the coding specs: the sample project, real mouse selections and drags. */

export const PROJECT = join('Marginalia', 'Thrive LDN sample.marginalia');
export const CONVERSATIONS = join('resources', 'sample', 'conversations');

export async function sourceText(file: string): Promise<string> {
  return readFile(join(CONVERSATIONS, file), 'utf-8');
}

/** The exact [start, end) of a phrase in a sample conversation (found once). */
export async function spanOf(file: string, phrase: string): Promise<{ start: number; end: number }> {
  const text = await sourceText(file);
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" is in ${file}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(phrase, start + 1), `"${phrase}" is in ${file} once`).toBe(-1);
  return { start, end: start + phrase.length };
}

/**
 * The sample project as saved on disk: each file's snapshot with its change log replayed, read
 * the way Marginalia reads a colleague's project (without changing it).
 */
async function savedProject(app: WebApp) {
  return (await loadProject(new ProjectLayout(join(app.documentsDir, PROJECT)), { discardTemp: false })).state;
}

export async function projectFile(app: WebApp): Promise<ProjectFile> {
  return (await savedProject(app)).data;
}

export async function codeId(app: WebApp, name: string): Promise<string> {
  const code = (await projectFile(app)).codebook.find((c) => c.name === name);
  if (!code) throw new Error(`no code named ${name}`);
  return code.id;
}

export async function coderFile(app: WebApp, coderName: string): Promise<CoderFile | null> {
  const state = await savedProject(app);
  const coder = state.data.coders.find((c) => c.name === coderName);
  return coder ? (state.coder(coder.id)?.toFile() ?? null) : null;
}

/** A coder's file as it is on disk (snapshot and change log), read on its own: without project.json to fill in what it lacks. */
export async function coderFileOnItsOwn(app: WebApp, coderId: string): Promise<CoderFile | null> {
  const layout = new ProjectLayout(join(app.documentsDir, PROJECT));
  return (await soundContent(layout.data(coderId), `coders/${coderId}.json`)) as CoderFile | null;
}

/** First launch: the sample opens and asks for the coder's name. */
export async function start(page: Page, app: WebApp, name = 'Test Coder'): Promise<void> {
  await page.goto(app.url);
  const dialog = page.getByRole('dialog', { name: 'What’s your name?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('records who made it');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: new RegExp(`Coding as ${name}`) })).toBeVisible();
}

export async function openDocument(page: Page, name: string): Promise<Locator> {
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name }).click();
  const reader = page.getByRole('region', { name });
  await expect(reader.locator('[data-key]').first()).toBeVisible();
  return reader;
}

/** Just what the page-side helpers use of the DOM (this file is type-checked without DOM types). */
interface Rect {
  left: number;
  right: number;
  top: number;
  height: number;
}
interface PageRange {
  setStart(node: unknown, offset: number): void;
  setEnd(node: unknown, offset: number): void;
  getClientRects(): ArrayLike<Rect>;
}
interface PageElement {
  scrollTop: number;
  clientHeight: number;
  textContent: string | null;
  firstChild: unknown;
  getBoundingClientRect(): Rect;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  ownerDocument: { createRange(): PageRange };
}

export function readerScroller(page: Page): Locator {
  return page.locator('[data-scroll-root]');
}

/**
 * Viewport points just inside the first and last characters of `phrase` in the reader's text,
 * scrolled into view. The reader renders only what is near the viewport, so it is scrolled
 * through until the phrase is rendered.
 */
export async function phrasePoints(page: Page, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const points = await renderedPhrasePoints(page, phrase);
    if (points) return points;
    const more = await readerScroller(page).evaluate((el, first) => {
      const scroller = el as unknown as PageElement;
      if (first) {
        scroller.scrollTop = 0;
        return true;
      }
      const before = scroller.scrollTop;
      scroller.scrollTop += scroller.clientHeight * 0.8;
      return scroller.scrollTop > before;
    }, attempt === 0);
    if (!more) break;
    await page.waitForTimeout(60);
  }
  throw new Error(`"${phrase}" is not in the reader`);
}

export async function renderedPhrasePoints(page: Page, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number } | null> {
  return readerScroller(page).evaluate((el, wanted) => {
    const scroller = el as unknown as PageElement;
    // The rendered text run by run (each holds one text node), so a phrase crossing runs or turns is found too.
    const runs = Array.from(scroller.querySelectorAll('[data-start]'));
    const nodes: { node: unknown; from: number }[] = [];
    let all = '';
    for (const run of runs) {
      nodes.push({ node: run.firstChild, from: all.length });
      all += run.textContent ?? '';
    }
    const at = all.indexOf(wanted);
    if (at < 0) return null;
    const locate = (offset: number) => {
      const hit = [...nodes].reverse().find((e) => e.from <= offset)!;
      return { node: hit.node, offset: offset - hit.from };
    };
    const rectOf = (offset: number) => {
      const { node, offset: o } = locate(offset);
      const range = scroller.ownerDocument.createRange();
      range.setStart(node, o);
      range.setEnd(node, o + 1);
      const rects = range.getClientRects();
      return rects[rects.length - 1]!;
    };
    // On screen first: the passage's first line a third of the way down the reader.
    const box = scroller.getBoundingClientRect();
    const top = rectOf(at).top;
    if (top < box.top + 40 || top > box.top + box.height * 0.5) scroller.scrollTop += top - (box.top + box.height / 3);
    const a = rectOf(at);
    const b = rectOf(at + wanted.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, phrase);
}

/** Selects a phrase the way a user does: press, drag across the text, release. */
export async function selectByMouse(page: Page, phrase: string): Promise<void> {
  const { x1, y1, x2, y2 } = await phrasePoints(page, phrase);
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 8 });
  await page.mouse.move(x2, y2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: /^Selected passage: / })).toBeVisible();
}

/** Drags with real pointer events, in steps, so dnd-kit's pointer sensor activates and tracks it. */
export async function dragOnto(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  await to.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag source or target is not on screen');
  const start = { x: a.x + Math.min(70, a.width / 2), y: a.y + Math.min(14, a.height / 2) };
  const end = { x: b.x + Math.min(60, b.width / 2), y: b.y + Math.min(14, b.height / 2) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 20 });
  await page.mouse.move(end.x + 2, end.y + 1, { steps: 2 });
  await page.mouse.up();
}

/** The reader's runs of text coded at a code, as a CSS selector. */
export function codedRunSelector(codeId: string): string {
  return `[data-code-ids~="${codeId}"]`;
}

export function codedRuns(reader: Locator, id: string): Locator {
  return reader.locator(codedRunSelector(id));
}

export function treeRow(page: Page, name: string): Locator {
  return page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name, exact: true }).locator('> [data-code-row]');
}

export const LAMBETH = '04-lambeth-commissioners.txt';
export const POOLED = "Pooled budgets for a neighbourhood, with residents on the panel that decides how it's spent.";
