import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProjectFile } from '../../shared/domain/schemas';
import { BIG_DOCUMENT_NAME, defaultOptions, generateProject } from './generate';
import type { GeneratedSummary } from './generate';
import type { StepResult } from './steps';
import { builtCliIsFresh } from '../../electron/cli/build-freshness.mjs';

/**
 * `npm run bench`: generates the benchmark project (tests/bench/generate.ts, fixed seed), runs
 * each step in a fresh Node process (tests/bench/steps.ts, tests/bench/browser.ts), prints
 * every figure beside its target, and writes bench-results/bench.json and bench.md.
 *
 *   node --import tsx tests/bench/run.ts [--reuse DIR] [--keep] [--only open,edit,…] [--skip-browser] [--profile]
 *
 * --reuse DIR   measure an already generated project (it is never changed: steps that write
 *               work on a copy) instead of generating one into a temp folder
 * --keep        keep the temp folder (the generated project) afterwards
 * --only LIST   run only these steps: floor-parse, floor-copy, open, edit, edit-sample, survey
 *               (the import), agreement, analysis (queries, words, the coding report), xlsx,
 *               export-wait, qdpx, browser, survey-browser,
 *               huge-line (a 50 MB one-line transcript opened and switched back to); or
 *               `export` for xlsx, export-wait and qdpx
 * --profile     also write CPU profiles of every step to bench-results/profiles/
 * STEP,…        as --only (`npm run bench -- export`)
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(repoRoot, 'bench-results');
const STEP_TIMEOUT_MS = 300_000;
const ALL_STEPS = ['floor-parse', 'floor-copy', 'open', 'edit', 'edit-sample', 'survey', 'agreement', 'analysis', 'xlsx', 'export-wait', 'qdpx', 'browser', 'survey-browser', 'huge-line'] as const;
/** The script of each step that is not in steps.ts. */
const SCRIPTS: Partial<Record<string, string>> = {
  browser: 'tests/bench/browser.ts',
  'survey-browser': 'tests/bench/survey.ts',
  'huge-line': 'tests/bench/huge-line.ts',
  xlsx: 'tests/bench/export-steps.ts',
  'export-wait': 'tests/bench/export-steps.ts',
};
/** Steps that drive a browser (skipped with --skip-browser). */
const BROWSER_STEPS: readonly StepName[] = ['browser', 'survey-browser', 'huge-line'];
type StepName = (typeof ALL_STEPS)[number];
/** Names for groups of steps in --only. */
const STEP_GROUPS: Record<string, StepName[]> = { export: ['xlsx', 'export-wait', 'qdpx'] };
/** Steps that run the built app (electron-vite's out/): it is built first when older than the sources. */
const BUILT_STEPS: StepName[] = ['xlsx', 'export-wait', 'browser', 'survey-browser', 'huge-line'];

const progress = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

function usage(message: string): never {
  process.stderr.write(`${message}\n\nusage: node --import tsx tests/bench/run.ts [--reuse DIR] [--keep] [--only STEP,…] [--skip-browser] [--profile] [STEP,…]\n`);
  process.exit(2);
}

// ---- Running one step --------------------------------------------------------------------

interface StepRun {
  result: StepResult | null;
  error: string | null;
  wallMs: number;
}

async function runChild(name: StepName, config: Record<string, unknown>, profileDir: string | null): Promise<StepRun> {
  const out = join(String(config.work), `${name}.result.json`);
  const script = SCRIPTS[name] ?? 'tests/bench/steps.ts';
  // Each thread writes its own profile (tsx runs a worker too): they go to a folder of their
  // own, and the main thread's (thread id 0) is kept as <step>.cpuprofile.
  const ownProfiles = profileDir && !BROWSER_STEPS.includes(name) ? join(profileDir, `${name}.tmp`) : null;
  const nodeArgs = ['--expose-gc', ...(ownProfiles ? ['--cpu-prof', '--cpu-prof-dir', ownProfiles] : [])];
  const args = [...nodeArgs, '--import', 'tsx', script, ...(BROWSER_STEPS.includes(name) ? [] : [name]), JSON.stringify({ ...config, out })];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => {
      progress(`  ! ${name} took longer than ${STEP_TIMEOUT_MS / 1000} s: stopped`);
      child.kill('SIGKILL');
    }, STEP_TIMEOUT_MS);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      done(exitCode);
    });
  });
  const wallMs = performance.now() - started;
  if (ownProfiles && profileDir) {
    const main = (existsSync(ownProfiles) ? readdirSync(ownProfiles) : []).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    if (main) await rename(join(ownProfiles, main), join(profileDir, `${name}.cpuprofile`));
    await rm(ownProfiles, { recursive: true, force: true });
  }
  if (code !== 0 || !existsSync(out)) return { result: null, error: `exited with ${code}`, wallMs };
  return { result: JSON.parse(await readFile(out, 'utf-8')) as StepResult, error: null, wallMs };
}

// ---- The table ---------------------------------------------------------------------------

interface Row {
  step: string;
  figure: string;
  value: number | null;
  target: string;
  /** null: no target (a floor, or information). */
  met: boolean | null;
  peakRssMb: number | null;
}

function figure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'failed';
  if (unit === 'ms' && value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value} ${unit}`;
}

function row(step: string, value: number | null | undefined, unit: string, target: number | null, peakRssMb: number | null | undefined, note = ''): Row {
  const v = value ?? null;
  return {
    step,
    figure: figure(v, unit) + note,
    value: v,
    target: target === null ? '—' : `≤ ${figure(target, unit)}`,
    met: target === null || v === null ? (v === null && target !== null ? false : null) : v <= target,
    peakRssMb: peakRssMb ?? null,
  };
}

function buildRows(results: Partial<Record<StepName, StepResult | null>>, summary: GeneratedSummary | null): Row[] {
  const rows: Row[] = [];
  const f = (name: StepName, key: string): number | null => {
    const v = results[name]?.figures[key];
    return typeof v === 'number' ? v : null;
  };
  const peakOf = (name: StepName) => results[name]?.peakRssMb ?? null;
  if (summary) rows.push(row(`Generate the project (seed ${summary.seed}, then validated)`, summary.generateMs + summary.validateMs, 'ms', null, null));
  if ('floor-parse' in results) {
    const mb = f('floor-parse', 'mb');
    rows.push(row(`Floor: JSON.parse of project.json + coder files (${mb ?? '?'} MB)`, f('floor-parse', 'parseMs'), 'ms', null, peakOf('floor-parse'), ` (+ ${f('floor-parse', 'readMs') ?? '?'} ms read)`));
  }
  if ('floor-copy' in results) rows.push(row('Floor: plain copy of the project folder (fs.cp)', f('floor-copy', 'copyMs'), 'ms', null, peakOf('floor-copy')));
  if ('open' in results) {
    const cpu = (key: string) => (f('open', key) === null ? '' : ` (CPU ${figure(f('open', key), 'ms')})`);
    rows.push(row('Open: read + validate + index + first snapshot', f('open', 'openMs'), 'ms', 1000, peakOf('open'), cpu('openCpuMs')));
    rows.push(row('Open with 10,000 changes pending in a coder\'s log (replayed)', f('open', 'openPendingMs'), 'ms', 1000, results.open?.figures.openPendingPeakRssMb as number, cpu('openPendingCpuMs')));
  }
  const editRows = (key: 'applyP95Ms' | 'applyCpuP95Ms' | 'undoP95Ms' | 'undoCpuP95Ms', what: string) => {
    const big = f('edit', key);
    const small = f('edit-sample', key);
    if ('edit' in results) rows.push(row(`${what}, p95, at 200,000 codings (median ${f('edit', key.replace('P95', 'Median')) ?? '?'} ms)`, big, 'ms', 5, peakOf('edit')));
    if ('edit-sample' in results) rows.push(row(`${what}, p95, on the sample project (median ${f('edit-sample', key.replace('P95', 'Median')) ?? '?'} ms)`, small, 'ms', 5, peakOf('edit-sample')));
    if (big !== null && small !== null) rows.push(row(`${what}: p95 at 200,000 codings ÷ p95 on the sample (flat)`, round(big / small, 2), '×', 1.5, null));
  };
  editRows('applyP95Ms', 'Coding round trip (coding.apply incl. durable save)');
  editRows('applyCpuP95Ms', 'Coding round trip, CPU time (what grows with the project, without the disk and the queue)');
  editRows('undoP95Ms', 'Undo (history.undo incl. durable save)');
  editRows('undoCpuP95Ms', 'Undo, CPU time');
  if ('edit' in results) {
    const wall = f('edit', 'compactionPauseWallMs');
    const onCpu = f('edit', 'compactionPauseOnCpuMs');
    const pauseNote = `${onCpu === null ? '' : `; of which on a CPU ${figure(onCpu, 'ms')}`}${wall === null ? '' : `; longest wall ${figure(wall, 'ms')} with the waits for a core`}`;
    rows.push(row(`Compaction of the 80,000-coding file while coding: longest pause less the waits for a core (whole compaction ${figure(f('edit', 'compactionMs'), 'ms')}; slowest coding meanwhile ${figure(f('edit', 'compactionRoundTripMaxMs'), 'ms')})`, f('edit', 'compactionPauseMs'), 'ms', 20, null, pauseNote ? ` (${pauseNote.slice(2)})` : ''));
    rows.push(row('Floor: append one change + fdatasync, p95 of 200', f('edit', 'diskFloorP95Ms'), 'ms', null, null));
  }
  if ('survey' in results) {
    rows.push(row('Import a 20,000-row survey (.xlsx, one response per document)', f('survey', 'importMs'), 'ms', 15_000, peakOf('survey')));
    const first = f('survey', 'perDocumentFirstMs');
    const last = f('survey', 'perDocumentLastMs');
    rows.push(row(`Import cost per document, first of 10 imports of 2,000 rows into one project`, first, 'ms', null, null));
    rows.push(row(`Import cost per document, last of the 10 (the project then holds 18,000 documents)`, last, 'ms', null, null));
    if (first !== null && last !== null) rows.push(row('Import cost per document: last ÷ first (flat)', round(last / first, 2), '×', 1.5, null));
  }
  if ('agreement' in results) {
    const cpu = f('agreement', 'agreementCpuMs');
    rows.push(row('Agreement: character mode, 2 coders, all codes × all documents, 95 % intervals (1,000 resamples)', f('agreement', 'agreementMs'), 'ms', 1000, peakOf('agreement'), cpu === null ? '' : ` (CPU ${figure(cpu, 'ms')})`));
    rows.push(row('Agreement: reply size (per-code figures)', f('agreement', 'replyMb'), 'MB', 5, null));
    rows.push(row("Agreement: one code's code × document cells on demand", f('agreement', 'cellsMs'), 'ms', null, null, ` (${f('agreement', 'cellsReplyMb') ?? '?'} MB)`));
    rows.push(row(`Agreement: disagreements on demand, ${results.agreement?.figures.disagreementsWhat ?? '?'}`, f('agreement', 'disagreementsMs'), 'ms', null, null, ` (${f('agreement', 'disagreementsReplyMb') ?? '?'} MB)`));
    rows.push(row('Agreement: character mode, 3 coders (Fleiss κ, α, every pair), 95 % intervals', f('agreement', 'threeCodersMs'), 'ms', null, null, ` (CPU ${figure(f('agreement', 'threeCodersCpuMs'), 'ms')}; ${f('agreement', 'threeCodersReplyMb') ?? '?'} MB)`));
    rows.push(row(`Agreement: largest reply (${results.agreement?.figures.largestReplyChannel ?? '?'})`, f('agreement', 'largestReplyMb'), 'MB', 1, null));
  }
  if ('analysis' in results) {
    const what = (key: string) => String(results.analysis?.figures[key] ?? '?');
    rows.push(row(`Query: ${what('queryWhat')}`, f('analysis', 'queryMs'), 'ms', 1000, null, ` (${f('analysis', 'queryReplyMb') ?? '?'} MB)`));
    rows.push(row('Words: the word table of every document, stemmed (10 M characters)', f('analysis', 'wordsMs'), 'ms', 2000, null, ` (${f('analysis', 'wordsReplyMb') ?? '?'} MB)`));
    rows.push(row(`Words: a word's passages on a click, ${what('wordPassagesWhat')} (the first 2,000 sent)`, f('analysis', 'wordPassagesMs'), 'ms', 1000, null, ` (${f('analysis', 'wordPassagesReplyMb') ?? '?'} MB)`));
    rows.push(row('Coding report of the whole project (every code, all 200,000 passages), by the export job', f('analysis', 'reportMs'), 'ms', 30_000, peakOf('analysis'), ` (${f('analysis', 'reportMb') ?? '?'} MB of HTML)`));
  }
  if ('xlsx' in results) {
    const peer = f('xlsx', 'peerMs');
    const cli = `xlsx: marginalia export --xlsx, start-up included (${f('xlsx', 'xlsxMb') ?? '?'} MB file)`;
    rows.push(row(cli, f('xlsx', 'cliMs'), 'ms', peer === null ? null : Math.round(peer / 3), peakOf('xlsx'), peer === null ? '' : ' (target: a third of the peer)'));
    if (peer === null) {
      rows.push({ step: 'xlsx peer: openpyxl write-only', figure: `skipped: ${results.xlsx?.figures.peerSkipped ?? 'not measured'}`, value: null, target: '—', met: null, peakRssMb: null });
    } else {
      rows.push(row(`xlsx peer: openpyxl ${results.xlsx?.figures.openpyxl ?? ''} write-only, the same ${f('xlsx', 'peerCells')?.toLocaleString('en-US')} cells (its reading excluded)`, peer, 'ms', null, null));
      rows.push(row('xlsx: time against the peer', f('xlsx', 'peerRatio'), '×', 0.333, null));
    }
    rows.push(row('xlsx: peak memory (RSS) of marginalia export', peakOf('xlsx'), 'MB', 600, peakOf('xlsx')));
  }
  if ('export-wait' in results) {
    const quiet = f('export-wait', 'quietLongestMs');
    rows.push(row('xlsx in the app: longest wait of another request while it exports', f('export-wait', 'longestWaitMs'), 'ms', 50, peakOf('export-wait'), quiet === null ? '' : ` (${f('export-wait', 'pings')} requests; ${quiet} ms at rest)`));
  }
  if ('qdpx' in results) rows.push(row(`qdpx export (REFI-QDA, ${f('qdpx', 'qdpxMb') ?? '?'} MB file)`, f('qdpx', 'qdpxMs'), 'ms', null, peakOf('qdpx')));
  if ('browser' in results) {
    const loads = f('browser', 'appLoadRuns');
    const onScreen = (key: StepName, figureKey: string) => (f(key, figureKey) === null ? '' : `; on screen at ${figure(f(key, figureKey), 'ms')} with this machine's software raster`);
    rows.push(row('Browser: app loaded (Documents list drawn), median of fresh loads', f('browser', 'appLoadMs'), 'ms', 1000, null, loads === null ? '' : ` (${loads} loads: ${figure(f('browser', 'appLoadMinMs'), 'ms')} – ${figure(f('browser', 'appLoadMaxMs'), 'ms')}${onScreen('browser', 'appLoadOnScreenMs')})`));
    rows.push(row('Browser: 1 MB document visible after the click (first open)', f('browser', 'firstPaintMs'), 'ms', 150, peakOf('browser'), f('browser', 'firstOnScreenMs') === null ? '' : ` (${onScreen('browser', 'firstOnScreenMs').slice(2)})`));
    rows.push(row('Browser: 1 MB document visible, reopened (best of 2)', f('browser', 'warmFirstPaintMs'), 'ms', null, null));
    const tasks = f('browser', 'scrollLongTasks');
    rows.push(row('Browser: longest main-thread task scrolling it top to bottom', f('browser', 'longestScrollTaskMs'), 'ms', 50, null, tasks !== null ? ` (${tasks} tasks > 50 ms)` : ''));
    rows.push(row('Browser: document.get reply for the 1 MB document (outline, first stretch, its codings)', f('browser', 'documentGetReplyMb'), 'MB', 1, null));
    rows.push(row(`Browser: largest reply (${results.browser?.figures.largestReplyChannel ?? '?'})`, f('browser', 'largestReplyMb'), 'MB', 1, null));
  }
  if ('survey-browser' in results) {
    const shown = f('survey-browser', 'optionsInDom');
    const surveyScreen = f('survey-browser', 'projectOnScreenMs');
    rows.push(row('Survey (20,000 answers): project shown', f('survey-browser', 'projectShownMs'), 'ms', 1500, peakOf('survey-browser'), shown !== null ? ` (${shown} options in the DOM${surveyScreen === null ? '' : `; on screen at ${figure(surveyScreen, 'ms')}`})` : ''));
    rows.push(row('Survey: an answer opened (click to its text painted)', f('survey-browser', 'openAnswerMs'), 'ms', 150, null));
    rows.push(row('Survey: the list filtered by an attribute (click to painted)', f('survey-browser', 'filterMs'), 'ms', 100, null));
    rows.push(row('Survey: the word table of all 20,000 answers, stemmed (the first count after start: every answer read from disk)', f('survey-browser', 'wordsMs'), 'ms', 5000, null));
    rows.push(row(`Survey: largest reply (${results['survey-browser']?.figures.largestReplyChannel ?? '?'})`, f('survey-browser', 'largestReplyMb'), 'MB', 1, null));
  }
  if ('huge-line' in results) {
    const huge = `One-line ${f('huge-line', 'megabytes') ?? '?'} MB transcript`;
    rows.push(row(`${huge}: visible after the click`, f('huge-line', 'firstPaintMs'), 'ms', null, null));
    rows.push(row(`${huge}: longest main-thread task opening it`, f('huge-line', 'longestOpenTaskMs'), 'ms', 200, null));
    const tasks = f('huge-line', 'switchLongTasks');
    rows.push(row(`${huge}: longest task switching to another document and back`, f('huge-line', 'longestSwitchTaskMs'), 'ms', 200, null, tasks !== null ? ` (${tasks} tasks > 50 ms)` : ''));
  }
  return rows;
}

/** Which step measured a row, from its label. */
function stepOf(label: string): StepName | undefined {
  if (label.startsWith('Floor: JSON')) return 'floor-parse';
  if (label.startsWith('Floor: plain copy')) return 'floor-copy';
  if (label.startsWith('Open')) return 'open';
  if (label.includes('on the sample')) return 'edit-sample';
  if (label.startsWith('Coding') || label.startsWith('Undo') || label.startsWith('Compaction') || label.startsWith('Floor: append')) return 'edit';
  if (label.startsWith('Import')) return 'survey';
  if (label.startsWith('Agreement')) return 'agreement';
  if (label.startsWith('Query') || label.startsWith('Words') || label.startsWith('Coding report')) return 'analysis';
  if (label.startsWith('xlsx in the app')) return 'export-wait';
  if (label.startsWith('xlsx')) return 'xlsx';
  if (label.startsWith('qdpx')) return 'qdpx';
  if (label.startsWith('Browser')) return 'browser';
  if (label.startsWith('Survey')) return 'survey-browser';
  if (label.startsWith('One-line')) return 'huge-line';
  return undefined;
}

/** Load: the 1-minute load average before and after the step; CPU: the step's CPU time ÷ its wall time. */
function renderTable(rows: Row[], load: Record<string, [number, number]>, results: Partial<Record<StepName, StepResult | null>>): string {
  const lines = ['| Step | Figure | Target | Met? | Peak RSS | Load (CPU) |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const met = r.met === null ? '—' : r.met ? 'yes' : '**NO**';
    const key = stepOf(r.step);
    const l = key ? load[key] : undefined;
    const cpu = key ? results[key]?.cpuSharePct : undefined;
    lines.push(`| ${r.step} | ${r.figure} | ${r.target} | ${met} | ${r.peakRssMb === null ? '—' : `${Math.round(r.peakRssMb)} MB`} | ${l ? `${l[0]}–${l[1]}` : '—'}${cpu === undefined ? '' : ` (${cpu} %)`} |`);
  }
  return lines.join('\n');
}

// ---- The machine -------------------------------------------------------------------------

function commandOutput(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { cwd: repoRoot, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

interface Machine {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string | null;
  memoryGb: number;
  chromium: string | null;
  commit: string | null;
  uncommittedFiles: number | null;
  rendererBundle: string | null;
  rendererBuiltAt: string | null;
}

function machine(): Machine {
  const assets = join(repoRoot, 'out', 'renderer', 'assets');
  const bundle = existsSync(assets) ? (readdirSync(assets).find((n) => /^index-.*\.js$/.test(n)) ?? null) : null;
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    chromium: commandOutput(process.env.MARGINALIA_CHROMIUM ?? '/usr/bin/chromium', ['--version'])?.split('\n').pop() ?? null,
    commit: commandOutput('git', ['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: commandOutput('git', ['status', '--porcelain'])?.split('\n').filter(Boolean).length ?? null,
    rendererBundle: bundle,
    rendererBuiltAt: bundle ? statSync(join(assets, bundle)).mtime.toISOString() : null,
  };
}

/** What an existing project holds, for --reuse. */
async function describeProject(dir: string): Promise<GeneratedSummary> {
  const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8')) as ProjectFile;
  const big = project.documents.find((d) => d.name === BIG_DOCUMENT_NAME) ?? project.documents.reduce((a, b) => (b.length > a.length ? b : a));
  const coders = [];
  for (const c of project.coders) {
    const text = await readFile(join(dir, 'coders', `${c.id}.json`), 'utf-8');
    const file = JSON.parse(text) as { codings: unknown[]; memos: unknown[] };
    coders.push({ id: c.id, name: c.name, codings: file.codings.length, memos: file.memos.length, fileBytes: Buffer.byteLength(text) });
  }
  return {
    dir,
    seed: NaN,
    documents: project.documents.length,
    totalChars: project.documents.reduce((n, d) => n + d.length, 0),
    bigDocumentId: big.id,
    bigDocumentChars: big.length,
    bigDocumentTurns: big.turnCount,
    bigDocumentCodings: NaN,
    codes: project.codebook.length,
    codableCodes: project.codebook.filter((c) => c.codable).length,
    coders,
    codings: coders.reduce((n, c) => n + c.codings, 0),
    projectFileBytes: statSync(join(dir, 'project.json')).size,
    totalBytes: NaN,
    generateMs: 0,
    validateMs: 0,
  };
}

// ---- Main --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      reuse: { type: 'string' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
      'skip-browser': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  // `npm run bench -- export` is the same as `--only export`.
  const onlyList = [values.only, ...positionals].filter(Boolean).join(',');
  const only = onlyList ? onlyList.split(',').flatMap((s) => STEP_GROUPS[s.trim()] ?? [s.trim()]) : null;
  for (const s of only ?? []) if (!(ALL_STEPS as readonly string[]).includes(s)) usage(`Unknown step "${s}".`);
  const steps = ALL_STEPS.filter((s) => (!only || only.includes(s)) && !(BROWSER_STEPS.includes(s) && values['skip-browser']));

  if (values.reuse && !existsSync(join(resolve(values.reuse), 'project.json'))) usage(`${resolve(values.reuse)} has no project.json.`);

  const started = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'marginalia-bench-'));
  try {
    const work = join(root, 'work');
    await mkdir(work, { recursive: true });
    await mkdir(resultsDir, { recursive: true });
    const profileDir = values.profile ? join(resultsDir, 'profiles') : null;
    if (profileDir) await mkdir(profileDir, { recursive: true });

    let projectDir: string;
    let summary: GeneratedSummary;
    let generated: GeneratedSummary | null = null;
    if (values.reuse) {
      projectDir = resolve(values.reuse);
      progress(`Reusing the project at ${projectDir}`);
      summary = await describeProject(projectDir);
    } else {
      projectDir = join(root, 'Bench.marginalia');
      progress(`Generating the project (seed ${defaultOptions.seed}) in ${projectDir}…`);
      summary = generated = await generateProject(projectDir, defaultOptions);
      progress(`  ${summary.documents} documents, ${summary.totalChars.toLocaleString('en-US')} characters, ${summary.codings.toLocaleString('en-US')} codings, ${round(summary.totalBytes / 1e6)} MB, in ${round(summary.generateMs / 1000, 1)} s (+ ${round(summary.validateMs / 1000, 1)} s validation)`);
    }

    if (steps.some((s) => BUILT_STEPS.includes(s)) && !(existsSync(join(repoRoot, 'out', 'renderer', 'index.html')) && builtCliIsFresh(repoRoot))) {
      progress('The app is not built, or older than its sources: running `npx electron-vite build`…');
      const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
      if (build.status !== 0) progress(`  ! the build failed: ${BUILT_STEPS.join(', ')} will fail too`);
    }

    const results: Partial<Record<StepName, StepResult | null>> = {};
    const errors: Record<string, string> = {};
    const wall: Record<string, number> = {};
    /** 1-minute load average at the start and end of each step: other work on the machine skews the figures. */
    const load: Record<string, [number, number]> = {};
    const coderName = summary.coders[0]?.name ?? 'Bench coder';
    for (const name of steps) {
      progress(`[${name}]`);
      const config = {
        project: projectDir,
        work: join(work, name),
        coderName,
        documentName: BIG_DOCUMENT_NAME,
        ...(profileDir && (name === 'browser' || name === 'huge-line') ? { profileDir } : {}),
      };
      await mkdir(config.work, { recursive: true });
      const loadBefore = loadavg()[0]!;
      const run = await runChild(name, config, profileDir);
      load[name] = [round(loadBefore, 1), round(loadavg()[0]!, 1)];
      results[name] = run.result;
      wall[name] = round(run.wallMs);
      if (run.error) {
        errors[name] = run.error;
        progress(`  ! ${name} failed (${run.error})`);
      } else {
        progress(`  done in ${round(run.wallMs / 1000, 1)} s (CPU ${run.result?.cpuSharePct ?? '?'} % of it): ${JSON.stringify(run.result?.figures)}`);
      }
      await rm(config.work, { recursive: true, force: true });
    }

    const rows = buildRows(results, generated);
    const table = renderTable(rows, load, results);
    const totalS = round((performance.now() - started) / 1000, 1);
    const meta = { ...machine(), totalSeconds: totalS, loadAverage: load };
    const busiest = Math.max(0, ...Object.values(load).flat());
    const heading = `Marginalia benchmark, ${meta.date} (${meta.cpus} CPUs, ${meta.memoryGb} GB, Node ${process.version}, commit ${meta.commit ?? '?'}${meta.uncommittedFiles ? ` + ${meta.uncommittedFiles} uncommitted files` : ''}; renderer ${meta.rendererBundle ?? 'not built'})`;
    const project = `Project: ${summary.documents} documents, ${summary.totalChars.toLocaleString('en-US')} characters (largest ${summary.bigDocumentChars.toLocaleString('en-US')}), ${summary.codes} codes, ${summary.coders.length} coders, ${summary.codings.toLocaleString('en-US')} codings (${summary.coders.map((c) => `${c.name} ${c.codings.toLocaleString('en-US')}, ${round(c.fileBytes / 1e6, 1)} MB`).join('; ')}).`;
    const contention =
      busiest > meta.cpus
        ? `\nThe machine was busy with other work (1-minute load average up to ${busiest} on ${meta.cpus} CPUs): the times are higher, and vary more, than on an idle machine.\n`
        : '';
    const output = `${heading}\n${project}\n${contention}\n${table}\n\nTotal ${totalS} s.${Object.keys(errors).length ? ` Failed: ${Object.entries(errors).map(([k, v]) => `${k} (${v})`).join(', ')}.` : ''}\n`;
    process.stdout.write(`\n${output}`);

    await writeFile(join(resultsDir, 'bench.json'), JSON.stringify({ meta, project: summary, rows, steps: results, wallMs: wall, errors }, null, 2));
    await writeFile(join(resultsDir, 'bench.md'), output);
    progress(`Wrote ${join(resultsDir, 'bench.json')} and bench.md${profileDir ? `; profiles in ${profileDir}` : ''}.`);
    if (Object.keys(errors).length) process.exitCode = 1;
  } finally {
    if (values.keep) progress(`Kept ${root}.`);
    else await rm(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
