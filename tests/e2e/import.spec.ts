/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { documents, rpc, snapshot, openWithCoderName } from './api';
import { overlappingQde } from '../helpers/overlapping-qde';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * Importing files in a real browser against the real `npm run web` entry: choosing files with
 * the Documents pane's "Import…" input and dropping them on the document list, the settings
 * (speaker preview, spreadsheet columns), the progress of the run, the per-file results, and
 * the new documents in the list and the reader.
 */

const EXAMPLES = join('..', 'shared', 'fixtures', 'qualcoder-examples');
const hasExamples = existsSync(join(EXAMPLES, 'ID1.docx'));
const example = (name: string) => join(EXAMPLES, name);
const NO_EXAMPLES = 'needs the QualCoder example files in ../shared/fixtures/qualcoder-examples, which are not here';

/** Opens the sample with a coder name already set, so no name prompt gets in the way. */
async function openWorkbench(page: Page, app: WebApp): Promise<Locator> {
  await openWithCoderName(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(17);
  return list;
}

const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import files' });
const fileInput = (page: Page) => page.getByLabel('Choose files to import');
const fileCard = (dialog: Locator, fileName: string) => dialog.getByRole('region', { name: fileName, exact: true });

function result(dialog: Locator, fileName: string): Locator {
  return dialog.getByRole('list', { name: 'Import results' }).locator(':scope > li').filter({ hasText: fileName });
}

/** Imports what the dialog holds and waits for the results. */
async function runImport(dialog: Locator, files: number): Promise<void> {
  await dialog.getByRole('button', { name: `Import ${files === 1 ? '1 file' : `${files} files`}` }).click();
  await expect(dialog.getByRole('list', { name: 'Import results' })).toBeVisible();
}

async function closeResults(page: Page): Promise<void> {
  const dialog = importDialog(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Holds the reply to one channel until released, so the test can look at the UI meanwhile. */
async function holdReply(page: Page, channel: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/rpc/${channel}`, async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  return release;
}

test('a Word interview and a speaker-tagged transcript: preview, progress, results, then the reader', async ({ app, page }) => {
  test.skip(!hasExamples, NO_EXAMPLES);
  const list = await openWorkbench(page, app);
  await fileInput(page).setInputFiles([example('ID1.docx'), example('transcript.txt')]);

  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  const transcript = fileCard(dialog, 'transcript.txt');
  // The speakers as detected: [id1], [id2], [id3] labels, in the order they speak.
  await expect(transcript.getByRole('term')).toHaveText(['id1', 'id2', 'id3', 'id1', 'id3']);
  await expect(transcript.getByRole('definition').first()).toContainText('hello, I like the course');
  await expect(transcript.getByLabel('Speakers')).toHaveValue('auto');
  await expect(transcript.getByLabel('Speakers').locator('option:checked')).toHaveText('Detected: “[id1] text”');
  await expect(transcript).toContainText('Becomes the document “transcript”');
  const word = fileCard(dialog, 'ID1.docx');
  await expect(word).toContainText('Becomes the document “ID1”');
  await expect(word.getByText(/Same text as/)).toHaveCount(0);
  await page.screenshot({ path: 'tests/artifacts/import-dialog.png' });

  // The run's progress comes from import.progress events: hold the reply and watch the bar fill.
  const release = await holdReply(page, 'import.run');
  await dialog.getByRole('button', { name: 'Import 2 files' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Importing files' });
  await expect(bar).toHaveAttribute('aria-valuemax', '2');
  await expect(bar).toHaveAttribute('aria-valuenow', '2');
  await expect(dialog.getByRole('button', { name: 'Importing…' })).toBeDisabled();
  release();

  await expect(dialog.getByRole('status')).toHaveText('2 files imported. 2 documents added.');
  await expect(result(dialog, 'ID1.docx')).toContainText('Imported');
  await expect(result(dialog, 'ID1.docx')).toContainText('Document: ID1');
  await expect(result(dialog, 'transcript.txt')).toContainText('Imported');
  await expect(result(dialog, 'transcript.txt')).toContainText('Document: transcript');
  await page.screenshot({ path: 'tests/artifacts/import-results.png' });

  await closeResults(page);
  await expect(list.getByRole('option')).toHaveCount(19);
  await expect(list.getByRole('option', { name: 'ID1', exact: true })).toBeVisible();
  // The first imported document opens in the reader.
  await expect(page.getByRole('region', { name: 'ID1', exact: true }).locator('[data-key]').first()).toBeVisible();
  await list.getByRole('option', { name: 'transcript', exact: true }).click();
  const reader = page.getByRole('region', { name: 'transcript', exact: true });
  await expect(reader).toContainText('hello, I like the course');
  await expect(reader).toContainText(/id2/i);

  const docs = (await documents(page, app)).map((d) => d.name);
  expect(docs.slice(-2)).toEqual(['ID1', 'transcript']);
});

test('importing the same Word interview again is skipped: same text', async ({ app, page }) => {
  test.skip(!hasExamples, NO_EXAMPLES);
  const list = await openWorkbench(page, app);
  const dialog = importDialog(page);

  await fileInput(page).setInputFiles(example('ID1.docx'));
  await runImport(dialog, 1);
  await expect(result(dialog, 'ID1.docx')).toContainText('Imported');
  await closeResults(page);
  await expect(list.getByRole('option', { name: 'ID1', exact: true })).toBeVisible();

  await fileInput(page).setInputFiles(example('ID1.docx'));
  await expect(fileCard(dialog, 'ID1.docx')).toContainText('Same text as “ID1”, already in the project: it will be skipped.');
  await runImport(dialog, 1);
  await expect(dialog.getByRole('status')).toHaveText('0 files imported, 1 skipped.');
  await expect(result(dialog, 'ID1.docx')).toContainText('Skipped');
  await expect(result(dialog, 'ID1.docx')).toContainText(/same text as "ID1"/);
  await closeResults(page);
  await expect(list.getByRole('option', { name: 'ID1', exact: true })).toHaveCount(1);
  expect((await documents(page, app)).filter((d) => d.name === 'ID1')).toHaveLength(1);
});

test('a damaged file fails with its reason and the other files still import', async ({ app, page }) => {
  const list = await openWorkbench(page, app);
  await fileInput(page).setInputFiles([
    {
      name: 'broken.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('Only plain text here, not a Word document.'),
    },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Interviewer: How was the group?\n\nAnna: Busy, but it helped.\n') },
  ]);
  const dialog = importDialog(page);
  const broken = fileCard(dialog, 'broken.docx');
  await expect(broken).toContainText('broken.docx is not a Word document (.docx): it is not a zip archive. It will be left out.');
  await expect(fileCard(dialog, 'notes.txt').getByRole('term')).toHaveText(['Interviewer', 'Anna']);

  await runImport(dialog, 1);
  await expect(dialog.getByRole('status')).toHaveText('1 file imported, 1 failed. 1 document added.');
  await expect(result(dialog, 'broken.docx')).toContainText('Failed');
  await expect(result(dialog, 'broken.docx')).toContainText('broken.docx is not a Word document (.docx)');
  await expect(result(dialog, 'notes.txt')).toContainText('Imported');
  await closeResults(page);

  await expect(list.getByRole('option')).toHaveCount(18);
  const reader = page.getByRole('region', { name: 'notes', exact: true });
  await expect(reader).toContainText('Busy, but it helped.');
  expect((await documents(page, app)).some((d) => d.name === 'broken')).toBe(false);
});

test('a survey spreadsheet: text column "freetext", names from "Case" → documents ID4–ID6 with attributes', async ({ app, page }) => {
  test.skip(!hasExamples, NO_EXAMPLES);
  const list = await openWorkbench(page, app);

  // Staging shows per file: hold the look inside the file and see the file waiting for it.
  const release = await holdReply(page, 'import.inspect');
  await fileInput(page).setInputFiles(example('survey456.csv'));
  const dialog = importDialog(page);
  const card = fileCard(dialog, 'survey456.csv');
  await expect(card).toContainText('Looking inside…');
  const preparing = dialog.getByRole('progressbar', { name: 'Preparing files' });
  await expect(preparing).toHaveAttribute('aria-valuenow', '0');
  await expect(preparing).toHaveAttribute('aria-valuemax', '1');
  await expect(dialog.getByRole('button', { name: 'Import files', exact: true })).toBeDisabled();
  release();
  await expect(preparing).toBeHidden();

  await card.getByRole('radio', { name: 'Texts to import as documents' }).check();
  const columns = card.getByRole('group', { name: 'Text columns' });
  for (const name of ['Case', 'Age', 'Gender', 'Interest']) await expect(columns.getByRole('checkbox', { name })).not.toBeChecked();
  await columns.getByRole('checkbox', { name: 'freetext' }).check();
  await card.getByRole('radio', { name: 'Each row is a document' }).check();
  await card.getByLabel('Document names from').selectOption('Case');
  const table = card.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Case name', 'Age attribute', 'Gender attribute', 'Interest attribute', 'freetext text']);
  await expect(table.getByRole('row').nth(1)).toContainText('ID4');
  await expect(card).toContainText('Up to 3 documents, one per row with text, named by “Case”.');

  // A column cannot hold both the text and the names: the import waits until that is fixed.
  await columns.getByRole('checkbox', { name: 'Case' }).check();
  await expect(card).toContainText('“Case” cannot be both a text column and the name column.');
  await expect(dialog.getByRole('button', { name: 'Import 1 file' })).toBeDisabled();
  await columns.getByRole('checkbox', { name: 'Case' }).uncheck();
  await page.screenshot({ path: 'tests/artifacts/import-dialog-spreadsheet.png' });

  await runImport(dialog, 1);
  await expect(result(dialog, 'survey456.csv')).toContainText('Imported 3 documents.');
  await expect(result(dialog, 'survey456.csv')).toContainText('Documents: ID4, ID5, ID6');
  await closeResults(page);

  // An option is named by what it shows: the document's name, then its attribute values.
  const option = (name: string) => list.getByRole('option', { name: new RegExp(`^${name}( |$)`) });
  for (const name of ['ID4', 'ID5', 'ID6']) await expect(option(name)).toBeVisible();
  await expect(option('ID4')).toHaveAccessibleName(/^ID4 .*shopping/);
  const project = await snapshot(page, app);
  const byName = new Map((await documents(page, app)).map((d) => [d.name, d]));
  expect(byName.get('ID4')?.attributes).toEqual({ Age: 24, Gender: 'f', Interest: 'shopping' });
  expect(byName.get('ID5')?.attributes).toEqual({ Gender: 'm', Interest: 'golf' });
  expect(byName.get('ID6')?.attributes).toMatchObject({ Age: 67, Interest: 'gardening' });
  expect(project.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Age', type: 'number' })]));
  await expect(page.getByRole('region', { name: 'ID4', exact: true })).toContainText('lost the interest');
});

test('a spreadsheet naming documents already in the project is offered as their attributes, matched by its name column', async ({ app, page }) => {
  await openWorkbench(page, app);
  // Names as a colleague typed them: another case, extra spaces. The backend says which name documents.
  const csv = 'Facilitator,Conversation\nAmara,01 hackney:  young people\nBen,02 TOWER HAMLETS: faith groups\n';
  await fileInput(page).setInputFiles({ name: 'facilitators.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = importDialog(page);
  const card = fileCard(dialog, 'facilitators.csv');
  await expect(card.getByRole('radio', { name: 'Attributes of documents already in the project' })).toBeChecked();
  await expect(card.getByLabel('Match documents by')).toHaveValue('Conversation');
  await runImport(dialog, 1);
  await closeResults(page);
  const byName = new Map((await documents(page, app)).map((d) => [d.name, d.attributes]));
  expect(byName.get('01 Hackney: young people')?.Facilitator).toBe('Amara');
  expect(byName.get('02 Tower Hamlets: faith groups')?.Facilitator).toBe('Ben');
});

test('files dropped on the document list: highlight, a file over 100 MB refused up front, the rest imported', async ({ app, page }) => {
  const list = await openWorkbench(page, app);
  const staged: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/import.stage')) staged.push((JSON.parse(request.postData() ?? '{}') as { fileName?: string }).fileName ?? '');
  });

  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Facilitator: hello\n\nP1: hi'], 'drop.txt', { type: 'text/plain' }));
    dt.items.add(new File([new Uint8Array(101 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' }));
    return dt;
  });
  const highlight = page.getByText('Drop files to import them');
  await expect(highlight).toBeHidden();
  await list.dispatchEvent('dragenter', { dataTransfer });
  await expect(highlight).toBeVisible();
  await list.dispatchEvent('drop', { dataTransfer });
  await expect(highlight).toBeHidden();

  const dialog = importDialog(page);
  await expect(fileCard(dialog, 'drop.txt').getByRole('term')).toHaveText(['Facilitator', 'P1']);
  await expect(fileCard(dialog, 'huge.txt')).toContainText('huge.txt is larger than 100 MB (it is 101 MB)');
  await runImport(dialog, 1);
  await expect(result(dialog, 'drop.txt')).toContainText('Imported');
  await expect(result(dialog, 'huge.txt')).toContainText('Failed');
  await expect(result(dialog, 'huge.txt')).toContainText('larger than 100 MB');
  expect(staged).toEqual(['drop.txt']);
  await closeResults(page);

  await expect(list.getByRole('option', { name: 'drop', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'drop', exact: true })).toContainText('hello');
});

test('an empty project invites an import, and the dialog lists what a REFI-QDA codebook brings', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await rpc(page, app, 'app.setCoderName', { name: 'Test Coder' });
  // The user chose Documents in the folder chooser (which lists it, and so grants it).
  await rpc(page, app, 'folders.list', { path: app.documentsDir });
  await rpc(page, app, 'project.create', { path: join(app.documentsDir, 'Empty study'), name: 'Empty study', template: 'empty' });
  await page.reload();

  const pane = page.getByRole('complementary', { name: 'Documents' });
  await expect(pane).toContainText('No documents yet');
  await expect(pane).toContainText('or drop the files here');
  const chooser = page.waitForEvent('filechooser');
  await pane.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles([
    { name: 'codes.qdc', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><CodeBook/>') },
    { name: 'notes.rtf', mimeType: 'application/rtf', buffer: Buffer.from('{\\rtf1 Notes}') },
  ]);
  const dialog = importDialog(page);
  await expect(fileCard(dialog, 'codes.qdc')).toContainText('REFI-QDA codebook');
  await expect(fileCard(dialog, 'codes.qdc')).toContainText('will be added to the codebook');
  await expect(fileCard(dialog, 'notes.rtf')).toContainText('notes.rtf cannot be imported: Marginalia does not read .rtf files');
  await fileCard(dialog, 'notes.rtf').getByRole('button', { name: 'Remove notes.rtf' }).click();
  await expect(fileCard(dialog, 'notes.rtf')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Import 1 file' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a REFI-QDA project with two overlapping codings: the preview offers the merge, and ticking it imports one coding', async ({ app, page }) => {
  const list = await openWorkbench(page, app);
  await fileInput(page).setInputFiles({ name: 'Overlaps.qdpx', mimeType: 'application/octet-stream', buffer: Buffer.from(overlappingQde) });
  const dialog = importDialog(page);
  const card = fileCard(dialog, 'Overlaps.qdpx');
  await expect(card).toContainText('2 codings overlap another of the same coder at the same code.');
  const merge = card.getByRole('checkbox', { name: /Merge them/ });
  await expect(merge).not.toBeChecked();
  await merge.check();
  await card.screenshot({ path: test.info().outputPath('refi-merge-preview.png') });
  await runImport(dialog, 1);
  await expect(result(dialog, 'Overlaps.qdpx')).toContainText('they were merged');
  await closeResults(page);

  await expect(list.getByRole('option')).toHaveCount(18);
  const state = await snapshot(page, app);
  const doc = (await documents(page, app)).find((d) => d.name === 'Commute')!;
  const ada = state.coders.find((c) => c.name === 'Ada')!;
  const codings = await rpc<{ start: number; end: number }[]>(page, app, 'document.codings', { documentId: doc.id, coderIds: [ada.id] });
  expect(codings.map((c) => [c.start, c.end])).toEqual([[4, 33]]);
});

test('a transcript saved as one line: the preview offers to split it into paragraphs, and the reader shows them', async ({ app, page }) => {
  const list = await openWorkbench(page, app);
  const words = 'I waited months for a referral and nobody called me back about it. '.repeat(300).trim();
  await fileInput(page).setInputFiles({ name: 'One line.txt', mimeType: 'text/plain', buffer: Buffer.from(words) });
  const dialog = importDialog(page);
  const card = fileCard(dialog, 'One line.txt');
  await expect(card).toContainText(/a line of 20,099 characters with no paragraph breaks/);
  await expect(card.getByRole('checkbox', { name: /Split such lines into paragraphs/ })).toBeChecked();
  await card.screenshot({ path: test.info().outputPath('long-line-offer.png') });
  await runImport(dialog, 1);
  await closeResults(page);

  await list.getByRole('option', { name: /^One line/ }).click();
  const reader = page.getByRole('region', { name: 'One line' });
  await expect(reader.locator('[data-key]').first()).toBeVisible();
  const doc = (await documents(page, app)).find((d) => d.name === 'One line')!;
  expect(doc.turnCount).toBeGreaterThanOrEqual(20);
});
