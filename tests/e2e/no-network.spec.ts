import type { Page } from '@playwright/test';
import { expect, test } from './web-app';
import type { WebApp } from './web-app';

/*
 * Nothing leaves the machine: every request the page makes during a whole working session —
 * opening the project, importing, coding, the analysis and agreement views, exporting — is
 * recorded, and each must go to the browser-mode server on 127.0.0.1.
 */

async function rpc<T>(page: Page, app: WebApp, channel: string, input: object = {}): Promise<T> {
  // From inside the page, so the request is one the page makes (with the token, as the page sends it).
  const reply = await page.evaluate(
    async ([c, body, token]) =>
      (await fetch(`/rpc/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': token }, body })).json(),
    [channel, JSON.stringify(input), app.token] as const,
  );
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value as T;
}

test('a full session makes requests to 127.0.0.1 only', async ({ app, page, context }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => requests.push(request.url()));

  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  const notNow = page.getByRole('button', { name: 'Not now' });
  if (await notNow.isVisible()) await notNow.click();
  await rpc(page, app, 'app.setCoderName', { name: 'Network Test' });
  await page.reload();

  // Import through the Documents pane's file input.
  await page.locator('input[type="file"]').first().setInputFiles({ name: 'walk.txt', mimeType: 'text/plain', buffer: Buffer.from('Facilitator: How do you get there?\n\nP1: I walk to the library.\n') });
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(dialog.getByRole('list', { name: 'Import results' })).toContainText('walk.txt');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Code, with undo and redo, through the API the page uses.
  const state = await rpc<{ project: { codebook: { id: string; name: string }[]; coders: { id: string }[] } }>(page, app, 'app.getState');
  const listed = await rpc<{ rows: { id: string; name: string }[] }>(page, app, 'documents.page', { filter: {}, offset: 0, limit: 2000 });
  const doc = listed.rows.find((d) => d.name === 'walk')!;
  const code = state.project.codebook.find((c) => c.name === 'Communities take the lead')!;
  await rpc(page, app, 'coding.apply', { documentId: doc.id, codeId: code.id, start: 0, end: 10 });
  await rpc(page, app, 'history.undo');
  await rpc(page, app, 'history.redo');

  // The analysis and agreement views, then the exports.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Agreement' }).click();
  await page.getByRole('tab', { name: 'Reader' }).click();
  const coders = state.project.coders.map((c) => c.id).slice(0, 2);
  await rpc(page, app, 'agreement.compute', { coderIds: coders, codeIds: null, documentIds: null, attributes: {}, mode: 'character' });
  const all = { codeIds: null, documentIds: null, attributes: {}, coderIds: null };
  await rpc(page, app, 'export.workbook', { selection: all, attributeColumns: 'all', crossAttributes: [], rollUp: false, sheetPerCode: false, agreement: null });
  await rpc(page, app, 'export.refi', { format: 'qdpx' });
  await page.waitForTimeout(500);

  expect(requests.length).toBeGreaterThan(10);
  const foreign = requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:http:\/\/127\.0\.0\.1:\d+\/)/.test(url));
  expect(foreign).toEqual([]);
});
