import { defineConfig } from '@playwright/test';
import { ELECTRON_MISSING, electronBinary } from './tests/electron/electron-binary';

// Debian's Chromium: Playwright's own browser downloads are impossible on these machines.
const chromium = process.env.MARGINALIA_CHROMIUM ?? '/usr/bin/chromium';

// The list reporter shows skipped tests without their reason: say it once, plainly.
if (electronBinary() === null) console.log(`Desktop (Electron) tests will be skipped: ${ELECTRON_MISSING}`);

export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 820 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
