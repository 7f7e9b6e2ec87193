import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { rpc, openWithCoderName } from './api';
import { expect, launchWebApp, test } from './web-app';

/*
 * Reliability as the user meets it, against the real `npm run web` entry: a project open in
 * another window opens read-only here (a lasting banner, changes refused with its reason, "Try
 * again" once the other window has gone), and a damaged project.json is offered for restoring
 * from its backup (the damaged file kept in damaged/).
 */

const PROJECT = join('Marginalia', 'Thrive LDN sample.marginalia');
const ARTIFACTS = join('tests', 'artifacts');

/** Every file under the project's coders/ with its text: what coding has saved. */
async function coderFiles(projectDir: string): Promise<Record<string, string>> {
  const dir = join(projectDir, 'coders');
  const names = await readdir(dir).catch(() => [] as string[]);
  const files: Record<string, string> = {};
  for (const name of names.sort()) files[name] = await readFile(join(dir, name), 'utf-8');
  return files;
}

/** Selects the first paragraph of the open document (a triple click) and codes it from the palette. */
async function codeFirstParagraph(page: Page, documentName: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: documentName }).click();
  const reader = page.getByRole('region', { name: documentName });
  const firstRun = reader.locator('[data-start]').first();
  await expect(firstRun).toBeVisible();
  await firstRun.click({ clickCount: 3 });
  await expect(page.getByRole('button', { name: /^Selected passage: / })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Code the selection' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox', { name: 'Filter codes' }).fill('healthy work');
  await expect(palette.getByRole('option').first()).toContainText('A healthy workforce');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

test('a project open in another window opens read-only: banner, changes refused with its reason, writable after "Try again"', async ({ app, page, browser }) => {
  const projectDir = join(app.documentsDir, PROJECT);
  // The first window has the sample open (and its lock); a coder name is set, so no prompt.
  await openWithCoderName(page, app);
  await expect(page.getByRole('button', { name: /Coding as Test Coder/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Read-only project' })).toHaveCount(0);

  // A second server on the same folders: a second Marginalia window on the same project.
  const second = await launchWebApp(app.dataDir, app.documentsDir);
  // Its own browser context, as a second window would have.
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  try {
    const page2 = await context.newPage();
    // Editing is off in the UI itself while read-only: no change request reaches the backend.
    let changeRequests = 0;
    await page2.route('**/rpc/coding.apply', (route) => {
      changeRequests += 1;
      return route.continue();
    });
    await page2.goto(second.url);
    await expect(page2.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
    const banner = page2.getByRole('status', { name: 'Read-only project' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('This project is open in another Marginalia window');
    await expect(banner).toContainText('it is open read-only here, so changes cannot be saved');

    // Coding is refused with the banner's reason (the banner says so), and nothing reaches the disk.
    const before = await coderFiles(projectDir);
    await codeFirstParagraph(page2, '04 Lambeth: commissioners');
    const refusal = banner.getByRole('alert');
    await expect(refusal).toHaveText('Your change was not saved.');
    await expect(banner).toContainText('This project is open in another Marginalia window');
    // A second attempt does not pile up a second copy of the message, nor a second alert with the reason.
    await page2.keyboard.press('Control+k');
    await page2.getByRole('combobox', { name: 'Filter codes' }).fill('healthy work');
    await page2.keyboard.press('Enter');
    await expect(page2.getByRole('alert')).toHaveCount(1);
    await expect(refusal).toBeVisible();
    await expect(page2.getByRole('status').filter({ hasText: /^Coded / })).toHaveCount(0);
    expect(await coderFiles(projectDir)).toEqual(before);
    expect(changeRequests).toBe(0);
    await page2.screenshot({ path: join(ARTIFACTS, 'read-only.png'), animations: 'disabled' });

    // "Try again" while the other window is still open: still read-only, and it says so.
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner).toContainText('still read-only');
    await expect(refusal).toHaveCount(0);

    // The first window goes away; "Try again" takes the lock and the banner goes.
    await app.stop();
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner).toBeHidden();
    await expect(page2.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);

    // Now coding is saved.
    await codeFirstParagraph(page2, '04 Lambeth: commissioners');
    await expect(page2.locator('footer [role="status"]')).toContainText('Code “A healthy workforce” in 04 Lambeth: commissioners');
    await expect(page2.getByRole('alert')).toHaveCount(0);
    expect(await coderFiles(projectDir)).not.toEqual(before);
    expect(changeRequests).toBe(1);
  } finally {
    await context.close();
    await second.stop();
  }
});

test('a damaged project.json is offered for restoring from its backup; the damaged file is kept in damaged/', async ({ app, page }) => {
  const projectDir = join(app.documentsDir, PROJECT);
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await rpc(page, app, 'app.setCoderName', { name: 'Test Coder' });
  // A later session changes project.json: the sample as it was then (17 documents) is backed up first.
  // (Backups are taken once per session and then every ten minutes; the first session's is from
  // before the sample's documents were added.)
  const backupsBefore = await readdir(join(projectDir, 'backups')).catch(() => [] as string[]);
  await app.restart();
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await rpc(page, app, 'code.create', { name: 'Checked before the damage', parentId: null });
  const backups = (await readdir(join(projectDir, 'backups'))).filter((n) => n.startsWith('project.') && !backupsBefore.includes(n));
  // A set when the session starts, and one when the last one closed after its changes.
  expect(backups.length).toBeGreaterThanOrEqual(1);

  // Marginalia quits; project.json is cut short (a failing disk, a bad sync); Marginalia starts again.
  await app.stop();
  const file = join(projectDir, 'project.json');
  const text = await readFile(file, 'utf-8');
  await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
  await app.restart();
  await page.goto(app.url);

  // The start screen says what is wrong, naming project.json, and offers the backup.
  await expect(page.getByRole('heading', { name: 'Marginalia', exact: true })).toBeVisible();
  const problem = page.getByRole('alert').filter({ hasText: 'project.json' });
  await expect(problem).toBeVisible();
  const restore = problem.getByRole('button', { name: /^Restore the backup of \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/ });
  await expect(restore).toBeVisible();
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'restore.png') });

  await restore.click();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await expect(page.getByRole('status').filter({ hasText: 'project.json was restored from the backup of' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'project.json' })).toHaveCount(0);
  // Every file the restore replaced is kept aside (the coder files too, when a whole set comes back).
  const damaged = (await readdir(join(projectDir, 'damaged'))).filter((n) => /^project\..*\.json$/.test(n));
  expect(damaged).toHaveLength(1);
  expect(damaged[0]).toMatch(/^project\..*\.json$/);
  expect(await readFile(join(projectDir, 'damaged', damaged[0]!), 'utf-8')).toBe(text.slice(0, Math.floor(text.length / 2)));
  // The restored file is sound: the project opens again after a restart, with no notice.
  await app.restart();
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
