import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import type { CoderCoding, DocumentOutline } from '../../shared/api/contract';
import { documents, rpc, snapshot } from './api';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * The inter-coder agreement view in a real browser against the real `npm run web` entry: two
 * coders code a passage differently; the view shows the hand-computed figures, drills down to the
 * disagreement, settles it into the Consensus coder (undoably), exports the tables; and a pair
 * swaps coding files.
 */

/** The sample, open, with the ids the tests use. */
async function openSample(page: Page, app: WebApp) {
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  const project = await snapshot(page, app);
  const doc = (await documents(page, app)).find((d) => d.name === '04 Lambeth: commissioners')!;
  const stigma = project.codebook.find((c) => c.name === 'Tackling stigma')!;
  return { project, doc, stigma };
}

async function showAgreement(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Agreement' }).click();
  const view = page.getByRole('region', { name: 'How far the coders agree' });
  await expect(view).toBeVisible();
  return view;
}

/** Ticks exactly these coders. */
async function chooseCoders(view: Locator, names: string[]) {
  const boxes = view.getByRole('group', { name: 'Coders', exact: true }).getByRole('checkbox');
  for (const box of await boxes.all()) {
    // "Ben (you)", "Dana (imported)": the name is what comes before the remark.
    const label = (await box.locator('xpath=..').innerText()).replace(/\s*\((you|imported|settled passages)\)/g, '').trim();
    const want = names.includes(label);
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
}

/** Opens a checklist picker, ticks one item, closes it. */
async function pick(page: Page, view: Locator, picker: 'Codes' | 'Documents', item: string) {
  await view.getByRole('button', { name: new RegExp(`^${picker}:`) }).click();
  const panel = view.getByRole('group', { name: picker, exact: true });
  await panel.getByRole('checkbox', { name: item, exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(view.getByRole('button', { name: `${picker}: ${item}` })).toBeVisible();
}

/** The cells of a code's row in the agreement table, by column heading. */
async function rowFigures(view: Locator, code: string): Promise<Record<string, string>> {
  const table = view.getByRole('table', { name: /^Agreement by code/ });
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  const row = table.locator('tbody tr', { has: view.page().getByRole('rowheader', { name: code }) });
  const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

const k3 = (x: number) => x.toFixed(3);

test('agreement: hand-computed figures, drill down, settle into Consensus, undo, export', async ({ app, page }) => {
  const { doc, stigma } = await openSample(page, app);
  const N = doc.length;

  // Ann codes [100, 200), Ben [150, 250), at "Tackling stigma" in 04 Lambeth (which the sample leaves uncoded).
  await rpc(page, app, 'app.setCoderName', { name: 'Ann' });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 100, end: 200 });
  await rpc(page, app, 'app.setCoderName', { name: 'Ben' });
  // Ben has also coded the document elsewhere, so it stays compared whatever he undoes at stigma.
  const zero = (await snapshot(page, app)).codebook.find((c) => c.name === 'Zero suicide')!;
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: zero.id, start: 400, end: 420 });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 150, end: 250 });
  const { text } = (await rpc<DocumentOutline>(page, app, 'document.get', { documentId: doc.id })).first;
  expect(text.length).toBe(N);
  await page.reload();

  const view = await showAgreement(page);
  await chooseCoders(view, ['Ann', 'Ben']);
  await pick(page, view, 'Codes', 'Tackling stigma');
  await pick(page, view, 'Documents', '04 Lambeth: commissioners');
  await expect(view.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Characters' })).toHaveAttribute('aria-pressed', 'true');

  // Hand-computed: both 50, only Ann 50, only Ben 50, neither N − 150.
  const po = (N - 100) / N;
  const pe = (100 / N) ** 2 + ((N - 100) / N) ** 2;
  const kappa = (po - pe) / (1 - pe);
  // Krippendorff's α, nominal, two coders: 1 − (n − 1)·D / (n₀·n₁) over n = 2N decisions,
  // D = 100 characters on which the coders differ, n₁ = 200 "coded" decisions.
  const alpha = 1 - ((2 * N - 1) * 100) / ((2 * N - 200) * 200);
  const table = view.getByRole('table', { name: 'Agreement by code between Ann and Ben' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Tackling stigma' })).toBeVisible();
  await expect(async () => {
    const figures = await rowFigures(view, 'Tackling stigma');
    expect(figures).toMatchObject({
      Both: '50',
      'Only Ann': '50',
      'Only Ben': '50',
      Neither: (N - 150).toLocaleString('en-GB'),
      '% agreement (pooled)': `${(po * 100).toFixed(2)} %`,
      'κ (pooled)': k3(kappa),
      'α (pooled)': k3(alpha),
    });
  }).toPass({ timeout: 10_000 });
  // The Overall row pools the one code: the same figures.
  await expect(table.locator('tfoot tr')).toContainText(k3(kappa));
  // Sorted worst first by κ by default, and said so to assistive technology.
  await expect(table.getByRole('columnheader', { name: /^κ/ })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('columnheader', { name: /^κ/ }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: /^κ/ })).toHaveAttribute('aria-sort', 'descending');
  // Each measure is explained beside the figures, and the report says what was compared.
  await expect(view.getByRole('complementary', { name: 'How to read these figures' })).toContainText("Cohen's κ");
  await expect(view.getByRole('region', { name: 'What was compared' })).toContainText('Character mode');
  await expect(view.getByRole('list', { name: 'κ (pooled) by code' })).toContainText('Tackling stigma');
  await page.screenshot({ path: 'tests/artifacts/agreement.png' });

  // Excel export: the "Agreement by code" sheet holds the Tackling stigma row at full precision.
  const downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = XLSX.read(await readFile((await download.path())!));
  expect(workbook.SheetNames).toContain('Agreement by code');
  const sheet = XLSX.utils.sheet_to_json<(string | number)[]>(workbook.Sheets['Agreement by code']!, { header: 1 });
  const header = sheet[0]!;
  const stigmaRow = sheet.find((r) => r[0] === 'Tackling stigma')!;
  expect(stigmaRow.slice(0, 5)).toEqual(['Tackling stigma', 50, 50, 50, N - 150]);
  expect(stigmaRow[header.indexOf('κ (pooled)')] as number).toBeCloseTo(kappa, 12);

  // Drill down: the passage where they differ, each version side by side, the differences marked.
  await table.getByRole('button', { name: 'Tackling stigma' }).click();
  const drill = view.getByRole('region', { name: 'Where Ann and Ben differ at Tackling stigma' });
  await expect(drill).toBeVisible();
  const passages = drill.getByRole('list', { name: 'Disagreements' }).getByRole('listitem');
  await expect(passages).toHaveCount(1);
  const passage = passages.first();
  await expect(passage).toContainText('04 Lambeth: commissioners');
  await expect(passage).toContainText('characters 100–250');
  const versionA = passage.getByRole('figure').filter({ hasText: 'A · Ann' });
  const versionB = passage.getByRole('figure').filter({ hasText: 'B · Ben' });
  await expect(versionA.locator('[data-mark="only-a"]')).toHaveText(text.slice(100, 150));
  await expect(versionA.locator('[data-mark="both"]')).toHaveText(text.slice(150, 200));
  await expect(versionB.locator('[data-mark="only-b"]')).toHaveText(text.slice(200, 250));
  await expect(versionB.locator('[data-mark="both"]')).toHaveText(text.slice(150, 200));
  await expect(drill.getByLabel('Legend')).toContainText('only Ann (A)');
  await expect(passage).toContainText('Open');

  // Settle it: keep Ann's coding, with a note.
  await passage.getByRole('textbox', { name: /^Note on this decision/ }).fill('Ben went too far');
  await passage.getByRole('button', { name: 'Accept A' }).click();
  await expect(passage).toContainText('Settled: A’s coding kept');
  await expect(drill.getByRole('status')).toContainText('1 passage where they differ · 1 of 1 settled');
  await page.screenshot({ path: 'tests/artifacts/agreement-disagreements.png' });
  let project = await snapshot(page, app);
  const consensus = project.coders.find((c) => c.name === 'Consensus')!;
  expect(consensus).toBeTruthy();
  const consensusCodings = async () =>
    (await rpc<CoderCoding[]>(page, app, 'document.codings', { documentId: doc.id })).filter((c) => c.coderId === consensus.id);
  expect(await consensusCodings()).toEqual([expect.objectContaining({ codeId: stigma.id, start: 100, end: 200 })]);
  // The note is kept with the decision, in the Consensus coder's decision log.
  const consensusFile = JSON.parse(await readFile(`${project.path}/coders/${consensus.id}.json`, 'utf-8')) as { decisions: { note: string; choice: string }[] };
  expect(consensusFile.decisions).toEqual([expect.objectContaining({ choice: 'A', note: 'Ben went too far' })]);

  // Ann against the Consensus coder, which now exists: perfect agreement.
  await drill.getByRole('button', { name: /All codes/ }).click();
  await chooseCoders(view, ['Ann', 'Consensus']);
  const vsConsensus = view.getByRole('table', { name: 'Agreement by code between Ann and Consensus' });
  await expect(vsConsensus).toBeVisible();
  await expect.poll(async () => (await rowFigures(view, 'Tackling stigma'))['κ (pooled)']).toBe('1.000');

  // Ctrl+Z undoes the decision through the workbench's history.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(consensusCodings).toEqual([]);
  // The undo takes back all the decision made, the Consensus coder it brought into being included.
  project = await snapshot(page, app);
  expect(project.coders.some((c) => c.id === consensus.id)).toBe(false);
  await expect(view).toContainText('Choose at least two coders to compare.');

  // "Accept neither" leaves no coding to read back: the view still shows the passage settled,
  // and an undo makes it open again.
  await chooseCoders(view, ['Ann', 'Ben']);
  await view.getByRole('table', { name: 'Agreement by code between Ann and Ben' }).getByRole('button', { name: 'Tackling stigma' }).click();
  const again = view.getByRole('region', { name: 'Where Ann and Ben differ at Tackling stigma' }).getByRole('listitem').first();
  await expect(again).toContainText('Open');
  await again.getByRole('button', { name: 'Accept neither' }).click();
  await expect(again).toContainText('Settled: neither kept');
  expect(await consensusCodings()).toEqual([]);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(again).toContainText('Open');
  await expect(again).not.toContainText('Settled');
});

test('agreement: documents marked done are compared; consensus started, one passage settled, progress shown, undone', async ({ app, page }) => {
  const { doc, stigma } = await openSample(page, app);
  const N = doc.length;
  const consensusCodings = async () => {
    const consensus = (await snapshot(page, app)).coders.find((c) => c.name === 'Consensus');
    const codings = await rpc<CoderCoding[]>(page, app, 'document.codings', { documentId: doc.id });
    return codings.filter((c) => c.coderId === consensus?.id).map((c) => [c.start, c.end]);
  };

  // Ann codes [100, 200) and [600, 650), Ben [150, 250), at "Tackling stigma"; Ann marks the document done.
  await rpc(page, app, 'app.setCoderName', { name: 'Ann' });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 100, end: 200 });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 600, end: 650 });
  await rpc(page, app, 'document.setDone', { documentId: doc.id, done: true });
  await rpc(page, app, 'app.setCoderName', { name: 'Ben' });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 150, end: 250 });
  await page.reload();

  // Ben marks it done in the reader.
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /04 Lambeth: commissioners/ }).click();
  const done = page.getByRole('checkbox', { name: /Done: I have read this document through/ });
  await done.click();
  await expect(done).toBeChecked();
  await expect.poll(async () => (await snapshot(page, app)).done).toMatchObject({ [(await snapshot(page, app)).currentCoderId!]: [doc.id] });

  // Every document is offered, but only the one both marked done is compared: Neither counts its characters only.
  const view = await showAgreement(page);
  await chooseCoders(view, ['Ann', 'Ben']);
  await pick(page, view, 'Codes', 'Tackling stigma');
  await expect.poll(async () => rowFigures(view, 'Tackling stigma')).toMatchObject({ Both: '50', 'Only Ann': '100', 'Only Ben': '50', Neither: (N - 200).toLocaleString('en-GB') });
  await expect(view.getByRole('region', { name: 'What was compared' })).toContainText('Documents compared: documents every coder marked done, 1 document of 17; left out: 16 documents');
  // The switch takes every document chosen; off again for the rest.
  const include = view.getByRole('checkbox', { name: 'Include documents not every coder finished' });
  await include.check();
  await expect(view.getByRole('region', { name: 'What was compared' })).toContainText('Documents compared: every document chosen, 17 documents');
  await include.uncheck();
  await expect.poll(async () => (await rowFigures(view, 'Tackling stigma')).Neither).toBe((N - 200).toLocaleString('en-GB'));

  await view.getByRole('table', { name: 'Agreement by code between Ann and Ben' }).getByRole('button', { name: 'Tackling stigma' }).click();
  const drill = view.getByRole('region', { name: 'Where Ann and Ben differ at Tackling stigma' });
  const status = drill.getByRole('status').filter({ hasText: 'settled' });
  await expect(status).toContainText('2 passages where they differ · 0 of 2 settled');

  // Start consensus: what both coded goes to the Consensus coder in one step.
  await drill.getByRole('button', { name: 'Start consensus' }).click();
  await expect.poll(consensusCodings).toEqual([[150, 200]]);
  await expect(status).toContainText('0 of 2 settled');

  // Settle the first passage: progress shows it, and the card shows its decision-log entry.
  const first = drill.getByRole('listitem').first();
  await first.getByRole('textbox', { name: /^Note on this decision/ }).fill('Ann read it right');
  await first.getByRole('button', { name: 'Accept A' }).click();
  await expect(status).toContainText('1 of 2 settled');
  await expect(first.getByLabel('Decision log entry')).toContainText('A’s coding kept, by Ben — “Ann read it right”');
  await page.screenshot({ path: 'tests/artifacts/agreement-consensus.png' });

  // Undo takes back the decision, then the start, each one step.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(status).toContainText('0 of 2 settled');
  await expect.poll(consensusCodings).toEqual([[150, 200]]);
  await page.keyboard.press('Control+z');
  await expect.poll(consensusCodings).toEqual([]);
});

test('agreement: a code with hundreds of disagreements shows a window of them, asked for a page at a time; End reaches the last', async ({ app, page }) => {
  const { doc, stigma } = await openSample(page, app);
  // Ann codes 320 separate five-character passages at "Tackling stigma" (more than three pages of
  // a hundred, and over the windowing threshold); Ben codes the document elsewhere only.
  const COUNT = 320;
  await rpc(page, app, 'app.setCoderName', { name: 'Ann' });
  const spans = Array.from({ length: COUNT }, (_, i) => ({ documentId: doc.id, start: i * 7, end: i * 7 + 5 }));
  await rpc(page, app, 'coding.applyMany', { codeId: stigma.id, spans });
  await rpc(page, app, 'app.setCoderName', { name: 'Ben' });
  const zero = (await snapshot(page, app)).codebook.find((c) => c.name === 'Zero suicide')!;
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: zero.id, start: 400, end: 420 });
  await page.reload();

  // Every page of passages the view asks for, by where it starts.
  const asked: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/agreement.disagreements')) asked.push((request.postDataJSON() as { offset: number }).offset);
  });
  const view = await showAgreement(page);
  await chooseCoders(view, ['Ann', 'Ben']);
  await pick(page, view, 'Codes', 'Tackling stigma');
  await view.getByRole('table', { name: 'Agreement by code between Ann and Ben' }).getByRole('button', { name: 'Tackling stigma' }).click();
  const drill = view.getByRole('region', { name: 'Where Ann and Ben differ at Tackling stigma' });
  const list = drill.getByRole('list', { name: 'Disagreements' });
  const cards = list.locator('> li');
  await expect(drill.getByRole('status').filter({ hasText: 'settled' })).toContainText(`${COUNT} passages where they differ · 0 of ${COUNT} settled`);
  await expect(cards.first()).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(cards.first()).toHaveAttribute('aria-posinset', '1');
  await expect(cards.first()).toContainText('characters 0–5');
  // A window of the cards in the page, and only the first page of passages asked for.
  await expect.poll(() => cards.count()).toBeLessThan(40);
  expect(asked.every((offset) => offset === 0)).toBe(true);
  await page.screenshot({ path: 'tests/artifacts/agreement-disagreements-window.png' });

  // End from a card's button: the last passage, its page asked for, drawn and in view.
  await cards.first().getByRole('button', { name: 'Accept A' }).focus();
  await page.keyboard.press('End');
  const last = list.locator(`> li[aria-posinset="${COUNT}"]`);
  await expect(last).toContainText(`characters ${(COUNT - 1) * 7}–${(COUNT - 1) * 7 + 5}`);
  await expect(last).toBeInViewport();
  expect(asked).toContain(300);
  expect(await cards.count()).toBeLessThan(40);
  await page.screenshot({ path: 'tests/artifacts/agreement-disagreements-end.png' });

  // A decision far down settles that passage (its page asked again after the change).
  await last.getByRole('button', { name: 'Accept A' }).click();
  await expect(drill.getByRole('status').filter({ hasText: 'settled' })).toContainText(`1 of ${COUNT} settled`);
});

test('agreement: undefined figures say so, never 0 or blank', async ({ app, page }) => {
  await openSample(page, app);
  await rpc(page, app, 'app.setCoderName', { name: 'Test Coder' });
  await page.reload();
  const view = await showAgreement(page);
  // The sample's two coders, all codes, in a document both coded: some codes neither used there.
  await pick(page, view, 'Documents', '01 Hackney: young people');
  const table = view.getByRole('table', { name: 'Agreement by code between Amara Okafor and Tom Reilly' });
  await expect(table).toBeVisible();
  const undefinedCells = table.locator('[data-undefined]');
  await expect(undefinedCells.first()).toBeVisible();
  await expect(undefinedCells.first()).toHaveAttribute('title', /^Undefined: /);
  await expect(view.locator('[data-footnotes] li').first()).toContainText('Undefined:');
  // Undefined codes are listed apart under the chart, not drawn.
  await expect(view.getByText(/Not drawn: κ \(pooled\) is undefined for/)).toBeVisible();
  // No figure cell is blank.
  for (const cell of await table.locator('tbody td').all()) expect((await cell.innerText()).trim()).not.toBe('');

  // Segment mode states q; three coders give Fleiss' κ, α and the pairwise matrix.
  await view.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Segments' }).click();
  await expect(view.getByRole('columnheader', { name: /κ_n \(q = 18\)/ })).toBeVisible();
  await view.getByRole('group', { name: 'Mode' }).getByRole('button', { name: 'Characters' }).click();
  const project = await snapshot(page, app);
  await rpc(page, app, 'coding.apply', { documentId: (await documents(page, app)).find((d) => d.name === '01 Hackney: young people')!.id, codeId: project.codebook.find((c) => c.codable)!.id, start: 0, end: 40 });
  await page.reload();
  const again = await showAgreement(page);
  // The choices last through a reload (for the session).
  await expect(again.getByRole('button', { name: 'Documents: 01 Hackney: young people' })).toBeVisible();
  await chooseCoders(again, ['Amara Okafor', 'Tom Reilly', 'Test Coder']);
  await expect(again.getByRole('columnheader', { name: "Fleiss' κ" })).toBeVisible();
  await expect(again.getByRole('region', { name: /Pairwise Cohen’s κ/ }).getByRole('table')).toBeVisible();

  // Two coders again, figures as length-weighted means: labelled so, and undefined where no document has one.
  await chooseCoders(again, ['Amara Okafor', 'Tom Reilly']);
  await again.getByRole('button', { name: 'Length-weighted mean' }).click();
  const weighted = again.getByRole('columnheader', { name: 'κ (length-weighted mean)' });
  await expect(weighted).toBeVisible();
  await expect(weighted).toHaveAttribute('aria-sort', 'ascending');
  await expect(again.locator('[data-undefined]').first()).toHaveAttribute('title', 'Undefined: no document has a defined κ');
});

test('agreement: working as a pair — export my coding, refuse my own file, import a colleague’s', async ({ app, page }) => {
  const { doc, stigma, project } = await openSample(page, app);
  await rpc(page, app, 'app.setCoderName', { name: 'Ann' });
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: stigma.id, start: 10, end: 60 });
  await page.reload();
  const view = await showAgreement(page);

  // Export my coding: a JSON file with Ann's one coding.
  await view.getByRole('button', { name: 'Working as a pair' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export my coding…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Ann - .*\.marginalia-coder\.json$/);
  const content = await readFile((await download.path())!, 'utf8');
  const exchange = JSON.parse(content) as { coder: { id: string; name: string }; codings: unknown[]; documents: { id: string; name: string; hash: string; length: number }[] };
  expect(exchange.coder.name).toBe('Ann');
  expect(exchange.codings).toHaveLength(1);

  // Importing it back as Ann is refused, and the view says why.
  await view.getByRole('button', { name: 'Working as a pair' }).click();
  let choosing = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import a colleague’s coding…' }).click();
  await (await choosing).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(content) });
  await expect(view.getByRole('alert')).toContainText('This is your own coding (Ann)');

  // A colleague's file (Dana's: the same document, plus one from a project we do not have).
  const dana = {
    ...exchange,
    coder: { id: 'da0a0000-0000-4000-8000-000000000001', name: 'Dana', color: '#7b2cbf' },
    documents: [...exchange.documents, { id: 'da0a0000-0000-4000-8000-000000000002', name: 'Elsewhere interview', hash: '0'.repeat(64), length: 400 }],
    codings: [
      ...(exchange.codings as object[]),
      { id: 'da0a0000-0000-4000-8000-000000000003', documentId: 'da0a0000-0000-4000-8000-000000000002', codeId: stigma.id, start: 0, end: 20, createdAt: new Date().toISOString() },
    ],
  };
  await view.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await view.getByRole('button', { name: 'Working as a pair' }).click();
  choosing = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import a colleague’s coding…' }).click();
  await (await choosing).setFiles({ name: 'Dana.marginalia-coder.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dana)) });
  const report = page.getByRole('dialog', { name: 'Imported from Dana.marginalia-coder.json' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('region', { name: 'Imported: Dana' })).toContainText('1 coding placed');
  await expect(report).toContainText('Documents that could not be matched in this project: Elsewhere interview');
  await expect(report).toContainText('Skipped: 1 coding');
  await page.screenshot({ path: 'tests/artifacts/agreement-import.png' });
  await report.getByRole('button', { name: 'Done' }).click();
  const after = await snapshot(page, app);
  expect(after.coders.find((c) => c.name === 'Dana')?.importedFrom).toBeTruthy();
  // Dana is now a coder to compare with.
  await expect(view.getByRole('group', { name: 'Coders', exact: true }).getByRole('checkbox', { name: /^Dana/ })).toBeVisible();

  // A colleague's project folder, picked in the folder chooser (never typed: the backend reads
  // only folders the user picked). Here our own: only Dana's imported coding is new to take; the
  // report says who was left out and why.
  await view.getByRole('button', { name: 'Working as a pair' }).click();
  await page.getByRole('menuitem', { name: 'Import from a colleague’s project folder…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Import from a colleague’s project folder' });
  await chooser.getByRole('button').filter({ hasText: basename(project.path) }).click();
  await expect(chooser).toBeHidden();
  const folderReport = page.getByRole('dialog', { name: 'Imported from the project folder' });
  await expect(folderReport.getByRole('region', { name: 'Imported: Dana' })).toContainText('replacing their earlier import');
  await expect(folderReport.getByRole('region', { name: 'Left out' })).toContainText('Ann: this is you');
  await expect(folderReport.getByRole('region', { name: 'Left out' })).toContainText('Amara Okafor: already coding in this project');
});
