/**
 * `npm start` on a machine where Electron's binary cannot be downloaded: one line on why the
 * download failed, then what to do, and no stack trace. The download is pointed at a closed
 * local port, so the test never downloads anything, with or without internet.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../electron/electron-binary';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe.skipIf(electronBinary() !== null)('npm start without the Electron binary', () => {
  it('says the download failed and points to browser mode, without a stack trace', () => {
    // An empty download cache too: a cached Electron zip would install instead of failing.
    const cache = mkdtempSync(join(tmpdir(), 'marginalia-electron-cache-'));
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, ['electron/launch/start.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    rmSync(cache, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^The download failed: .+\.$/m);
    expect(result.stderr).toContain('Run `npm run web` instead');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('TypeError');
  });
});
