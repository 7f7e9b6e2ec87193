import { spawn } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../electron/services/project/check-project';
import { createProject } from '../../../electron/services/project/create-project';
import { JOURNAL_FILE } from '../../../electron/services/project/change-journal';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { systemDeps } from '../../../electron/services/deps';
import { splitTurns, detectSpeakerPattern } from '../../../shared/text/turns';
import { canonicalState, digest, seededRandom } from '../../crash/project-state';
import type { ChildLine } from '../../crash/project-state';
import { useTempDirs } from '../../helpers/temp-dir';
import { addDocument, addCoder, addCodings } from '../../helpers/store-edits';

/**
 * Kills a writer mid-stream again and again (SIGKILL: no flush, no cleanup) and checks, after
 * every kill, that the project opens with write access (the dead writer's lock is recovered),
 * that every file validates with no problem between them, and that the project holds exactly
 * the changes acknowledged before the kill, plus at most the one change in flight, whole.
 *
 * `npm test` runs a few kills; the full run is
 *   MARGINALIA_CRASH_RUNS=60 npx vitest run tests/unit/reliability/crash.test.ts
 * (MARGINALIA_CRASH_SEED picks another sequence of streams and kill times).
 */

const RUNS = Number(process.env.MARGINALIA_CRASH_RUNS ?? 8);
const SEED = Number(process.env.MARGINALIA_CRASH_SEED ?? 20_260_105);
const CHILD = join('tests', 'crash', 'writer-child.ts');

const tempDir = useTempDirs();

const TRANSCRIPT = (n: number) =>
  Array.from({ length: 12 }, (_, i) =>
    i % 2
      ? `Participant ${n}: We started the walking group ourselves, and the council came later — ${'slowly, '.repeat(i)}but it came.`
      : `Facilitator: What happened next in conversation ${n}, part ${i}?`,
  ).join('\n');

async function setUpProject(root: string): Promise<string> {
  const dir = join(root, 'Crash.marginalia');
  const store = await createProject(dir, { name: 'Crash', template: 'thrive-ldn' }, systemDeps);
  const docs: { id: string }[] = [];
  for (let n = 1; n <= 3; n++) {
    const text = TRANSCRIPT(n);
    docs.push(await addDocument(store, { name: `Conversation ${n}`, text, turns: splitTurns(text, detectSpeakerPattern(text)), attributes: {}, importedFrom: `c${n}.txt` }));
  }
  await addCoder(store, 'Crash Coder', '#1d70b8');
  const other = await addCoder(store, 'Other Coder', '#d4351c');
  const codable = store.data.codebook.filter((c) => c.codable);
  await addCodings(store, 
    other.id,
    Array.from({ length: 30 }, (_, i) => ({ documentId: docs[i % 3]!.id, codeId: codable[i % codable.length]!.id, start: i * 7, end: i * 7 + 40 })),
  );
  await store.close();
  return dir;
}

interface RunResult {
  lines: ChildLine[];
  killed: boolean;
  stderr: string;
  code: number | null;
}

/** Starts the writer and kills it after `delayMs`, counted from its first line when `afterOpen`. */
function runAndKill(args: string[], delayMs: number, afterOpen: boolean): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (!afterOpen) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf-8');
      if (afterOpen && stdout.includes('\n')) arm();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf-8')));
    child.on('error', reject);
    // 'exit' after SIGKILL: the process is reaped, so its pid no longer answers.
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const lines = complete.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ChildLine);
      resolve({ lines, killed: signal === 'SIGKILL', stderr, code });
    });
  });
}

async function leftovers(dir: string): Promise<{ journal: boolean; temps: string[]; compacting: string[] }> {
  const names = (
    await Promise.all(['', 'coders', 'sources'].map(async (sub) => (await readdir(join(dir, sub)).catch(() => [] as string[])).map((n) => join(sub, n))))
  ).flat();
  return { journal: names.includes(JOURNAL_FILE), temps: names.filter((n) => n.endsWith('.tmp')), compacting: names.filter((n) => n.endsWith('.changes.compacting.jsonl')) };
}

/** Opens the project as the app would, and reads it as the crash test compares it. */
async function openAndRead(dir: string): Promise<{ digest: string; readOnly: string | null; notes: readonly string[] }> {
  const store = await ProjectStore.open(dir, systemDeps);
  try {
    return {
      digest: digest(canonicalState(store.data, (id) => store.coderFile(id))),
      readOnly: store.readOnly?.reason ?? null,
      notes: store.recoveryNotes,
    };
  } finally {
    await store.close();
  }
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged change through ${RUNS} kills of a busy writer`,
    async () => {
      const root = await tempDir();
      const dir = await setUpProject(root);
      const inputDir = join(root, 'incoming');
      await mkdir(inputDir);
      const rng = seededRandom(SEED);
      let expected = (await openAndRead(dir)).digest;
      const stats = { acknowledged: 0, midChange: 0, pendingRecords: 0, tempFiles: 0, beforeOpen: 0, compactingRuns: 0, midCompaction: 0 };

      for (let run = 0; run < RUNS; run++) {
        const seed = rng.int(1, 2 ** 31);
        // Every other run folds logs into snapshots after every change or few, and is killed
        // later, so kills land mid-compaction too.
        const compactEvery = run % 2 ? rng.int(1, 3) : null;
        const afterOpen = compactEvery !== null || rng.next() < 0.8;
        const delay = compactEvery ? rng.int(100, 800) : afterOpen ? rng.int(0, 400) : rng.int(50, 1500);
        const where = `run ${run} (seed ${seed}, kill ${afterOpen ? `${delay} ms after opening` : `${delay} ms after start`}${compactEvery ? `, compacting every ${compactEvery} changes` : ''})`;
        const args = [dir, String(seed), `r${run}`, inputDir, ...(compactEvery ? [String(compactEvery)] : [])];
        const result = await runAndKill(args, delay, afterOpen);
        if (compactEvery) stats.compactingRuns++;

        const failure = result.lines.find((l) => l.type === 'error');
        expect(failure, `${where}: the writer failed by itself`).toBeUndefined();
        expect(result.killed, `${where}: the writer exited (${result.code}) before the kill: ${result.stderr}`).toBe(true);

        const opened = result.lines.find((l) => l.type === 'opened');
        if (opened) expect(opened.digest, `${where}: the writer did not find the project as it was left`).toBe(expected);
        else stats.beforeOpen++;
        const acks = result.lines.filter((l): l is Extract<ChildLine, { type: 'ack' }> => l.type === 'ack');
        const lastAck = acks[acks.length - 1];
        const begins = result.lines.filter((l): l is Extract<ChildLine, { type: 'begin' }> => l.type === 'begin');
        const inFlight = begins.find((b) => b.seq > (lastAck?.seq ?? 0));
        stats.acknowledged += acks.length;
        if (inFlight) stats.midChange++;

        const left = await leftovers(dir);
        if (left.journal) stats.pendingRecords++;
        if (left.compacting.length) stats.midCompaction++;
        stats.tempFiles += left.temps.length;

        const after = await openAndRead(dir);
        expect(after.readOnly, `${where}: the dead writer's lock was not recovered`).toBeNull();
        const afterOpening = await leftovers(dir);
        expect(afterOpening.temps, `${where}: temp files were left after opening`).toEqual([]);
        expect(afterOpening.compacting, `${where}: a log set aside by a compaction was not folded in on opening`).toEqual([]);
        expect(await checkProject(dir), `${where}: the project has problems after the kill`).toEqual([]);
        const allowed = [lastAck?.digest ?? expected, ...(inFlight ? [inFlight.predicted] : [])];
        expect(
          allowed,
          `${where}: the project holds neither the ${acks.length} acknowledged changes nor those plus the change in flight (${inFlight?.kind ?? 'none'})`,
        ).toContain(after.digest);
        expected = after.digest;
      }

      console.log(
        `crash test: ${RUNS} kills; ${stats.acknowledged} changes acknowledged; ${stats.midChange} kills during a change ` +
          `(${stats.pendingRecords} left a multi-file change to complete, ${stats.tempFiles} temp files left); ` +
          `${stats.midCompaction} of ${stats.compactingRuns} compacting runs killed with a log set aside mid-compaction; ${stats.beforeOpen} before the writer had opened the project`,
      );
      if (RUNS >= 20) {
        expect(stats.midChange).toBeGreaterThan(RUNS / 4);
        expect(stats.midCompaction, 'no kill landed during a compaction').toBeGreaterThan(0);
      }
    },
    RUNS * 10_000 + 20_000,
  );
});
