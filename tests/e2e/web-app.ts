import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface WebApp {
  /** The URL printed by `npm run web`, token included. */
  url: string;
  /** Origin without the token, for requests that must be refused. */
  origin: string;
  /** The user's folders for this run: app data and documents (where the sample copy goes). */
  dataDir: string;
  documentsDir: string;
  /** Stops and starts the server on the same folders, as a user quitting and relaunching. */
  restart(): Promise<void>;
  /** Stops the server (as a user quitting); `restart()` starts it again. */
  stop(): Promise<void>;
}

async function launch(dataDir: string, documentsDir: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    // The server as `npm run web` runs it: built by electron-vite (npm test builds first).
    ['out/main/web.js', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    { env: { ...process.env, MARGINALIA_DOCUMENTS_DIR: documentsDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm run web did not start in time:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Marginalia is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with ${code}:\n${stderr}`));
    });
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Another `npm run web` server, on folders of the caller's choosing (a second window on the same project, or `--project` another one). */
export interface LaunchedWebApp {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export async function launchWebApp(dataDir: string, documentsDir: string, extraArgs: string[] = []): Promise<LaunchedWebApp> {
  const { child, url } = await launch(dataDir, documentsDir, extraArgs);
  return { url, origin: new URL(url).origin, stop: () => stop(child) };
}

/** Each test gets its own browser-mode server (the real `npm run web` entry) on fresh folders. */
export const test = base.extend<{ app: WebApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  app: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'marginalia-e2e-'));
    const dataDir = join(root, 'data');
    const documentsDir = join(root, 'Documents');
    let running = await launch(dataDir, documentsDir);
    const app: WebApp = {
      get url() {
        return running.url;
      },
      get origin() {
        return new URL(running.url).origin;
      },
      dataDir,
      documentsDir,
      async restart() {
        await stop(running.child);
        running = await launch(dataDir, documentsDir);
      },
      async stop() {
        await stop(running.child);
      },
    };
    await use(app);
    await stop(running.child);
    await rm(root, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
