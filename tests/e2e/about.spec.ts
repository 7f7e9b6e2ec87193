import { readFileSync } from 'node:fs';
import { expect, test } from './web-app';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('About, from the app mark in the top bar: version, no network, licences of every package', async ({ app, page }) => {
  await page.goto(app.url);
  const prompt = page.getByRole('dialog', { name: 'What’s your name?' });
  await prompt.getByRole('button', { name: 'Not now' }).click();

  const mark = page.getByRole('button', { name: 'About Marginalia' });
  await mark.click();
  const about = page.getByRole('dialog', { name: 'About Marginalia' });
  await expect(about).toContainText(`Version ${version}`);
  await expect(about).toContainText('Marginalia never connects to the internet.');
  await expect(about).toContainText('A new release follows each Electron security release');
  await expect(about).toContainText('free software under the MIT licence');

  const licences = about.getByRole('list', { name: 'Third-party licences' });
  const xlsx = licences.getByRole('listitem').filter({ hasText: /^xlsx\s/ });
  await expect(xlsx).toContainText('Apache-2.0');
  await xlsx.getByText('xlsx', { exact: true }).click();
  await expect(xlsx).toContainText('Apache License');
  await expect(licences.getByRole('listitem').filter({ hasText: /^electron\s/ })).toContainText('LICENSES.chromium.html');
  await page.screenshot({ path: 'tests/artifacts/about.png' });

  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  await expect(mark).toBeFocused();
});
