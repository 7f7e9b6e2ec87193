import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { ELECTRON_MISSING, electronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));

const executablePath = electronBinary();

/** What the page sees; typed loosely on purpose, to call it with channels the contract lacks. */
interface Bridge {
  invoke(channel: string, input: unknown): Promise<{ ok: boolean; value?: { shell?: string } }>;
}
type PageGlobals = { marginalia?: Bridge; process?: unknown; document?: { body?: { innerText?: string } } };

test.skip(executablePath === null, ELECTRON_MISSING);

test.describe('desktop app', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ElectronApplication;
  let page: Page;
  let scratch: string;

  test.beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
    const env = { ...process.env };
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({
      executablePath: executablePath ?? undefined,
      args: ['.'],
      cwd: root,
      env: {
        ...env,
        MARGINALIA_DATA_DIR: join(scratch, 'data'),
        MARGINALIA_DOCUMENTS_DIR: join(scratch, 'documents'),
      },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('opens one window titled Marginalia, loaded from the app protocol', async () => {
    await page.waitForLoadState('domcontentloaded');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('Marginalia');
    expect(page.url()).toBe('app://marginalia/index.html');
  });

  test('renders the start screen or the project view', async () => {
    await expect
      .poll(() => page.evaluate(() => (globalThis as PageGlobals).document?.body?.innerText?.trim().length ?? 0))
      .toBeGreaterThan(0);
  });

  test('gives the page no Node, only the bridge', async () => {
    expect(await page.evaluate(() => typeof require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as PageGlobals).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as PageGlobals).marginalia?.invoke)).toBe('function');
  });

  test('answers contract calls with envelopes, and refuses unknown ones', async () => {
    const state = await page.evaluate(() => (globalThis as PageGlobals).marginalia?.invoke('app.getState', {}));
    expect(state?.ok).toBe(true);
    expect(state?.value?.shell).toBe('electron');
    const unknown = await page.evaluate(() =>
      (globalThis as PageGlobals).marginalia?.invoke('fs.readFile', { path: '/etc/passwd' }),
    );
    expect(unknown?.ok).toBe(false);
  });

  test('Help → About Marginalia opens the About box, with the no-network promise and the licences', async () => {
    await app.evaluate(({ Menu }) => {
      const help = Menu.getApplicationMenu()?.items.find((item) => item.label === 'Help');
      help?.submenu?.items.find((item) => item.label === 'About Marginalia')?.click();
    });
    const about = page.getByRole('dialog', { name: 'About Marginalia' });
    await expect(about).toContainText('Marginalia never connects to the internet.');
    await expect(about.getByRole('list', { name: 'Third-party licences' })).toContainText('xlsx');
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
  });
});
