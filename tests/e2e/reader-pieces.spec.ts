import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppState, CoderCoding, DocumentOutline } from '../../shared/api/contract';
import { documents, rpc, snapshot } from './api';
import { readerScroller, selectByMouse, start } from './reader';
import { expect, test } from './web-app';

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

test('a long transcript arrives in pieces; its end reads right and is coded at the exact offsets', async ({ app, page }) => {
  test.setTimeout(180_000);
  await start(page, app);
  const project = await snapshot(page, app);
  const text = interview();
  const file = join(project.path, 'Long interview.txt');
  await writeFile(file, text);
  await rpc(page, app, 'import.run', { items: [{ source: { path: file }, options: {} }] });
  const doc = (await documents(page, app)).find((d) => d.name === 'Long interview')!;
  expect(doc.length).toBe(text.length);

  // What the reader asks for first is a stretch of it, not the whole text.
  const outline = await rpc<DocumentOutline>(page, app, 'document.get', { documentId: doc.id });
  expect(outline.first.text.length).toBeLessThan(text.length / 4);
  expect(outline.first.text).toBe(text.slice(0, outline.first.text.length));

  const replies: { url: string; bytes: number }[] = [];
  page.on('response', (response) => {
    if (response.request().method() !== 'POST') return;
    void response.body().then(
      (body) => replies.push({ url: response.url(), bytes: body.length }),
      () => undefined,
    );
  });
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
