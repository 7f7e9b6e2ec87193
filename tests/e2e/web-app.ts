import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base } from '@playwright/test';

/** The address `npm run web` prints: the token rides in the fragment (`/login#token=…`). */
const RUNNING_AT = /Marginalia is running at (http:\/\/127\.0\.0\.1:\d+\/login#token=([\w.~-]+))/;

export interface WebApp {
  /** The URL printed by `npm run web`, token included. */
  url: string;
  /** The access token, for requests made outside the page (the X-Marginalia-Token header). */
  token: string;
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

interface Running {
  child: ChildProcess;
  url: string;
  token: string;
}

export interface LaunchOptions {
  /** Let the server open "the browser" (a fake opener on PATH) instead of passing --no-open. */
  open?: boolean;
  env?: NodeJS.ProcessEnv;
  /** More arguments for the server (`--project DIR` opens that project). */
  args?: string[];
}

async function launch(dataDir: string, documentsDir: string, options: LaunchOptions = {}): Promise<Running> {
  const child = spawn(
    process.execPath,
    // The server as `npm run web` runs it: built by electron-vite (npm test builds first).
    ['out/main/web.js', ...(options.open ? [] : ['--no-open']), '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    // The run's folder stands for the user's home: the folder chooser shows it and nothing above it.
    { env: { ...process.env, HOME: dirname(documentsDir), MARGINALIA_DOCUMENTS_DIR: documentsDir, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm run web did not start in time:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = RUNNING_AT.exec(out);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve([match[1], match[2]]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with ${code}:\n${stderr}`));
    });
  });
  return { child, url, token };
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
  token: string;
  origin: string;
  stop(): Promise<void>;
}

export async function launchWebApp(dataDir: string, documentsDir: string, options: LaunchOptions = {}): Promise<LaunchedWebApp> {
  const { child, url, token } = await launch(dataDir, documentsDir, options);
  return { url, token, origin: new URL(url).origin, stop: () => stop(child) };
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
      get token() {
        return running.token;
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
