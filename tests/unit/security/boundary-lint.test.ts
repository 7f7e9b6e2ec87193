import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { Channel, ChangeChannel } from '../../../shared/api/contract';

/**
 * The architecture's "always go through X" rules are ESLint rules (eslint.config.js). Each is
 * checked here on a small offending file, so a rule that stopped matching is noticed.
 */
const eslint = new ESLint({ cwd: process.cwd() });

/** Every channel whose reply is a ChangeResult: the type check fails here when one is added and not listed. */
const CHANGE_CHANNELS = [
  'document.rename',
  'document.delete',
  'document.setAttribute',
  'coding.apply',
  'coding.applyMany',
  'coding.remove',
  'coding.setExtent',
  'coding.autocode',
  'coding.createCodeAndApply',
  'coding.inVivo',
  'coding.codeQuery',
  'query.save',
  'query.update',
  'query.delete',
  'code.create',
  'code.update',
  'code.delete',
  'code.merge',
  'code.move',
  'memo.create',
  'memo.update',
  'memo.delete',
  'attribute.define',
  'attribute.delete',
  'attribute.setColumn',
  'set.create',
  'set.rename',
  'coder.rename',
  'set.delete',
  'set.members',
  'history.undo',
  'history.redo',
  'agreement.resolve',
  'agreement.startConsensus',
  'document.setDone',
] as const satisfies readonly ChangeChannel[];
type Unlisted = Exclude<ChangeChannel, (typeof CHANGE_CHANNELS)[number]>;
const everyChangeChannelListed: [Unlisted] extends [never] ? true : Unlisted = true;

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('boundary lint rules', { timeout: 90_000 }, () => {
  it('stops the renderer importing the Electron shell, the services or Node', async () => {
    expect(await problems('renderer/src/features/reader/Bad.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringContaining('never Electron'),
    ]);
    expect(await problems('renderer/src/features/reader/Bad.ts', "import { x } from '../../../../electron/services/x';\nexport const a = x;\n")).toEqual([
      expect.stringContaining('renderer → shared'),
    ]);
    expect(await problems('renderer/src/app/Bad.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n")).toHaveLength(1);
    expect(await problems('renderer/src/features/reader/Good.ts', "import { trimSpan } from '../../../../shared/text/spans';\nexport const a = trimSpan;\n")).toEqual([]);
  });

  it('keeps zod (and the contract\'s schemas) out of the page, whose start they slow; types are free', async () => {
    expect(await problems('renderer/src/features/reader/Bad.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([expect.stringContaining('does not validate with zod')]);
    expect(await problems('renderer/src/features/reader/Bad.ts', "import { contract } from '../../../../shared/api/contract';\nexport const a = contract;\n")).toEqual([
      expect.stringContaining('only types from the contract'),
    ]);
    expect(
      await problems('renderer/src/features/reader/Good.ts', "import type { Channel } from '../../../../shared/api/contract';\nimport { MAX_DOCUMENT_PAGE } from '../../../../shared/api/limits';\nexport const a: Channel | number = MAX_DOCUMENT_PAGE;\n"),
    ).toEqual([]);
  });

  it("stops a feature importing another feature's styles, but not its own or ui's", async () => {
    expect(await problems('renderer/src/features/analysis/Bad.tsx', "import s from '../retrieval/retrieval.module.css';\nexport const a = s;\n")).toEqual([
      expect.stringContaining('keeps its styles to itself'),
    ]);
    expect(await problems('renderer/src/ui/Bad.tsx', "import s from '../features/reader/reader.module.css';\nexport const a = s;\n")).toHaveLength(1);
    expect(await problems('renderer/src/features/analysis/Good.tsx', "import s from './analysis.module.css';\nimport u from '../../ui/ui.module.css';\nexport const a = [s, u];\n")).toEqual([]);
  });

  it('keeps the network out of the renderer except in the ApiClient', async () => {
    expect(await problems('renderer/src/features/search/Bad.ts', "export const a = () => fetch('/x');\n")).toEqual([expect.stringContaining('Nothing leaves the machine')]);
    expect(await problems('renderer/src/api/client.ts', "export const a = () => fetch('/x');\n")).toEqual([]);
  });

  it('sends changes through the workbench, not api.call', async () => {
    const code = (channel: string) => `declare const api: { call(c: string, i: object): unknown };\nexport const a = () => api.call('${channel}', {});\n`;
    expect(everyChangeChannelListed).toBe(true);
    for (const channel of Object.keys(contract) as Channel[]) {
      const flagged = (await problems('renderer/src/features/codebook/Some.ts', code(channel))).length > 0;
      expect(flagged, channel).toBe((CHANGE_CHANNELS as readonly string[]).includes(channel));
    }
  });

  it('opens links only through safeOpenExternal, and IPC only in its two places', async () => {
    const open = "import { shell } from 'electron';\nexport const a = (u: string) => shell.openExternal(u);\n";
    expect(await problems('electron/main/window.ts', open)).toEqual([expect.stringContaining('safeOpenExternal')]);
    expect(await problems('electron/main/open-external.ts', open)).toEqual([]);
    const ipc = "import { ipcMain } from 'electron';\nexport const a = () => ipcMain.handle('x', () => 1);\n";
    expect(await problems('electron/main/menu.ts', ipc)).toEqual([expect.stringContaining('electron/main/ipc.ts')]);
    expect(await problems('electron/main/ipc.ts', ipc)).toEqual([]);
  });

  it('writes project files durably in the services', async () => {
    const write = "import { writeFile } from 'node:fs/promises';\nexport const a = () => writeFile('x', 'y');\n";
    expect(await problems('electron/services/project/bad.ts', write)).toEqual([expect.stringContaining('writeFileDurably')]);
    expect(await problems('electron/services/store/durable-file.ts', write)).toEqual([]);
  });
});
