import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemDeps } from '../../electron/services/deps';
import { coderFileKind, projectFileKind } from '../../electron/services/project/file-kinds';
import { ProjectLayout } from '../../electron/services/project/layout';
import { formatEntry } from '../../electron/services/project/log-file';
import { loadProject } from '../../electron/services/project/project-loader';
import { ProjectStore } from '../../electron/services/project/project-store';
import { createSampleProject } from '../../electron/services/project/sample-project';
import { ProjectSession } from '../../electron/services/workbench/project-session';
import { invertPatch } from '../../shared/domain/patch';
import type { ProjectFile } from '../../shared/domain/schemas';
import { applyCodings } from '../../shared/operations/coding-ops';
import { operationContext } from '../../shared/operations/context';
import { Rng } from './generate';
import { call, copyProject, cpuTime, log, medianOf, openBackend, peak, projectFile, repoRoot, round, scriptUser, startPeak, stats, time } from './measure';
import type { Config, StepResult } from './measure';
import { watchPauses } from './pause-monitor';
import type { Stall } from './pause-monitor';

/**
 * Coding round trips timed at each size. Their p95 is a tail of a few milliseconds (an fsync, a
 * scavenge, the machine's other work): 200 samples left it swinging 2–5× between runs.
 */
const ROUND_TRIPS = 1000;
const UNDOS = 500;

/** Changes waiting in a coder's log when the project is opened (a crash after a long session). */
const PENDING_CHANGES = 10_000;

/** The coder with the most codings: whose file a save used to rewrite whole. */
async function busiestCoder(dir: string, project: ProjectFile): Promise<{ id: string; name: string }> {
  let best = { id: project.coders[0]!.id, name: project.coders[0]!.name, n: -1 };
  for (const c of project.coders) {
    const n = (JSON.parse(await readFile(join(dir, 'coders', `${c.id}.json`), 'utf-8')) as { codings: unknown[] }).codings.length;
    if (n > best.n) best = { id: c.id, name: c.name, n };
  }
  return best;
}

/** Random passages of 20–600 characters in random documents, at random codable codes. */
function passages(project: ProjectFile, seed: number) {
  const codable = project.codebook.filter((c) => c.codable);
  const docs = project.documents.filter((d) => d.length > 40);
  const rng = new Rng(seed);
  return () => {
    const doc = rng.pick(docs);
    const length = rng.int(20, Math.min(600, doc.length - 1));
    const start = rng.int(0, doc.length - length);
    return { documentId: doc.id, codeId: rng.pick(codable).id, start, end: start + length };
  };
}

/**
 * Writes `count` changes into the busiest coder's change log, as a session that ended without
 * closing would have left them (made by the operations on the project in memory, written in
 * the log's own format).
 */
export async function leavePendingChanges(dir: string, count: number): Promise<void> {
  const { state } = await loadProject(new ProjectLayout(dir), { discardTemp: false });
  const coder = await busiestCoder(dir, state.data as ProjectFile);
  const ctx = operationContext(state, systemDeps);
  const next = passages(state.data as ProjectFile, 11);
  const lines: string[] = [];
  for (let seq = 1; seq <= count; ) {
    const span = next();
    const patch = applyCodings(ctx, coder.id, span.codeId, [span]);
    // A passage the coder had already coded with that code changes nothing: no log entry.
    if (!patch.coders?.length) continue;
    state.apply(patch);
    const { coderId: _, ...changes } = patch.coders![0]!;
    lines.push(formatEntry(seq++, patch.label, changes));
  }
  await writeFile(join(dir, 'coders', `${coder.id}.changes.jsonl`), lines.join(''));
}

/**
 * ProjectStore.open plus the first snapshot, wall and CPU time. The store is closed before the
 * caller goes on: a project left open would still be in the heap the next measurement's garbage
 * collector has to mark (the app closes one project before it opens another).
 */
async function timedOpen(dir: string, coderName: string | null) {
  const startRssMb = startPeak();
  const [[store, storeMs], storeCpuMs] = await cpuTime(() => time(() => ProjectStore.open(dir, systemDeps)));
  const session = new ProjectSession(store, scriptUser(coderName), systemDeps);
  const [[snapshot, snapshotMs], snapshotCpuMs] = await cpuTime(() => time(() => session.snapshot()));
  return { store, snapshot, storeMs, snapshotMs, cpuMs: storeCpuMs + snapshotCpuMs, startRssMb, peakRssMb: peak() };
}

/** Where the time of an open goes: read, JSON.parse and zod validation of each JSON file, and what the first requests cost. */
async function openBreakdown(config: Config) {
  const { store, snapshot, storeMs, snapshotMs, cpuMs, startRssMb, peakRssMb } = await timedOpen(config.project, config.coderName ?? null);
  const project = store.data;
  const files = [
    { kind: projectFileKind, file: join(config.project, 'project.json') },
    ...project.coders.map((c) => ({ kind: coderFileKind, file: join(config.project, 'coders', `${c.id}.json`) })),
  ];
  let read = 0;
  let parse = 0;
  let validate = 0;
  for (const f of files) {
    const [text, r] = await time(() => readFile(f.file, 'utf-8'));
    const [raw, p] = await time(() => JSON.parse(text) as unknown);
    const [, v] = await time(() => (f.kind.schema as { safeParse(x: unknown): unknown }).safeParse(raw));
    read += r;
    parse += p;
    validate += v;
  }
  const [wire, stringifyMs] = await time(() => JSON.stringify(snapshot));
  const big = project.documents.reduce((a, b) => (b.length > a.length ? b : a));
  const [content, documentGetColdMs] = await time(() => store.documentOutline(big.id));
  const documentGetWarmMs = await medianOf(5, () => store.documentOutline(big.id));
  const [contentWire, contentStringifyMs] = await time(() => JSON.stringify({ ok: true, value: content }));
  const codingCountsMs = round(await medianOf(5, () => store.codingCounts()), 2);
  await store.close();
  return {
    storeMs,
    snapshotMs,
    cpuMs,
    startRssMb,
    peakRssMb,
    breakdown: {
      readMs: round(read),
      jsonParseMs: round(parse),
      zodValidateMs: round(validate),
      codingCountsMs,
      snapshotJsonBytes: wire.length,
      snapshotStringifyMs: round(stringifyMs, 2),
      bigDocument: {
        documentGetColdMs: round(documentGetColdMs, 2),
        documentGetWarmMs: round(documentGetWarmMs, 2),
        codings: content.codings.length,
        replyJsonBytes: contentWire.length,
        replyStringifyMs: round(contentStringifyMs, 2),
      },
    },
  };
}

export async function openStep(config: Config): Promise<StepResult> {
  const plain = await openBreakdown(config);
  log(`opening with ${PENDING_CHANGES.toLocaleString('en-US')} changes pending in a coder's log`);
  const dir = await copyProject(config);
  await leavePendingChanges(dir, PENDING_CHANGES);
  const pending = await timedOpen(dir, null);
  await pending.store.close();
  await rm(dir, { recursive: true, force: true });
  return {
    step: 'open',
    figures: {
      openMs: round(plain.storeMs + plain.snapshotMs),
      storeOpenMs: round(plain.storeMs),
      snapshotMs: round(plain.snapshotMs),
      openCpuMs: round(plain.cpuMs),
      openPendingMs: round(pending.storeMs + pending.snapshotMs),
      openPendingCpuMs: round(pending.cpuMs),
      openPendingPeakRssMb: pending.peakRssMb,
    },
    startRssMb: plain.startRssMb,
    peakRssMb: plain.peakRssMb,
    breakdown: {
      ...plain.breakdown,
      pendingChanges: PENDING_CHANGES,
      pendingStoreOpenMs: round(pending.storeMs),
      pendingStartRssMb: pending.startRssMb,
    },
  };
}

/** Coding round trips and undos through the contract on a backend as the app runs it. */
async function roundTrips(config: Config, dir: string, coderName: string, project: ProjectFile) {
  const { backend, openMs } = await openBackend(config, dir, coderName);
  const span = passages(project, 7);
  log(`coding.apply × ${ROUND_TRIPS}`);
  const applyStart = startPeak();
  const apply: number[] = [];
  const applyCpu: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const [[, ms], cpuMs] = await cpuTime(() => time(() => call(backend, 'coding.apply', span())));
    apply.push(ms);
    applyCpu.push(cpuMs);
  }
  const applyPeak = peak();
  // As many samples as enough for a p95 that is not the few slowest (50 gave the third slowest).
  log(`history.undo × ${UNDOS}`);
  const undo: number[] = [];
  const undoCpu: number[] = [];
  for (let i = 0; i < UNDOS; i++) {
    await call(backend, 'coding.apply', span());
    const [[, ms], cpuMs] = await cpuTime(() => time(() => call(backend, 'history.undo', {})));
    undo.push(ms);
    undoCpu.push(cpuMs);
  }
  const undoPeak = peak();
  const [, shutdownMs] = await time(() => backend.shutdown());
  return { apply: stats(apply), applyCpu: stats(applyCpu), undo: stats(undo), undoCpu: stats(undoCpu), applyStart, applyPeak, undoPeak, openMs, firstApplyMs: round(apply[0]!, 2), shutdownMs: round(shutdownMs) };
}

const tripFigures = (trips: Awaited<ReturnType<typeof roundTrips>>) => ({
  applyMedianMs: trips.apply.median,
  applyP95Ms: trips.apply.p95,
  applyCpuMedianMs: trips.applyCpu.median,
  applyCpuP95Ms: trips.applyCpu.p95,
  undoMedianMs: trips.undo.median,
  undoP95Ms: trips.undo.p95,
  undoCpuMedianMs: trips.undoCpu.median,
  undoCpuP95Ms: trips.undoCpu.p95,
});

const roundStall = (s: Stall): Stall => ({ wallMs: round(s.wallMs, 2), onCpuMs: round(s.onCpuMs, 2), waitingMs: round(s.waitingMs, 2) });

/**
 * A compaction of the busiest coder's file while that coder keeps coding: the longest stretch
 * it kept the event loop (so every request) waiting, the round trips meanwhile, and its length.
 */
async function compactionWhileCoding(dir: string, coder: { id: string; name: string }, project: ProjectFile) {
  const store = await ProjectStore.open(dir, systemDeps);
  const session = new ProjectSession(store, scriptUser(coder.name), systemDeps);
  const span = passages(project, 13);
  // Something to fold in, and the file's lists read once (as the first save of a session does).
  for (let i = 0; i < 50; i++) await session.change(applyCodings(session.context(), coder.id, span().codeId, [span()]));
  const t0 = performance.now();
  let done = false;
  const during: number[] = [];
  const [, pauses] = await watchPauses(async () => {
    const compaction = store.compactor.compact(coder.id).finally(() => (done = true));
    while (!done) {
      const s = span();
      during.push((await time(() => session.change(applyCodings(session.context(), coder.id, s.codeId, [s]))))[1]);
    }
    await compaction;
  });
  const compactionMs = performance.now() - t0;
  const result = {
    compactionMs: round(compactionMs),
    longestSliceMs: round(store.compactor.stats.longestSliceMs, 2),
    eventLoopMaxDelayMs: round(pauses.longest.wallMs, 2),
    longestStall: roundStall(pauses.longest),
    // What the process held the loop up for: the stall less the thread's waits for a core.
    longestOwnStall: pauses.longestOwn && { ...roundStall(pauses.longestOwn), ownMs: round(pauses.longestOwn.ownMs, 2) },
    roundTripsDuring: stats(during),
  };
  await store.close();
  return result;
}

/** What the disk allows: one line appended and flushed (fdatasync), 200 times. */
async function diskFloor(dir: string): Promise<{ p95: number; median: number }> {
  const file = await open(join(dir, 'disk-floor.jsonl'), 'a');
  const line = `${JSON.stringify({ seq: 1, label: 'Code a passage', changes: { codings: [{ id: 'x'.repeat(36), before: null, after: { start: 1, end: 2 } }] } })}\n`;
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    samples.push(
      (
        await time(async () => {
          await file.write(line);
          await file.datasync();
        })
      )[1],
    );
  }
  await file.close();
  await rm(join(dir, 'disk-floor.jsonl'));
  const s = stats(samples);
  return { p95: s.p95, median: s.median };
}

/** Coding and undo at the benchmark's size (on a copy), with a compaction and the disk floor. */
export async function edit(config: Config): Promise<StepResult> {
  const dir = await copyProject(config);
  const project = await projectFile(dir);
  const coder = config.coderName ? project.coders.find((c) => c.name === config.coderName)! : await busiestCoder(dir, project);
  const trips = await roundTrips(config, dir, coder.name, project);
  log('a compaction while coding');
  const compaction = await compactionWhileCoding(dir, coder, project);
  const floor = await diskFloor(dir);
  // The same pieces in memory only: what a change costs before the disk.
  const store = await ProjectStore.open(dir, systemDeps, { access: 'read' });
  const session = new ProjectSession(store, scriptUser(coder.name), systemDeps);
  const probe = passages(project, 3)();
  const patch = applyCodings(session.context(), coder.id, probe.codeId, [probe]);
  const breakdown = {
    coderCodings: store.codingsOf(coder.id).length,
    firstApplyMs: trips.firstApplyMs,
    applyMaxMs: trips.apply.max,
    projectOpenHandlerMs: round(trips.openMs),
    shutdownWithFinalCompactionMs: trips.shutdownMs,
    applyCodingsOpMs: round(await medianOf(20, () => applyCodings(session.context(), coder.id, probe.codeId, [probe])), 3),
    applyPatchInMemoryMs: round(await medianOf(20, () => {
      store.state.apply(patch);
      store.state.apply(invertPatch(patch));
    }), 3),
    compaction,
    diskFloorMedianMs: floor.median,
  };
  await rm(dir, { recursive: true, force: true });
  return {
    step: 'edit',
    figures: {
      ...tripFigures(trips),
      applyPeakRssMb: trips.applyPeak,
      undoPeakRssMb: trips.undoPeak,
      compactionPauseMs: compaction.longestOwnStall?.ownMs ?? compaction.eventLoopMaxDelayMs,
      compactionPauseWallMs: compaction.eventLoopMaxDelayMs,
      ...(compaction.longestOwnStall && { compactionPauseOnCpuMs: compaction.longestOwnStall.onCpuMs }),
      compactionMs: compaction.compactionMs,
      compactionRoundTripMaxMs: compaction.roundTripsDuring.max,
      diskFloorP95Ms: floor.p95,
    },
    peakRssMb: Math.max(trips.applyPeak, trips.undoPeak),
    startRssMb: trips.applyStart,
    breakdown,
  };
}

/** The same coding and undo round trips on the sample project (17 conversations, 2 coders). */
export async function editSample(config: Config): Promise<StepResult> {
  const dir = join(config.work, 'Sample.marginalia');
  await (await createSampleProject(join(repoRoot, 'resources'), dir, systemDeps, { app: 'cli' })).close();
  const project = await projectFile(dir);
  const coder = await busiestCoder(dir, project);
  const trips = await roundTrips(config, dir, coder.name, project);
  await rm(dir, { recursive: true, force: true });
  return {
    step: 'edit-sample',
    figures: tripFigures(trips),
    peakRssMb: Math.max(trips.applyPeak, trips.undoPeak),
  };
}
