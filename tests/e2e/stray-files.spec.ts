import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documents, rpc, snapshot } from './api';
import { expect, test } from './web-app';

/*
 * Issue 15: a project folder holding files project.json does not list (a coder file whose coder
 * it lost, a transcript whose document it lost) says so when it opens, and one click re-attaches
 * them: the coder recreated with their codings, the transcript a document again, one step to undo.
 */

const PROJECT = join('Marginalia', 'Thrive LDN sample.marginalia');
const ARTIFACTS = join('tests', 'artifacts');
const STRAY_ID = '5b1c2d3e-0000-4000-8000-00000000abcd';

test('files project.json does not list are reported on opening and re-attached in one click', async ({ app, page }) => {
  const projectDir = join(app.documentsDir, PROJECT);
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await rpc(page, app, 'app.setCoderName', { name: 'Test Coder' });
  const before = await snapshot(page, app);
  const lost = before.coders[0]!;
  const codings = Object.values(before.codingCounts).reduce((sum, byCoder) => sum + (byCoder[lost.id] ?? 0), 0);
  expect(codings).toBeGreaterThan(0);

  // Marginalia quits; project.json loses a coder (their file stays) and a transcript is copied in.
  await app.stop();
  const file = join(projectDir, 'project.json');
  const project = JSON.parse(await readFile(file, 'utf-8'));
  await writeFile(file, JSON.stringify({ ...project, coders: project.coders.filter((c: { id: string }) => c.id !== lost.id) }, null, 1));
  const text = 'Interviewer: How did the group start?\n\nResident: We met at the library.';
  await writeFile(join(projectDir, 'sources', `${STRAY_ID}.txt`), text);
  await writeFile(join(projectDir, 'sources', `${STRAY_ID}.turns.json`), JSON.stringify({ schemaVersion: 1, documentId: STRAY_ID, turns: [] }));
  await app.restart();
  await page.goto(app.url);

  const banner = page.getByRole('status', { name: 'Files the project does not list' });
  await expect(banner).toContainText('1 coder file and 1 transcript in this project folder are not listed in project.json.');
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'stray-files.png') });

  await banner.getByRole('button', { name: 'Re-attach' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Coder "${lost.name}" was recreated from coders/${lost.id}.json with` })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(18);
  await page.screenshot({ path: join(ARTIFACTS, 'stray-files-reattached.png') });
  const after = await snapshot(page, app);
  expect(after.coders.find((c) => c.id === lost.id)?.name).toBe(lost.name);
  expect(Object.values(after.codingCounts).reduce((sum, byCoder) => sum + (byCoder[lost.id] ?? 0), 0)).toBe(codings);
  expect((await documents(page, app)).map((d) => d.name)).toContain(`Recovered transcript (sources/${STRAY_ID}.txt)`);
  // A copy of the coder's file as it was is kept aside.
  expect((await readdir(join(projectDir, 'damaged'))).some((n) => n.startsWith(`coders-${lost.id}.`))).toBe(true);
  // One step, to undo like any other.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  expect(await rpc(page, app, 'history.state')).toMatchObject({ canUndo: true, undoLabel: 'Re-attach files project.json did not list' });

  // Opened again, the project has nothing more to report.
  await app.restart();
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(18);
  await expect(page.getByRole('status', { name: 'Files the project does not list' })).toHaveCount(0);
});
