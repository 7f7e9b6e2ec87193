import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ProjectLayout } from '../../electron/services/project/layout';
import { loadProject } from '../../electron/services/project/project-loader';
import { openWithCoderName } from './api';
import { expect, launchWebApp, test } from './web-app';

const PROJECT = join('Marginalia', 'Thrive LDN sample.marginalia');

async function createCode(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New code', exact: true }).click();
  await page.getByRole('textbox', { name: /^New code/ }).fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name, exact: true })).toBeVisible();
}

async function savedCodeNames(documentsDir: string): Promise<string[]> {
  // As saved: project.json with its change log replayed.
  const { state } = await loadProject(new ProjectLayout(join(documentsDir, PROJECT)), { discardTemp: false });
  return state.data.codebook.map((c) => c.name);
}

// Two servers on 127.0.0.1 share every cookie (cookies ignore ports): with a token cookie, the
// second sign-in replaced the first, and the first tab's changes were refused.
test('two browser-mode servers in one browser both keep working and both save', async ({ app, page, context }) => {
  // Two servers and two sample projects on a shared two-core machine.
  test.setTimeout(120_000);
  const root = await mkdtemp(join(tmpdir(), 'marginalia-second-'));
  const second = await launchWebApp(join(root, 'data'), join(root, 'Documents'));
  try {
    await openWithCoderName(page, app);
    const other = await context.newPage();
    await openWithCoderName(other, second);
    await expect(other.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
    await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);

    // The first tab, signed in before the second, still saves; then the second.
    await createCode(page, 'Saved by the first server');
    await createCode(other, 'Saved by the second server');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(other.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => savedCodeNames(app.documentsDir)).toContain('Saved by the first server');
    await expect.poll(() => savedCodeNames(join(root, 'Documents'))).toContain('Saved by the second server');
    expect(await savedCodeNames(app.documentsDir)).not.toContain('Saved by the second server');
    expect(await context.cookies()).toEqual([]);
  } finally {
    await second.stop();
    await rm(root, { recursive: true, force: true });
  }
});
