import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page, TestInfo } from '@playwright/test';
import Papa from 'papaparse';
import XLSX from 'xlsx';
import yauzl from 'yauzl';
import type { Input, MatrixView, ProjectSnapshot } from '../../shared/api/contract';
import { documents, rpc, snapshot, openWithCoderName } from './api';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * Export and analysis in a real browser against the real `npm run web` entry: the export
 * dialog's Excel workbook, CSV and REFI-QDA project, read back from the downloaded files; the
 * matrix against the backend's own figures, a cell's passages, and "Export to Excel" against
 * the table on screen; the frequencies bar chart.
 */

/** Opens the sample with a coder name already set, so no name prompt gets in the way. */
async function openWorkbench(page: Page, app: WebApp): Promise<ProjectSnapshot> {
  await openWithCoderName(page, app);
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: 'Zero suicide', exact: true })).toBeVisible();
  return snapshot(page, app);
}

function totalCodings(project: ProjectSnapshot): number {
  return Object.values(project.codingCounts)
    .flatMap((byCoder) => Object.values(byCoder))
    .reduce((a, b) => a + b, 0);
}

async function saved(download: Download, testInfo: TestInfo, name: string): Promise<Buffer> {
  const path = testInfo.outputPath(name);
  await download.saveAs(path);
  return readFile(path);
}

/** Rows of a sheet as arrays, header first, empty cells as null. */
function sheetRows(book: XLSX.WorkBook, name: string): unknown[][] {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, raw: true });
}

function zipEntries(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function openExport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Runs the export the dialog is set up for and waits for the file it saves. */
async function runExport(page: Page, dialog: Locator): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  await expect(dialog.getByText(/^Saved /)).toBeVisible();
  return download;
}

async function showAnalysis(page: Page, view: 'Matrix' | 'Co-occurrence' | 'Frequencies') {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: view, exact: true }).click();
}

/** A table as it reads on screen: header texts, then each row's texts. */
async function tableOnScreen(table: Locator): Promise<{ headers: string[]; rows: string[][] }> {
  return table.evaluate((t: HTMLTableElement) => ({
    headers: Array.from(t.tHead!.rows[0]!.cells, (c) => c.textContent!.trim()),
    rows: Array.from(t.tBodies[0]!.rows, (r) => Array.from(r.cells, (c) => c.textContent!.trim())),
  }));
}

const screenNumber = (text: string) => Number(text.replace(/,/g, ''));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const everything = { codeIds: null, documentIds: null, attributes: {}, coderIds: null };

test('the export dialog saves a complete workbook, a CSV with a BOM and a REFI-QDA project', async ({ app, page }, testInfo) => {
  const project = await openWorkbench(page, app);
  const total = totalCodings(project);
  expect(total).toBeGreaterThan(100);
  const sample = JSON.parse(await readFile('resources/sample/sample.json', 'utf-8')) as { codings: { quote: string }[] };
  const knownPassage = sample.codings[0]!.quote;

  // Excel, crossed with Borough only.
  let dialog = await openExport(page);
  await dialog.getByRole('radio', { name: /Excel workbook/ }).check();
  const cross = dialog.getByRole('group', { name: 'Cross codes with' });
  await expect(cross.getByRole('checkbox', { name: 'Stakeholder group' })).toBeChecked(); // the default, when present
  await cross.getByRole('checkbox', { name: 'Stakeholder group' }).uncheck();
  await cross.getByRole('checkbox', { name: 'Borough' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Add agreement sheets for two coders' })).toBeVisible(); // two coders
  await page.screenshot({ path: 'tests/artifacts/export-dialog.png' });

  // While the backend works, the dialog shows its progress events. The reply is held back
  // here until the bar has shown the last stage, so the check does not race a fast export.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/export.workbook', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Exporting' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^Writing the workbook · (\d+) of \1$/);
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(5);
  await expect(dialog.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
  release();
  const workbook = await downloading;
  await expect(dialog.getByText(/^Saved /)).toBeVisible();
  await page.unroute('**/rpc/export.workbook');
  expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = XLSX.read(await saved(workbook, testInfo, 'export.xlsx'), { type: 'buffer', cellDates: true });
  for (const name of ['Coded segments', 'Codebook', 'Code × document', 'Code × Borough', 'Co-occurrence', 'Memos']) {
    expect(book.SheetNames, `sheet ${name}`).toContain(name);
  }
  expect(book.SheetNames).not.toContain('Code × Stakeholder group');

  const segments = sheetRows(book, 'Coded segments');
  const header = segments[0] as string[];
  expect(segments.length - 1).toBe(total);
  const textColumn = header.indexOf('Coded text');
  expect(segments.slice(1).some((row) => row[textColumn] === knownPassage)).toBe(true);
  // Numbers are numbers: offsets in the segments, counts in the crossed sheet.
  const start = header.indexOf('Start');
  expect(segments.slice(1).every((row) => typeof row[start] === 'number')).toBe(true);
  // The count sheets count distinct passages (the two coders' overlapping passages once), and say so.
  const byBorough = sheetRows(book, 'Code × Borough');
  const totals = byBorough[byBorough.length - 2]!;
  expect(totals[0]).toBe('Total passages');
  expect(totals.slice(1).every((v) => typeof v === 'number')).toBe(true);
  const distinct = await rpc<MatrixView>(page, app, 'analysis.matrix', { selection: everything, columns: { kind: 'attribute', name: 'Borough' }, measure: 'segments', rollUp: true });
  expect(totals[totals.length - 1]).toBe(distinct.total);
  expect(distinct.total).toBeLessThan(total);
  expect(byBorough[byBorough.length - 1]![0]).toBe(distinct.statement);
  const boroughCell = book.Sheets['Code × Borough']!.B2!;
  expect(boroughCell.t).toBe('n');

  // CSV of coded segments: UTF-8 with a BOM, one row per coding.
  await dialog.getByRole('button', { name: 'Export something else' }).click();
  await dialog.getByRole('radio', { name: /CSV of coded segments/ }).check();
  await expect(dialog.getByRole('group', { name: 'Cross codes with' })).toHaveCount(0); // Excel only
  const csvFile = await saved(await runExport(page, dialog), testInfo, 'export.csv');
  expect([...csvFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = Papa.parse<string[]>(csvFile.toString('utf-8').slice(1), { skipEmptyLines: true });
  expect(csv.data.length - 1).toBe(total);
  expect(csv.data.some((row) => row.includes(knownPassage))).toBe(true);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // The whole project in the REFI-QDA exchange format.
  dialog = await openExport(page);
  await dialog.getByRole('radio', { name: /REFI-QDA project/ }).check();
  const qdpx = await runExport(page, dialog);
  expect(qdpx.suggestedFilename()).toMatch(/\.qdpx$/);
  expect(await zipEntries(await saved(qdpx, testInfo, 'export.qdpx'))).toContain('project.qde');
});

test('the export dialog limits a workbook to ticked codes and one coder', async ({ app, page }, testInfo) => {
  const project = await openWorkbench(page, app);
  const amara = project.coders.find((c) => c.name === 'Amara Okafor')!;
  const themes = project.codebook.find((c) => c.name === 'Cross-cutting themes')!;
  const themeIds = new Set([themes.id, ...project.codebook.filter((c) => c.parentId === themes.id).map((c) => c.id)]);
  const expected = Object.entries(project.codingCounts)
    .filter(([codeId]) => themeIds.has(codeId))
    .reduce((sum, [, byCoder]) => sum + (byCoder[amara.id] ?? 0), 0);
  expect(expected).toBeGreaterThan(0);

  const dialog = await openExport(page);
  await dialog.getByRole('radio', { name: 'Only some codes…' }).check();
  const codes = dialog.getByRole('list', { name: 'Codes to export' });
  await codes.getByRole('checkbox', { name: 'Cross-cutting themes' }).check();
  // Ticking a folder ticks its whole subtree.
  await expect(codes.getByRole('checkbox', { name: 'Trust in services' })).toBeChecked();
  await dialog.getByRole('group', { name: 'Coders' }).getByRole('checkbox', { name: 'Tom Reilly' }).uncheck();
  const book = XLSX.read(await saved(await runExport(page, dialog), testInfo, 'themes.xlsx'), { type: 'buffer' });
  const rows = sheetRows(book, 'Coded segments');
  const header = rows[0] as string[];
  expect(rows.length - 1).toBe(expected);
  expect(new Set(rows.slice(1).map((r) => r[header.indexOf('Coder')]))).toEqual(new Set(['Amara Okafor']));
  expect(rows.slice(1).every((r) => String(r[header.indexOf('Code path')]).startsWith('Cross-cutting themes'))).toBe(true);
});

test('matrix: a cell agrees with the backend, lists its passages, and exports as shown', async ({ app, page }, testInfo) => {
  const project = await openWorkbench(page, app);
  await showAnalysis(page, 'Matrix');
  await page.getByLabel('Columns', { exact: true }).selectOption('Stakeholder group');
  await page.getByLabel('Count', { exact: true }).selectOption('segments');

  const request: Input<'analysis.matrix'> = {
    selection: everything,
    columns: { kind: 'attribute', name: 'Stakeholder group' },
    measure: 'segments',
    rollUp: true,
    // As the view counts: each coder's passages added up, so a cell lists as many codings as it counts.
    counting: 'perCoder',
  };
  const matrix = await rpc<MatrixView>(page, app, 'analysis.matrix', request);
  const zeroSuicide = project.codebook.find((c) => c.name === 'Zero suicide')!;
  const expected = matrix.cells[matrix.rowKeys.indexOf(zeroSuicide.id)]![matrix.columnKeys.indexOf('Young people')]!;
  expect(expected).toBeGreaterThan(0);

  const cell = page.getByRole('button', { name: `Zero suicide × Young people: ${expected} ${expected === 1 ? 'segment' : 'segments'}`, exact: true });
  await expect(cell).toHaveText(String(expected));
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  const list = page.getByRole('list', { name: 'Segments: Zero suicide × Young people' });
  await expect(list.getByRole('listitem')).toHaveCount(expected);
  // Every passage listed is from a conversation with young people.
  const youngPeople = (await documents(page, app)).filter((d) => d.attributes['Stakeholder group'] === 'Young people').map((d) => d.name);
  for (const text of await list.locator('[data-segment="doc"]').allTextContents()) expect(youngPeople).toContain(text);
  await page.screenshot({ path: 'tests/artifacts/matrix.png' });

  // The cells are reachable by keyboard: arrows move between them, Enter lists a cell's passages.
  await cell.focus();
  await page.keyboard.press('ArrowUp');
  const above = page.locator(':focus');
  await expect(above).toHaveAttribute('aria-label', /^Services there when and where needed × Young people: /);
  await page.keyboard.press('ArrowDown');
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(expected);

  // The table on screen, and the workbook "Export to Excel" saves from it, cell for cell.
  const table = page.getByRole('table', { name: 'Coded segments per code and Stakeholder group' });
  const shown = await tableOnScreen(table);
  expect(shown.headers).toEqual(['Code', ...matrix.columnLabels, 'Total']);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const book = XLSX.read(await saved(await downloading, testInfo, 'matrix.xlsx'), { type: 'buffer' });
  expect(book.SheetNames).toEqual(['Code × Stakeholder group']);
  const exported = sheetRows(book, 'Code × Stakeholder group');
  expect(exported[0]).toEqual(shown.headers);
  expect(exported.length - 1).toBe(shown.rows.length);
  shown.rows.forEach((row, r) => {
    const out = exported[r + 1]!;
    expect(out[0]).toBe(row[0]);
    row.slice(1).forEach((text, c) => {
      expect(typeof out[c + 1]).toBe('number');
      expect(out[c + 1]).toBe(screenNumber(text));
    });
  });
  // Sub-codes are shown by their path, as in the workbook's sheets.
  expect(shown.rows.map((r) => r[0])).toContain('Cross-cutting themes > Trust in services');

  // A passage opens in the reader; back in Analysis the view is as it was left.
  await list.getByRole('listitem').first().getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByLabel('Columns', { exact: true })).toHaveValue('Stakeholder group');
  await expect(list.getByRole('listitem')).toHaveCount(expected);
});

test('frequencies: a bar per code with its count, most first; co-occurrence names the pair', async ({ app, page }) => {
  const project = await openWorkbench(page, app);
  await showAnalysis(page, 'Frequencies');
  const matrix = await rpc<MatrixView>(page, app, 'analysis.matrix', {
    selection: everything,
    columns: { kind: 'documents' },
    measure: 'segments',
    rollUp: true,
    counting: 'perCoder',
  });
  const table = page.getByRole('table', { name: 'Coded segments per code, most first' });
  await expect(table.getByRole('row')).toHaveCount(project.codebook.length + 1);
  // Each bar: its code (the button's name, with the code's path) and the number shown beside it.
  const codesShown = await table.locator('tbody th button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  const numbersShown = await table.locator('tbody td').allTextContents();
  const names = new Map(project.codebook.map((c) => [c.id, c]));
  const label = (id: string): string => {
    const code = names.get(id)!;
    return code.parentId ? `${label(code.parentId)} > ${code.name}` : code.name;
  };
  const expected = new Map(matrix.rowKeys.map((id, i) => [label(id), matrix.rowTotals[i]!]));
  const counts = codesShown.map((name, i) => [name.replace(/: [\d,]+ segments?$/, ''), screenNumber(numbersShown[i]!)] as const);
  expect(new Set(counts.map(([name]) => name))).toEqual(new Set(expected.keys()));
  for (const [name, count] of counts) expect(count, name).toBe(expected.get(name));
  expect(codesShown.map((name, i) => name.endsWith(`: ${numbersShown[i]} ${numbersShown[i] === '1' ? 'segment' : 'segments'}`))).not.toContain(false);
  expect(counts.map(([, n]) => n)).toEqual([...counts.map(([, n]) => n)].sort((a, b) => b - a));
  const zero = project.codebook.find((c) => c.name === 'Zero suicide')!;
  const zeroCount = matrix.rowTotals[matrix.rowKeys.indexOf(zero.id)]!;
  await expect(table.getByRole('button', { name: `Zero suicide: ${zeroCount} segments`, exact: true })).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/frequencies.png' });

  // Co-occurrence: each cell says which pair it counts, and how often they overlap.
  await showAnalysis(page, 'Co-occurrence');
  const co = await rpc<{ codeIds: string[]; matrix: number[][] }>(page, app, 'analysis.cooccurrence', { selection: everything });
  const z = co.codeIds.indexOf(zero.id);
  await expect(page.getByRole('button', { name: `Zero suicide: ${co.matrix[z]![z]} codings (the code itself)`, exact: true })).toBeVisible();
  const partner = co.matrix[z]!.findIndex((n, i) => i !== z && n > 0);
  expect(partner).toBeGreaterThanOrEqual(0);
  const pair = page.getByRole('button', { name: new RegExp(`^Zero suicide × .*${escape(names.get(co.codeIds[partner]!)!.name)}: ${co.matrix[z]![partner]} overlaps?$`) });
  await pair.click();
  await expect(page.getByRole('list', { name: /^Overlapping passages: Zero suicide × / }).getByRole('listitem')).toHaveCount(co.matrix[z]![partner]!);
  await page.screenshot({ path: 'tests/artifacts/cooccurrence.png' });
});
