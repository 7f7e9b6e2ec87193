import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openWithCoderName, rpc } from './api';
import { expect, test } from './web-app';

test.use({ viewport: { width: 1280, height: 720 } });

test('a new project made with the folder chooser, in an empty codebook, with no path typed', async ({ app, page }) => {
  await mkdir(join(app.documentsDir, 'Studies'), { recursive: true });
  await openWithCoderName(page, app);
  // The user closes the sample: the start screen, now and after a restart.
  await rpc(page, app, 'project.close');
  await app.restart();
  await page.goto(app.url);
  const start = page.getByRole('region', { name: 'Get started' });
  await expect(start).toBeVisible();
  await expect(page.getByRole('button', { name: /Thrive LDN community conversations/ })).toContainText(/\d{4}|today|Today|ago|:/);

  await start.getByRole('button', { name: /New project/ }).click();
  const form = page.getByRole('form', { name: 'New project' });
  await expect(form.getByLabel('Codebook')).toHaveValue('empty');
  await expect(form.getByLabel('Codebook').locator('option').first()).toHaveText('Empty codebook');
  await form.getByLabel('Project name').fill('Pilot study');
  await expect(form.getByTestId('new-project-path')).toHaveText(join(app.documentsDir, 'Marginalia', 'Pilot study.marginalia'));

  await form.getByRole('button', { name: 'Change folder…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose where the project goes' });
  const trail = chooser.getByRole('navigation', { name: 'Folder path' });
  await expect(trail.getByRole('button', { name: 'Marginalia' })).toHaveAttribute('aria-current', 'location');
  await trail.getByRole('button', { name: 'Home' }).click();
  await chooser.getByRole('button', { name: 'Documents', exact: true }).click();
  await expect(chooser.getByRole('button', { name: /Marginalia/ })).toBeVisible();
  await chooser.getByRole('button', { name: 'Studies' }).click();
  await expect(trail.getByRole('button', { name: 'Studies' })).toHaveAttribute('aria-current', 'location');
  await page.screenshot({ path: 'tests/artifacts/start-folder-chooser.png' });
  await chooser.getByRole('button', { name: 'Choose this folder' }).click();
  await expect(chooser).toBeHidden();
  const target = join(app.documentsDir, 'Studies', 'Pilot study.marginalia');
  await expect(form.getByTestId('new-project-path')).toHaveText(target);
  await page.screenshot({ path: 'tests/artifacts/start-new-project.png' });

  await form.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('listbox', { name: 'Documents' }).or(page.getByText('No documents yet'))).toBeVisible();
  expect(existsSync(join(target, 'project.json'))).toBe(true);
  const state = await rpc<{ project: { name: string; codebook: unknown[] } }>(page, app, 'app.getState');
  expect(state.project).toMatchObject({ name: 'Pilot study', codebook: [] });

  // Nothing outside the home folder is listed, whatever the page asks.
  await expect(rpc(page, app, 'folders.list', { path: dirname(dirname(app.documentsDir)) })).rejects.toThrow(/is outside your home folder/);
});

test('Open project in the browser: the folder chooser marks projects and opens one', async ({ app, page }) => {
  await openWithCoderName(page, app);
  await rpc(page, app, 'project.close');
  await page.reload();
  await page.getByRole('button', { name: /Open project/ }).click();
  const chooser = page.getByRole('dialog', { name: 'Open a project' });
  await chooser.getByRole('button', { name: /Thrive LDN sample\.marginalia.*Open project/ }).click();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
});

test('the sample opens on all coders; text pasted on the document list becomes a new document', async ({ app, page }) => {
  await openWithCoderName(page, app);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(17);
  await expect(page.getByLabel('Show codings of')).toHaveValue('all');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  const pasted = 'Facilitator: What would make the biggest difference?\n\nResident: Somewhere to go in the evenings.';
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await list.getByRole('option').first().click();
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: /Import/ });
  await expect(dialog).toContainText('Pasted text');
  await expect(dialog.getByLabel('Encoding')).toHaveValue('utf-8');
  await page.screenshot({ path: 'tests/artifacts/start-paste-import.png' });
  await dialog.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(list.getByRole('option')).toHaveCount(18);
  await expect(list.getByRole('option', { name: /Pasted text/ })).toBeVisible();
});
