import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { marginalia } from '../../helpers/cli';
import { fixedDeps } from '../../helpers/temp-dir';

// The real command, a second or more a run on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

describe('marginalia export --report', () => {
  let root: string;
  let project: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-test-'));
    project = join(root, 'Thrive.marginalia');
    await (await createSampleProject(resolve('resources'), project, fixedDeps())).close();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuses a file name that is not .html or .htm, naming it, and writes nothing', async () => {
    for (const name of ['report.pdf', 'report', 'report.html.txt']) {
      const file = join(root, name);
      const result = await marginalia('export', project, '--report', file);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--report "${file}": the coding report is an HTML page; name it .html or .htm`);
      expect(existsSync(file)).toBe(false);
    }
    expect((await marginalia('export', project, '--report', join(root, 'Report.HTM'))).code).toBe(0);
  });

  it('says on its first page which filters made it', async () => {
    const file = join(root, 'hackney.html');
    const result = await marginalia('export', project, '--report', file, '--where', 'Borough=Hackney', '--codes', 'Zero suicide', '--coders', 'Tom Reilly');
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('<li>Selection: codes Zero suicide (with their sub-codes); coders Tom Reilly; documents where Borough = Hackney</li>');
  });
});
