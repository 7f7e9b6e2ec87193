import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateProject } from '../bench/generate';
import { launchWebApp } from './web-app';

/** A project of 1,000 generated documents in browser mode at 1280×720, the name prompt dismissed; `done` stops it and deletes its folders. */
export async function manyDocuments(page: Page, seed: number) {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-paged-'));
  const project = join(root, 'Many.marginalia');
  await generateProject(project, { seed, documents: 1000, totalChars: 400_000, bigDocumentChars: 4_000, codes: 300, codings: 400 });
  const server = await launchWebApp(join(root, 'data'), join(root, 'Documents'), { args: ['--project', project] });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(server.url);
  await page.getByRole('dialog', { name: 'What’s your name?' }).getByRole('button', { name: 'Not now' }).click();
  const done = async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
  return { server, done };
}
