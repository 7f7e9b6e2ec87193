import { cp, mkdir, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/services/backend';
import type { Backend } from '../../electron/services/backend';
import { systemDeps } from '../../electron/services/deps';
import { agreementInput } from '../../electron/services/agreement/agreement-service';
import { exportWorkbook } from '../../electron/services/export/excel-export';
import { everything } from '../../electron/services/export/coded-data';
import { buildProject, exportQdpx } from '../../electron/services/export/refi-export';
import { coderFileKind, projectFileKind } from '../../electron/services/project/file-kinds';
import { ProjectStore } from '../../electron/services/project/project-store';
import { writeFileDurably } from '../../electron/services/store/durable-file';
import { ProjectSession } from '../../electron/services/workbench/project-session';
import type { SessionUser } from '../../electron/services/workbench/project-session';
import { dispatchRequest } from '../../shared/api/dispatch';
import type { Channel } from '../../shared/api/contract';
import { invertPatch } from '../../shared/domain/patch';
import { characterAgreement } from '../../shared/agreement/project';
import { applyCodings } from '../../shared/operations/coding-ops';
import type { CoderFile, ProjectFile } from '../../shared/domain/schemas';
import { Rng } from './generate';
import { freshWorkspace } from '../../electron/services/settings/app-settings';

/**
 * One benchmark step, run in a fresh Node process so its memory is its own:
 *
 *   node --expose-gc --import tsx tests/bench/steps.ts STEP CONFIG_JSON
 *
 * CONFIG_JSON: { project, work, out }. The result (figures, peak memory, breakdown) is
 * written as JSON to `out`. Steps that change the project work on a copy in `work`.
 */

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Config {
  project: string;
  work: string;
  out: string;
  /** The coder the user codes as (by name); the first coder by default. */
  coderName?: string;
}

export interface StepResult {
  step: string;
  figures: Record<string, number | string | null>;
  /** Resident-set peak while the step ran (MB), measured after its setup. */
  peakRssMb?: number;
  /** RSS when the step began (after its setup), MB. */
  startRssMb?: number;
  breakdown?: Record<string, unknown>;
}

// ---- Measuring ---------------------------------------------------------------------------

function status(): { rss: number; hwm: number } {
  const text = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};

/** Collects garbage and resets the kernel's peak-RSS mark, so the next peak is this step's. */
function startPeak(): number {
  gc();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* not Linux, or not allowed: the peak is then the process's since it started */
  }
  return round(status().rss);
}

function peak(): number {
  return round(status().hwm);
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

function stats(samples: number[]): { median: number; p95: number; min: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: round(quantile(s, 0.5), 2), p95: round(quantile(s, 0.95), 2), min: round(s[0]!, 2), max: round(s[s.length - 1]!, 2), n: s.length };
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

async function medianOf(runs: number, f: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(f))[1]);
  return stats(samples).median;
}

const log = (message: string): void => {
  process.stderr.write(`  · ${message}\n`);
};

// ---- Setup -------------------------------------------------------------------------------

async function copyProject(config: Config): Promise<string> {
  const dest = join(config.work, 'copy.marginalia');
  await rm(dest, { recursive: true, force: true });
  await cp(config.project, dest, { recursive: true });
  return dest;
}

async function projectFile(dir: string): Promise<ProjectFile> {
  return JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8')) as ProjectFile;
}

async function openBackend(config: Config, dir: string, coderName: string): Promise<{ backend: Backend; openMs: number }> {
  const backend = await createBackend({
    dataDir: join(config.work, 'data'),
    documentsDir: join(config.work, 'Documents'),
    resourcesDir: join(repoRoot, 'resources'),
    shell: 'browser',
  });
  await call(backend, 'app.setCoderName', { name: coderName });
  const [, openMs] = await time(() => call(backend, 'project.open', { path: dir }));
  return { backend, openMs };
}

/** A request as a transport makes it: validated against the contract, then handled. */
async function call(backend: Backend, channel: Channel, input: unknown): Promise<unknown> {
  const { reply } = await dispatchRequest(backend.handlers, channel, input);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

const scriptUser = (coderName: string | null): SessionUser => ({
  coderName,
  workspace: () => freshWorkspace,
});

// ---- Steps -------------------------------------------------------------------------------

async function floorParse(config: Config): Promise<StepResult> {
  const files = [join(config.project, 'project.json')];
  for (const name of await readdir(join(config.project, 'coders'))) files.push(join(config.project, 'coders', name));
  const startRssMb = startPeak();
  let readMs = 0;
  let parseMs = 0;
  let bytes = 0;
  for (const file of files) {
    const [text, r] = await time(() => readFile(file, 'utf-8'));
    readMs += r;
    bytes += Buffer.byteLength(text);
    parseMs += (await time(() => JSON.parse(text) as unknown))[1];
  }
  return {
    step: 'floor-parse',
    figures: { parseMs: round(parseMs), readMs: round(readMs), readParseMs: round(readMs + parseMs), files: files.length, mb: round(bytes / 1e6) },
    startRssMb,
    peakRssMb: peak(),
  };
}

async function floorCopy(config: Config): Promise<StepResult> {
  const dest = join(config.work, 'floor-copy.marginalia');
  const startRssMb = startPeak();
  const [, ms] = await time(() => cp(config.project, dest, { recursive: true }));
  const result: StepResult = { step: 'floor-copy', figures: { copyMs: round(ms) }, startRssMb, peakRssMb: peak() };
  await rm(dest, { recursive: true, force: true });
  return result;
}

async function openStep(config: Config): Promise<StepResult> {
  const startRssMb = startPeak();
  const [store, storeMs] = await time(() => ProjectStore.open(config.project, systemDeps));
  const session = new ProjectSession(store, scriptUser(config.coderName ?? null), systemDeps);
  const [snapshot, snapshotMs] = await time(() => session.snapshot());
  const peakRssMb = peak();

  // Where the time goes: read, JSON.parse and zod validation of each JSON file.
  const project = store.data;
  const files: { name: string; kind: 'project' | 'coder'; file: string }[] = [
    { name: 'project.json', kind: 'project', file: join(config.project, 'project.json') },
    ...project.coders.map((c) => ({ name: `coders/${c.name}`, kind: 'coder' as const, file: join(config.project, 'coders', `${c.id}.json`) })),
  ];
  let read = 0;
  let parse = 0;
  let validate = 0;
  for (const f of files) {
    const [text, r] = await time(() => readFile(f.file, 'utf-8'));
    const [raw, p] = await time(() => JSON.parse(text) as unknown);
    const schema = f.kind === 'project' ? projectFileKind.schema : coderFileKind.schema;
    const [, v] = await time(() => schema.safeParse(raw));
    read += r;
    parse += p;
    validate += v;
  }
  const [wire, stringifyMs] = await time(() => JSON.stringify(snapshot));

  // The server's side of opening the big document in the reader (document.get): first read
  // (file read, hash check, turns parsed), then from the source cache; and its reply's size.
  const big = project.documents.reduce((a, b) => (b.length > a.length ? b : a));
  const [content, documentGetColdMs] = await time(() => store.documentContent(big.id));
  const documentGetWarmMs = await medianOf(5, () => store.documentContent(big.id));
  const [contentWire, contentStringifyMs] = await time(() => JSON.stringify({ ok: true, value: content }));
  return {
    step: 'open',
    figures: { openMs: round(storeMs + snapshotMs), storeOpenMs: round(storeMs), snapshotMs: round(snapshotMs) },
    startRssMb,
    peakRssMb,
    breakdown: {
      readMs: round(read),
      jsonParseMs: round(parse),
      zodValidateMs: round(validate),
      codingCountsMs: round(await medianOf(5, () => store.codingCounts()), 2),
      memosMs: round(await medianOf(5, () => store.memos()), 2),
      snapshotJsonBytes: wire.length,
      snapshotStringifyMs: round(stringifyMs, 2),
      bigDocument: {
        documentGetColdMs: round(documentGetColdMs, 2),
        documentGetWarmMs: round(documentGetWarmMs, 2),
        documentCodingsMs: round(await medianOf(5, () => store.documentCodings(big.id)), 2),
        codings: content.codings.length,
        turns: content.turns.length,
        replyJsonBytes: contentWire.length,
        replyStringifyMs: round(contentStringifyMs, 2),
      },
    },
  };
}

/** Coding round trips (apply + durable save) and undo, on a backend as the app runs it. */
async function edit(config: Config): Promise<StepResult> {
  const dir = await copyProject(config);
  const project = await projectFile(dir);
  const coderName = config.coderName ?? project.coders[0]!.name;
  const coder = project.coders.find((c) => c.name === coderName)!;
  const { backend, openMs } = await openBackend(config, dir, coderName);
  const codable = project.codebook.filter((c) => c.codable);
  const rng = new Rng(7);
  const span = () => {
    const doc = rng.pick(project.documents);
    const length = rng.int(20, Math.min(600, doc.length - 1));
    const start = rng.int(0, doc.length - length);
    return { documentId: doc.id, codeId: rng.pick(codable).id, start, end: start + length };
  };

  log('coding.apply × 200');
  const applyStart = startPeak();
  const apply: number[] = [];
  let last: unknown = null;
  for (let i = 0; i < 200; i++) {
    const input = span();
    const [reply, ms] = await time(() => call(backend, 'coding.apply', input));
    apply.push(ms);
    last = reply;
  }
  const applyPeak = peak();
  const [wire, replyStringifyMs] = await time(() => JSON.stringify({ ok: true, value: last }));

  log('history.undo × 50');
  const undoStart = startPeak();
  const undo: number[] = [];
  for (let i = 0; i < 50; i++) {
    await call(backend, 'coding.apply', span());
    undo.push((await time(() => call(backend, 'history.undo', {})))[1]);
  }
  const undoPeak = peak();

  log('breakdown of one save');
  // The same pieces the handler runs, timed one by one on the same (now open) project.
  const store = await ProjectStore.open(dir, systemDeps);
  const session = new ProjectSession(store, scriptUser(coderName), systemDeps);
  const file = store.coderFile(coder.id) as CoderFile;
  const probe = span();
  const [text, stringifyMs] = await time(() => JSON.stringify(file, null, 1));
  const tmp = join(config.work, 'durable-probe.json');
  const writeMs = await medianOf(5, () => writeFileDurably(tmp, text));
  const patch = applyCodings(session.context(), coder.id, probe.codeId, [probe]);
  const breakdown = {
    coderCodings: file.codings.length,
    coderFileBytes: Buffer.byteLength(text),
    firstApplyMs: round(apply[0]!, 2),
    applyMaxMs: round(Math.max(...apply), 2),
    projectOpenHandlerMs: round(openMs),
    stringifyCoderFileMs: round(stringifyMs, 2),
    stringifyCoderFileMedianMs: round(await medianOf(5, () => JSON.stringify(file, null, 1)), 2),
    writeFileDurablyMedianMs: round(writeMs, 2),
    fsyncOnlyEstimateMs: null as number | null,
    applyCodingsOpMs: round(await medianOf(20, () => applyCodings(session.context(), coder.id, probe.codeId, [probe])), 2),
    applyPatchInMemoryMs: round(await medianOf(20, () => {
      store.state.apply(patch);
      store.state.apply(invertPatch(patch));
    }), 2),
    snapshotMs: round(await medianOf(20, () => session.snapshot()), 2),
    codingCountsMs: round(await medianOf(20, () => store.codingCounts()), 2),
    replyJsonBytes: wire.length,
    replyStringifyMs: round(replyStringifyMs, 2),
    journalAppendFsyncMs: 0,
  };
  // The fsync share: the same durable write of a tiny file.
  breakdown.fsyncOnlyEstimateMs = round(await medianOf(5, () => writeFileDurably(join(config.work, 'tiny-probe.json'), '{}')), 2);
  // The floor of an incremental save: one coding appended to a journal file and fsynced.
  const journal = await open(join(config.work, 'journal-probe.jsonl'), 'a');
  const line = `${JSON.stringify({ op: 'add', coding: file.codings[0] })}\n`;
  const journalAppendFsyncMs = await medianOf(20, async () => {
    await journal.write(line);
    await journal.datasync();
  });
  await journal.close();
  breakdown.journalAppendFsyncMs = round(journalAppendFsyncMs, 2);
  await backend.shutdown();
  await rm(dir, { recursive: true, force: true });
  const a = stats(apply);
  const u = stats(undo);
  return {
    step: 'edit',
    figures: {
      applyMedianMs: a.median,
      applyP95Ms: a.p95,
      applyMaxMs: a.max,
      applyPeakRssMb: applyPeak,
      undoMedianMs: u.median,
      undoP95Ms: u.p95,
      undoMaxMs: u.max,
      undoPeakRssMb: undoPeak,
      applyStartRssMb: applyStart,
      undoStartRssMb: undoStart,
    },
    peakRssMb: Math.max(applyPeak, undoPeak),
    startRssMb: applyStart,
    breakdown,
  };
}

async function agreement(config: Config): Promise<StepResult> {
  const project = await projectFile(config.project);
  const { backend } = await openBackend(config, config.project, project.coders[0]!.name);
  const request = {
    coderIds: [project.coders[0]!.id, project.coders[1]!.id],
    codeIds: null,
    documentIds: null,
    attributes: {},
    mode: 'character',
  };
  const startRssMb = startPeak();
  const [result, ms] = await time(() => call(backend, 'agreement.compute', request));
  const peakRssMb = peak();
  const [wire, stringifyMs] = await time(() => JSON.stringify({ ok: true, value: result }));
  const wireBytes = wire.length;

  const store = await ProjectStore.open(config.project, systemDeps);
  const selection = { coderIds: request.coderIds, codeIds: null, documentIds: null, attributes: {} };
  const [input, inputMs] = await time(() => agreementInput(store, selection));
  const [, computeMs] = await time(() => characterAgreement(input, request.coderIds[0]!, request.coderIds[1]!));
  // The same computation without stack traces: what the UndefinedMeasure errors thrown for
  // each empty (code, document) cell cost.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const [, noStackMs] = await time(() => characterAgreement(input, request.coderIds[0]!, request.coderIds[1]!));
  Error.stackTraceLimit = limit;
  const pairs = new Set(input.codings.map((c) => `${c.codeId}|${c.documentId}`));
  const report = (result as { report: { codes: { cells: unknown[] }[]; overall: { kappa?: number | null } } }).report;
  return {
    step: 'agreement',
    figures: { agreementMs: round(ms), replyMb: round(wireBytes / 1e6) },
    startRssMb,
    peakRssMb,
    breakdown: {
      agreementInputMs: round(inputMs),
      characterAgreementMs: round(computeMs),
      characterAgreementWithoutStackTracesMs: round(noStackMs),
      cellsWithCodings: pairs.size,
      codingsCompared: input.codings.length,
      reportCells: report.codes.reduce((n, c) => n + c.cells.length, 0),
      replyJsonBytes: wireBytes,
      replyStringifyMs: round(stringifyMs),
      overallKappa: report.overall.kappa ?? null,
    },
  };
}

async function xlsx(config: Config): Promise<StepResult> {
  const store = await ProjectStore.open(config.project, systemDeps);
  const startRssMb = startPeak();
  const stages: Record<string, number> = {};
  let mark = performance.now();
  const t0 = mark;
  const output = await exportWorkbook(store, everything, {
    attributeColumns: 'all',
    crossAttribute: 'Site',
    onProgress: (_done, _total, stage) => {
      const now = performance.now();
      stages[stage] = round((stages[stage] ?? 0) + (now - mark));
      mark = now;
    },
  });
  const file = join(config.work, 'bench.xlsx');
  await writeFile(file, output.bytes);
  const ms = performance.now() - t0;
  const peakRssMb = peak();
  return {
    step: 'xlsx',
    figures: { xlsxMs: round(ms), xlsxMb: round(output.bytes.length / 1e6) },
    startRssMb,
    peakRssMb,
    breakdown: { msUntilStageReported: stages, notes: output.notes },
  };
}

async function qdpx(config: Config): Promise<StepResult> {
  const store = await ProjectStore.open(config.project, systemDeps);
  const startRssMb = startPeak();
  const [bytes, ms] = await time(() => exportQdpx(store));
  const file = join(config.work, 'bench.qdpx');
  const [, writeMs] = await time(() => writeFile(file, bytes));
  const peakRssMb = peak();
  const [parts, buildMs] = await time(() => buildProject(store));
  return {
    step: 'qdpx',
    figures: { qdpxMs: round(ms + writeMs), qdpxMb: round(bytes.length / 1e6) },
    startRssMb,
    peakRssMb,
    breakdown: { buildProjectXmlMs: round(buildMs), zipAndWriteMs: round(ms + writeMs - buildMs), projectQdeMb: round(Buffer.byteLength(parts.xml) / 1e6) },
  };
}

const steps: Record<string, (config: Config) => Promise<StepResult>> = {
  'floor-parse': floorParse,
  'floor-copy': floorCopy,
  open: openStep,
  edit,
  agreement,
  xlsx,
  qdpx,
};

async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2);
  const step = name ? steps[name] : undefined;
  if (!step || !json) {
    process.stderr.write(`usage: steps.ts ${Object.keys(steps).join('|')} '{"project":…,"work":…,"out":…}'\n`);
    process.exit(2);
  }
  const config = JSON.parse(json) as Config;
  await mkdir(config.work, { recursive: true });
  const result = await step(config);
  await writeFile(config.out, JSON.stringify(result, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
