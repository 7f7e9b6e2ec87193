import type { Page } from '@playwright/test';
import type { DocumentSummary, ProjectSnapshot } from '../../shared/api/contract';
import { expect } from './web-app';
import type { WebApp } from './web-app';

/** Calls the backend as the page does: the token in the X-Marginalia-Token header. */
export async function rpc<T>(page: Page, app: Pick<WebApp, 'origin' | 'token'>, channel: string, input: object = {}): Promise<T> {
  const response = await page.request.post(`${app.origin}/rpc/${channel}`, {
    data: input,
    headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': app.token },
  });
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value as T;
}

/** The open project as the backend has it. */
export async function snapshot(page: Page, app: Pick<WebApp, 'origin' | 'token'>): Promise<ProjectSnapshot> {
  const state = await rpc<{ project: ProjectSnapshot | null }>(page, app, 'app.getState');
  if (!state.project) throw new Error('no project is open');
  return state.project;
}

/** Every document of the open project, as the Documents list gets them (the snapshot has only their tally). */
export async function documents(page: Page, app: Pick<WebApp, 'origin' | 'token'>): Promise<DocumentSummary[]> {
  return (await rpc<{ rows: DocumentSummary[] }>(page, app, 'documents.page', { filter: {}, offset: 0, limit: 2000 })).rows;
}

/**
 * Opens the sample, sets a coder name and reloads, so no name prompt gets in the way. Callers
 * then wait for whatever they need to be on screen after the reload.
 */
export async function openWithCoderName(page: Page, app: Pick<WebApp, 'url' | 'origin' | 'token'>): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(17);
  await rpc(page, app, 'app.setCoderName', { name: 'Test Coder' });
  await page.reload();
}
