import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { rpc } from './api';
import { expect, launchWebApp, test } from './web-app';

const SAMPLE_COPY = join('Marginalia', 'Thrive LDN sample.marginalia');

/** On a first launch the workbench asks for the coder's name; these tests put it off. */
async function putOffNamePrompt(page: Page): Promise<void> {
  const prompt = page.getByRole('dialog', { name: 'What’s your name?' });
  await prompt.getByRole('button', { name: 'Not now' }).click();
  await expect(prompt).toBeHidden();
}

test('first launch opens a copy of the sample: 17 conversations, speaker turns and the codebook', async ({ app, page }) => {
  await page.goto(app.url);
  // The token leaves the address bar (the tab keeps it in sessionStorage).
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

test('the start screen lists recent projects; a project the user closed stays closed after a restart and reopens from the list', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await putOffNamePrompt(page);
  await page.getByRole('button', { name: 'Close project' }).click();
  const recent = page.getByRole('button', { name: /Thrive LDN community conversations/ });
  await expect(recent).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/start-screen.png' });

  await app.restart();
  await page.goto(app.url);
  // Closed by the user, so the launch shows the start screen; the recent list opens it again.
  await page.getByRole('button', { name: /Thrive LDN community conversations/ }).click();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  const settings = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf-8'));
  expect(settings.recentProjects[0].path).toBe(join(app.documentsDir, SAMPLE_COPY));
});

test('opening a folder that is not a project says so and names the file', async ({ app, page }) => {
  await page.goto(app.url);
  await putOffNamePrompt(page);
  // The folder chooser offers only folders; a request naming another folder is refused in words:
  // one the user was never shown, and one they were (the chooser showed its parent) that holds no project.
  await expect(rpc(page, app, 'project.open', { path: app.dataDir })).rejects.toThrow(/was not chosen by you in this session, so Marginalia will not open it/);
  await rpc(page, app, 'folders.list', { path: dirname(app.dataDir) });
  await expect(rpc(page, app, 'project.open', { path: app.dataDir })).rejects.toThrow(/is not a Marginalia project folder \(it has no project\.json\)/);
});

test('the server refuses requests without the token', async ({ app, request }) => {
  const response = await request.post(`${app.origin}/rpc/app.getState`, { data: {} });
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain('Thrive');
});

test('signing in sets no cookie; a reload keeps the tab signed in, a fresh tab must use the printed address', async ({ app, page, context }) => {
  const setCookies: string[] = [];
  context.on('response', (response) => {
    const header = response.headers()['set-cookie'];
    if (header) setCookies.push(`${response.url()}: ${header}`);
  });
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  expect(setCookies).toEqual([]);
  expect(await context.cookies()).toEqual([]);

  // A tab opened on the bare address (as after a browser restart) has no token and says where it is.
  const fresh = await context.newPage();
  await fresh.goto(app.origin);
  await expect(fresh.getByRole('alert')).toContainText('address printed in the terminal');
  await fresh.goto(app.url);
  await expect(fresh.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
});

/** Every process's command line on this machine, as any local user can read them (`ps -eo args`). */
async function allCommandLines(): Promise<string> {
  const lines: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(join('/proc', pid, 'cmdline'), 'utf-8').catch(() => '');
    lines.push(cmdline.replace(/\0/g, ' '));
  }
  return lines.join('\n');
}

test('the browser is opened on a private file: no command line carries the token', async ({ page, context }) => {
  test.skip(process.platform !== 'linux', 'the fake opener stands in for xdg-open, the Linux opener');
  const root = await mkdtemp(join(tmpdir(), 'marginalia-opener-'));
  const log = join(root, 'opener.log');
  // The fake opener records its arguments and every command line running while it runs.
  await writeFile(
    join(root, 'xdg-open'),
    `#!/bin/sh\nfor f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < "$f" 2>/dev/null; echo; done > "${log}.ps"\nprintf '%s\\n' "$@" > "${log}"\n`,
  );
  await chmod(join(root, 'xdg-open'), 0o755);
  const server = await launchWebApp(join(root, 'data'), join(root, 'Documents'), { open: true, env: { PATH: `${root}:${process.env.PATH ?? ''}` } });
  try {
    await expect.poll(() => existsSync(log)).toBe(true);
    const args = (await readFile(log, 'utf-8')).trim().split('\n');
    expect(args).toHaveLength(1);
    expect(args[0]).toMatch(/^file:\/\/\/.*\/open\.html$/);
    expect(args[0]).not.toContain('token');
    // Other people's processes may mention "token=": this server's token is what must not show.
    for (const commandLines of [await readFile(`${log}.ps`, 'utf-8'), await allCommandLines()]) {
      expect(commandLines).toContain('out/main/web.js');
      expect(commandLines).not.toContain(server.token);
    }

    // The file is the user's alone, and it signs the browser in.
    const file = fileURLToPath(args[0]!);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(file))).mode & 0o777).toBe(0o700);
    await page.goto(args[0]!);
    await expect(page).toHaveURL(`${server.origin}/`);
    await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
    expect(await context.cookies()).toEqual([]);

    await server.stop();
    expect(existsSync(file)).toBe(false);
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
});
