import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AppState, ChangeResult, CoderCoding, DocumentOutline, DocumentSummary } from '../../shared/api/contract';
import { documents, rpc, snapshot } from './api';
import { codedRunSelector, codedRuns, readerScroller, selectByMouse, start } from './reader';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * Issue 16: the reader asks for what it shows first. A 1.5 MB interview opens with its outline
 * and a first stretch of text; the rest arrives in pieces (no reply over 1 MB). Scrolled to the
 * end, the text there is the file's, and a passage coded there is stored at its exact offsets
 * (UTF-16 units: the transcript is full of characters outside the BMP, which take two).
 */
const CLOSING = 'And that is why the allotment saved me, honestly 🌱 it did.';

function interview(): string {
  const turns: string[] = [];
  for (let i = 0; turns.join('\n\n').length < 1_500_000; i++) {
    turns.push(`Interviewer: Question ${i}, how did the week go? 🙂`, `Resident: Week ${i} was long. ${'The waiting list did not move 😀 and I rang the surgery again on Tuesday. '.repeat(25).trim()}`);
  }
  turns.push(`Resident: ${CLOSING}`);
  return `${turns.join('\n\n')}\n`;
}

/** The app started, with the interview imported. */
async function withInterview(page: Page, app: WebApp): Promise<{ text: string; doc: DocumentSummary }> {
  await start(page, app);
  const project = await snapshot(page, app);
  const text = interview();
  const file = join(project.path, 'Long interview.txt');
  await writeFile(file, text);
  await rpc(page, app, 'import.run', { items: [{ source: { path: file }, options: {} }] });
  const doc = (await documents(page, app)).find((d) => d.name === 'Long interview')!;
  expect(doc.length).toBe(text.length);
  return { text, doc };
}

/** Every reply the page receives from now on, with its size. */
function recordReplies(page: Page): { url: string; bytes: number }[] {
  const replies: { url: string; bytes: number }[] = [];
  page.on('response', (response) => {
    if (response.request().method() !== 'POST') return;
    void response.body().then(
      (body) => replies.push({ url: response.url(), bytes: body.length }),
      () => undefined,
    );
  });
  return replies;
}

test('a long transcript arrives in pieces; its end reads right and is coded at the exact offsets', async ({ app, page }) => {
  test.setTimeout(180_000);
  const { text, doc } = await withInterview(page, app);

  // What the reader asks for first is a stretch of it, not the whole text.
  const outline = await rpc<DocumentOutline>(page, app, 'document.get', { documentId: doc.id });
  expect(outline.first.text.length).toBeLessThan(text.length / 4);
  expect(outline.first.text).toBe(text.slice(0, outline.first.text.length));

  const replies = recordReplies(page);
  await page.reload();
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'Long interview' }).click();
  const reader = page.getByRole('region', { name: 'Long interview' });
  await expect(reader).toContainText('Question 0, how did the week go?');

  // To the end, as far as it goes (the page grows as blocks there are measured).
  await expect
    .poll(
      async () => {
        await readerScroller(page).evaluate((el) => {
          el.scrollTop = el.scrollHeight;
        });
        return (await reader.textContent()) ?? '';
      },
      { timeout: 60_000 },
    )
    .toContain(CLOSING);
  // The last turns shown are the file's own (long turns are shown in blocks, cut at a space).
  const shown = ((await reader.textContent()) ?? '').replace(/\s+/g, '');
  for (const turn of text.trimEnd().split('\n\n').slice(-3)) expect(shown).toContain(turn.slice(turn.indexOf(': ') + 2).replace(/\s+/g, ''));

  await selectByMouse(page, CLOSING);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Code the selection' });
  await palette.getByRole('combobox', { name: 'Filter codes' }).pressSequentially('Gardening helps');
  await expect(palette.getByRole('option').first()).toHaveText(/Create code “Gardening helps”/);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();

  const state = await rpc<AppState>(page, app, 'app.getState', {});
  const code = state.project!.codebook.find((c) => c.name === 'Gardening helps');
  expect(code).toBeDefined();
  const at = text.indexOf(CLOSING);
  await expect
    .poll(async () => (await rpc<CoderCoding[]>(page, app, 'document.codings', { documentId: doc.id })).filter((c) => c.codeId === code!.id).map((c) => [c.start, c.end]))
    .toEqual([[at, at + CLOSING.length]]);

  // Every reply stayed under 1 MB, and the text came in more than one piece.
  expect(replies.filter((r) => r.url.includes('document.text')).length).toBeGreaterThan(1);
  expect(Math.max(...replies.map((r) => r.bytes))).toBeLessThan(1024 * 1024);
});

/**
 * Scrolls the reader to about `fraction` of its height until an element matching `selector` is
 * rendered there (the height settles as blocks are measured), then brings it to the middle.
 */
async function scrollUntilShown(page: Page, fraction: number, selector: string): Promise<void> {
  await expect
    .poll(
      () =>
        readerScroller(page).evaluate(
          (el, [f, sel]) => {
            const found = el.querySelector(sel);
            if (found) found.scrollIntoView({ block: 'center' });
            else el.scrollTop = el.scrollHeight * f;
            return found !== null;
          },
          [fraction, selector] as const,
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
}

test('the codings of a long transcript arrive with its text: one across the first piece shows once, one at the end shows there', async ({ app, page }) => {
  test.setTimeout(180_000);
  const { text, doc } = await withInterview(page, app);
  const create = async (name: string) => (await rpc<ChangeResult>(page, app, 'code.create', { name, parentId: null })).createdIds[0]!;
  const far = await create('Said at the very end');
  const across = await create('Across the first piece');
  const outline = await rpc<DocumentOutline>(page, app, 'document.get', { documentId: doc.id });
  const boundary = outline.first.start + outline.first.text.length;
  // Within the turn the boundary falls in (the next turn's speaker label is not among the coded words shown).
  const acrossSpan = { start: text.lastIndexOf(' ', boundary - 40) + 1, end: Math.min(text.indexOf(' ', boundary + 40), text.indexOf('\n', boundary)) };
  const closing = text.indexOf(CLOSING);
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: across, ...acrossSpan });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: far, start: closing, end: closing + CLOSING.length });
  // The first reply carries the coding across its end, not the one far beyond it.
  const codes = (codings: readonly CoderCoding[]) => codings.map((c) => c.codeId);
  expect(codes((await rpc<DocumentOutline>(page, app, 'document.get', { documentId: doc.id })).codings)).toEqual([across]);

  const replies = recordReplies(page);
  await page.reload();
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'Long interview' }).click();
  const reader = page.getByRole('region', { name: 'Long interview' });
  // The count is the document's, not that of the stretches arrived so far.
  await expect(reader.getByText('2 codings shown')).toBeVisible();

  // Across the boundary: highlighted and striped, and one coding when clicked (held once, though it came in two replies).
  const acrossRuns = codedRuns(reader, across);
  await scrollUntilShown(page, boundary / text.length, codedRunSelector(across));
  await expect(reader.locator(`[data-stripe-code="${across}"]`).first()).toBeVisible();
  await expect
    .poll(async () => (await acrossRuns.evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''))).replace(/\s+/g, ''))
    .toBe(text.slice(acrossSpan.start, acrossSpan.end).replace(/\s+/g, ''));
  await acrossRuns.first().click();
  const popover = page.getByRole('dialog', { name: 'Coding here' });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Across the first piece');
  await page.keyboard.press('Escape');

  // At the end, far beyond the first piece: highlighted and striped once scrolled there.
  const farRuns = codedRuns(reader, far);
  await scrollUntilShown(page, 1, codedRunSelector(far));
  await expect(farRuns.first()).toContainText('allotment saved me');
  await expect(reader.locator(`[data-stripe-code="${far}"]`).first()).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/reader-codings-end.png' });

  // The codings came a stretch per reply, every reply under 1 MB.
  expect(replies.filter((r) => r.url.includes('document.codings')).length).toBeGreaterThan(1);
  expect(Math.max(...replies.map((r) => r.bytes))).toBeLessThan(1024 * 1024);
});
