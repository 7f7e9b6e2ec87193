import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemDeps } from '../../electron/services/deps';
import type { ExportChunk, ExportedFile } from '../../shared/api/contract';
import { everything } from '../../electron/services/export/coded-data';
import { workbookSheets } from '../../electron/services/export/excel-export';
import { ProjectStore } from '../../electron/services/project/project-store';
import type { StepResult } from './steps';
import { rpc, startServer, stopServer, vmPeakMb } from './page';

/**
 * The export's benchmark steps, each in a fresh Node process like the others:
 *
 *   node --import tsx tests/bench/export-steps.ts xlsx|export-wait CONFIG_JSON
 *
 * xlsx: `marginalia export --xlsx` as a user runs it (the installed bin script, in a process of
 * its own: start-up included), its wall time and peak memory; then the peer, openpyxl in
 * write-only mode (what QualCoder's export uses), writing the same sheets and rows, timed
 * without its reading of them (tests/bench/openpyxl_peer.py). Skipped, saying so, when
 * /usr/bin/python3 has no openpyxl.
 *
 * export-wait: browser mode's server (built) exporting the same workbook through
 * `export.workbook` and reading it back as the export dialog does (`export.read`, a piece at a
 * time), while another request (one that does no work of its own) is sent every 20 ms: the
 * longest of their round trips is how long the backend kept someone waiting.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PYTHON = '/usr/bin/python3';
/** The same workbook in every step: every attribute as a column, the codes crossed with Site. */
const CROSS = 'Site';

interface Config {
  project: string;
  work: string;
  out: string;
}

const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr, ms: performance.now() - started })));
}

/** The rows the export writes, as JSON lines for the peer (dates as their local parts). */
async function dumpRows(project: string, file: string): Promise<void> {
  const store = await ProjectStore.open(project, systemDeps, { access: 'read' });
  const out = createWriteStream(file);
  const put = (line: string) => new Promise<void>((done) => (out.write(`${line}\n`) ? done() : out.once('drain', () => done())));
  const cell = (v: unknown) =>
    v instanceof Date ? { d: [v.getFullYear(), v.getMonth() + 1, v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds(), v.getMilliseconds()] } : v;
  const { sheets } = workbookSheets(store, everything, { attributeColumns: 'all', crossAttribute: CROSS, rollUp: true });
  for await (const sheet of sheets) {
    await put(JSON.stringify({ sheet: sheet.name, columns: sheet.columns.map((c) => c.header) }));
    for await (const row of sheet.rows) await put(JSON.stringify(row.map(cell)));
  }
  await new Promise<void>((done) => out.end(() => done()));
}

function hasOpenpyxl(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0;
}

async function xlsx(config: Config): Promise<StepResult> {
  const file = join(config.work, 'bench.xlsx');
  const rssFile = join(config.work, 'cli.maxrss');
  // The child writes its own peak resident memory as it exits (getrusage, all its threads).
  const reportPeak = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const cli = await run(process.execPath, ['--import', reportPeak, 'electron/cli/bin.mjs', 'export', config.project, '--xlsx', file, '--cross', CROSS]);
  if (cli.code !== 0) throw new Error(`marginalia export failed (${cli.code}): ${cli.stderr}`);
  const peakRssMb = round(Number(readFileSync(rssFile, 'utf8')) / 1024);
  const figures: StepResult['figures'] = { cliMs: round(cli.ms), xlsxMb: round(statSync(file).size / 1e6, 1), summary: cli.stdout.trim() };

  if (!hasOpenpyxl()) {
    figures.peerSkipped = `${PYTHON} has no openpyxl (apt-get install python3-openpyxl): the peer was not measured`;
    process.stderr.write(`  · ${figures.peerSkipped}\n`);
  } else {
    const rows = join(config.work, 'rows.jsonl');
    await dumpRows(config.project, rows);
    const peer = await run(PYTHON, [join(repoRoot, 'tests', 'bench', 'openpyxl_peer.py'), rows, join(config.work, 'peer.xlsx')]);
    if (peer.code !== 0) throw new Error(`the openpyxl peer failed (${peer.code}): ${peer.stderr}`);
    const result = JSON.parse(peer.stdout) as { writeMs: number; cells: number; openpyxl: string };
    Object.assign(figures, { peerMs: result.writeMs, peerCells: result.cells, openpyxl: result.openpyxl, peerRatio: round(cli.ms / result.writeMs, 3) });
  }
  return { step: 'xlsx', figures, peakRssMb };
}

async function exportWait(config: Config): Promise<StepResult> {
  const server = await startServer(repoRoot, config);
  try {
    const origin = new URL(server.url).origin;
    const ping = async () => {
      const started = performance.now();
      await rpc(origin, 'dialog.pickProjectFolder', {});
      return performance.now() - started;
    };
    // The round trip of a request with no work in it, on this machine, with nothing else going on.
    const quiet: number[] = [];
    for (let i = 0; i < 50; i++) quiet.push(await ping());

    const started = performance.now();
    let exporting = true;
    let exportedMs = 0;
    let bytes = 0;
    const exported = (async () => {
      const file = (await rpc(origin, 'export.workbook', {
        selection: everything,
        attributeColumns: 'all',
        crossAttributes: [CROSS],
        rollUp: true,
        sheetPerCode: false,
        agreement: null,
      })) as ExportedFile;
      exportedMs = performance.now() - started;
      for (let offset: number | null = 0; offset !== null; ) {
        const chunk = (await rpc(origin, 'export.read', { fileId: file.fileId, offset })) as ExportChunk;
        bytes += Buffer.byteLength(chunk.base64, 'base64');
        offset = chunk.nextOffset;
      }
    })().finally(() => (exporting = false));
    const waits: number[] = [];
    while (exporting) {
      waits.push(await ping());
      await new Promise((done) => setTimeout(done, 20));
    }
    await exported;
    return {
      step: 'export-wait',
      figures: {
        longestWaitMs: round(Math.max(...waits), 1),
        quietLongestMs: round(Math.max(...quiet), 1),
        pings: waits.length,
        exportMs: round(exportedMs),
        readBackMs: round(performance.now() - started - exportedMs),
        xlsxMb: round(bytes / 1e6, 1),
      },
      peakRssMb: vmPeakMb(server.child.pid!) ?? undefined,
      breakdown: { waitsMs: waits.map((w) => round(w, 1)) },
    };
  } finally {
    await stopServer(server.child);
  }
}

const steps: Record<string, (config: Config) => Promise<StepResult>> = { xlsx, 'export-wait': exportWait };

async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2);
  const step = name ? steps[name] : undefined;
  if (!step || !json) {
    process.stderr.write(`usage: export-steps.ts ${Object.keys(steps).join('|')} '{"project":…,"work":…,"out":…}'\n`);
    process.exit(2);
  }
  const config = JSON.parse(json) as Config;
  await mkdir(config.work, { recursive: true });
  await writeFile(config.out, JSON.stringify(await step(config), null, 2));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
