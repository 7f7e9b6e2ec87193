import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './web-app';

const SAMPLE_COPY = join('Marginalia', 'Thrive LDN sample.marginalia');

/** On a first launch the workbench asks for the coder's name; these tests put it off. */
async function putOffNamePrompt(page: Page): Promise<void> {
  const prompt = page.getByRole('dialog', { name: 'What’s your name?' });
  await prompt.getByRole('button', { name: 'Not now' }).click();
  await expect(prompt).toBeHidden();
}

test('first launch opens a copy of the sample: 17 conversations, speaker turns and the codebook', async ({ app, page }) => {
  await page.goto(app.url);
  // The token leaves the address bar once it is exchanged for a cookie.
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  const documents = page.getByRole('listbox', { name: 'Documents' });
  await expect(documents.getByRole('option')).toHaveCount(17);
  await putOffNamePrompt(page);
  await expect(documents.getByRole('option', { name: '05 Southwark: carers' })).toBeVisible();

  const codebook = page.getByRole('tree', { name: 'Codebook' });
  for (const aspiration of ['Communities take the lead', 'Tackling stigma', 'Children and young people', 'A healthy workforce', 'Services there when and where needed', 'Zero suicide']) {
    await expect(codebook.getByRole('treeitem', { name: aspiration, exact: true })).toBeVisible();
  }
  await expect(codebook.getByRole('treeitem', { name: 'Building resilient communities', exact: true })).toBeVisible();

  await documents.getByRole('option', { name: '03 Newham: people who use services' }).click();
  const reader = page.getByRole('region', { name: '03 Newham: people who use services' });
  await expect(reader).toContainText('In my experience it\'s like a locked door with a sign saying come in.');
  await expect(reader.getByText('Participant 1', { exact: true }).first()).toBeVisible();
  await expect(reader).toContainText('Newham');
  await page.screenshot({ path: 'tests/artifacts/project-view.png' });

  // The user works in their own copy; the bundled sample is only ever read.
  const copy = join(app.documentsDir, SAMPLE_COPY);
  expect(existsSync(join(copy, 'project.json'))).toBe(true);
  expect((await readdir(join(copy, 'coders'))).length).toBe(2);
  expect(existsSync(join('resources', 'sample', 'project.json'))).toBe(false);
});

test('the start screen lists recent projects, and a closed project reopens from it after a restart', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await putOffNamePrompt(page);
  await page.getByRole('button', { name: 'Close project' }).click();
  const recent = page.getByRole('button', { name: /Thrive LDN community conversations/ });
  await expect(recent).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/start-screen.png' });

  await app.restart();
  await page.goto(app.url);
  // The last project opened comes back at launch, and its settings live in the data folder.
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  const settings = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf-8'));
  expect(settings.recentProjects[0].path).toBe(join(app.documentsDir, SAMPLE_COPY));
});

test('opening a folder that is not a project says so and names the file', async ({ app, page }) => {
  await page.goto(app.url);
  await putOffNamePrompt(page);
  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('button', { name: /Open project/ }).click();
  await page.getByLabel('Project folder path').fill(app.dataDir);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('is not a Marginalia project');
  await expect(page.getByRole('alert')).toContainText('project.json');
});

test('the server refuses requests without the token', async ({ app, request }) => {
  const response = await request.post(`${app.origin}/rpc/app.getState`, { data: {} });
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain('Thrive');
});
