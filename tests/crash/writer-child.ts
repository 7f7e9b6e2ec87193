/**
 * The crash test's writer: opens a project and applies a seeded, endless stream of changes
 * one after another with no pause (codings, codebook edits, memos, small imports, a new coder
 * now and then, undo), exactly as the app would through its services. It prints one JSON line
 * before each change (with the digest the project will have once it is saved) and one after
 * the change is acknowledged (its promise resolved). The test kills it with SIGKILL at random.
 *
 *   node --import tsx tests/crash/writer-child.ts PROJECT_DIR SEED RUN_TAG INPUT_DIR [COMPACT_EVERY]
 *
 * With COMPACT_EVERY, a data file's log is folded into its snapshot in the background once it
 * holds that many changes (in 1 ms slices), so kills land during compactions too.
 */
import { writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { added } from '../../shared/domain/patch';
import type { Patch } from '../../shared/domain/patch';
import { ProjectState } from '../../shared/domain/state/project-state';
import { newCoder } from '../../shared/operations/coder-ops';
import type { CoderFile, ProjectFile } from '../../shared/domain/schemas';
import { createCode, deleteCode, mergeCode, moveCode, updateCode } from '../../shared/operations/code-ops';
import { applyCodings, removeCoding, setCodingExtent } from '../../shared/operations/coding-ops';
import { createMemo, deleteMemo, updateMemo } from '../../shared/operations/memo-ops';
import { StagingArea } from '../../electron/services/import/staging';
import { ProjectStore, hashText } from '../../electron/services/project/project-store';
import { ProjectSession } from '../../electron/services/workbench/project-session';
import { canonicalState, digest, seededRandom } from './project-state';
import type { CanonicalState, ChildLine } from './project-state';
import { freshWorkspace } from '../../electron/services/settings/app-settings';

export const CRASH_CODER = 'Crash Coder';

function print(line: ChildLine): void {
  // Synchronous, and shorter than a pipe's atomic write size: a line is out, whole, before
  // the next change starts.
  writeSync(1, `${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const [dir, seedText, runTag, inputDir, compactEvery] = process.argv.slice(2);
  if (!dir || !seedText || !runTag || !inputDir) throw new Error('usage: writer-child.ts PROJECT_DIR SEED RUN_TAG INPUT_DIR [COMPACT_EVERY]');
  const rng = seededRandom(Number(seedText));
  let n = 0;
  const ids = { next: () => `${runTag}-${++n}`, peek: () => `${runTag}-${n + 1}` };
  const deps = { now: () => new Date(), newId: ids.next };

  const compaction = compactEvery ? { maxEntries: Number(compactEvery), sliceMs: 1 } : {};
  const store = await ProjectStore.open(dir, deps, { app: 'cli', compaction });
  if (store.readOnly) throw new Error(`opened read-only: ${store.readOnly.reason}`);
  const user = { coderName: CRASH_CODER, workspace: () => freshWorkspace };
  const session = new ProjectSession(store, user, deps);
  const me = session.currentCoderId;
  if (!me) throw new Error(`the project has no coder named ${CRASH_CODER}`);

  const state = (project: Readonly<ProjectFile> = store.data, files?: Map<string, CoderFile>): CanonicalState =>
    canonicalState(project, (id) => files?.get(id) ?? store.coderFile(id));
  /** The project as it will be once `patch` is saved, worked out on a copy of its state. */
  const afterPatch = (patch: Patch): CanonicalState => {
    const files = new Map(store.data.coders.map((c) => [c.id, structuredClone(store.coderFile(c.id)) as CoderFile]));
    const copy = ProjectState.fromFiles(structuredClone(store.data) as ProjectFile, files);
    copy.apply(patch);
    return state(copy.data, new Map(copy.coderIds().map((id) => [id, copy.coder(id)!.toFile()])));
  };
  print({ type: 'opened', digest: digest(state()) });
  // The importers are many modules: they load while the first changes are made.
  const importers = Promise.all([import('../../electron/services/import/import-service'), import('../../electron/services/import/parse-document')]);

  const staging = new StagingArea();
  const ctx = () => session.context();
  const codes = () => store.data.codebook;
  const codable = () => codes().filter((c) => c.codable);
  const docs = () => store.data.documents.filter((d) => d.length > 1);
  const mine = () => store.coderFile(me).codings;
  const myMemos = () => store.coderFile(me).memos;
  const span = (length: number) => {
    const start = rng.int(0, length - 2);
    return { start, end: rng.int(start + 1, Math.min(length, start + 300)) };
  };
  const words = ['walking', 'group', 'stigma', 'peer', 'support', 'council', 'young', 'people', 'listening', 'trust', 'café', 'ñ', '🌳'];
  const sentence = (k: number) => Array.from({ length: k }, () => rng.pick(words)).join(' ');

  /** Each change: a kind, and a function that returns its predicted state and a way to apply it; null to skip. */
  type Planned = { predicted: CanonicalState; apply: () => Promise<unknown> };
  const patchChange = (patch: Patch): Planned => ({ predicted: afterPatch(patch), apply: () => session.change(patch) });
  const kinds: [string, number, () => Promise<Planned | null> | Planned | null][] = [
    ['coding.apply', 30, () => {
      const doc = docs().length ? rng.pick(docs()) : null;
      if (!doc || !codable().length) return null;
      return patchChange(applyCodings(ctx(), me, rng.pick(codable()).id, [{ documentId: doc.id, ...span(doc.length) }]));
    }],
    ['coding.remove', 8, () => (mine().length ? patchChange(removeCoding(ctx(), me, rng.pick(mine()).id)) : null)],
    ['coding.setExtent', 5, () => {
      if (!mine().length) return null;
      const coding = rng.pick(mine());
      const doc = store.data.documents.find((d) => d.id === coding.documentId)!;
      return patchChange(setCodingExtent(ctx(), me, coding.id, span(doc.length)));
    }],
    ['code.create', 9, () => {
      const parent = rng.next() < 0.5 ? null : rng.pick(codes()).id;
      return patchChange(createCode(ctx(), { name: `Code ${ids.peek()}`, parentId: parent, codable: rng.next() < 0.9 }).patch);
    }],
    ['code.rename', 6, () => patchChange(updateCode(ctx(), { codeId: rng.pick(codes()).id, name: `Renamed ${sentence(2)} ${rng.int(0, 1e6)}` }))],
    ['code.move', 6, () => {
      const code = rng.pick(codes());
      const parent = rng.next() < 0.3 ? null : rng.pick(codes()).id;
      return patchChange(moveCode(ctx(), code.id, parent, rng.int(0, 6)));
    }],
    ['code.delete', 4, () => (codable().length > 12 ? patchChange(deleteCode(ctx(), rng.pick(codes()).id)) : null)],
    ['code.merge', 3, () => (codable().length > 12 ? patchChange(mergeCode(ctx(), rng.pick(codes()).id, rng.pick(codable()).id)) : null)],
    ['memo.create', 8, () => {
      const choice = rng.int(0, 3);
      const target =
        choice === 0 ? ({ type: 'project' } as const)
        : choice === 1 && docs().length ? ({ type: 'document', id: rng.pick(docs()).id } as const)
        : choice === 2 || !mine().length ? ({ type: 'code', id: rng.pick(codes()).id } as const)
        : ({ type: 'coding', id: rng.pick(mine()).id } as const);
      return patchChange(createMemo(ctx(), me, target, sentence(rng.int(1, 40))).patch);
    }],
    ['memo.update', 5, () => (myMemos().length ? patchChange(updateMemo(ctx(), me, rng.pick(myMemos()).id, sentence(rng.int(1, 60)))) : null)],
    ['memo.delete', 3, () => (myMemos().length ? patchChange(deleteMemo(ctx(), me, rng.pick(myMemos()).id)) : null)],
    ['history.undo', 4, () => {
      const patch = session.history.peekUndo();
      return patch ? { predicted: afterPatch(patch), apply: () => session.undo() } : null;
    }],
    ['import.text', 3, async () => {
      const path = join(inputDir, `Interview ${ids.peek()}.txt`);
      const body = Array.from({ length: rng.int(2, 8) }, (_, i) => `${i % 2 ? 'Participant' : 'Facilitator'}: ${sentence(rng.int(3, 30))}.`).join('\n');
      await writeFile(path, `${body}\nRun ${runTag}, ${ids.peek()}.\n`);
      const [{ runImport }, { parseDocumentFile }] = await importers;
      const file = await staging.read({ path });
      const parsed = await parseDocumentFile(file, { speakers: 'auto' });
      const predicted = state();
      predicted.documents.push([ids.peek(), parsed.name, hashText(parsed.text), parsed.text.length, {}]);
      return {
        predicted,
        apply: async () => {
          const [result] = (await runImport(session, [{ file: async () => file, options: { speakers: 'auto' } }])).results;
          if (result?.status !== 'imported') throw new Error(`import ${result?.status}: ${result?.message}`);
        },
      };
    }],
    ['coder.add', 1, () => {
      const id = `${runTag}-coder-${rng.int(0, 1e9)}`;
      const name = `Extra ${id}`;
      const predicted = state();
      predicted.coders.push({ id, name, codings: [], memos: [] });
      predicted.coders.sort((a, b) => a.id.localeCompare(b.id));
      const coder = newCoder(ctx(), name, { id, color: '#505a5f' });
      return { predicted, apply: () => session.change({ label: `Add coder ${name}`, project: { coders: [added(id, coder)] } }) };
    }],
  ];
  const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);

  for (let seq = 1; seq < 1_000_000; seq++) {
    let roll = rng.next() * total;
    const [kind, , plan] = kinds.find(([, weight]) => (roll -= weight) < 0) ?? kinds[0]!;
    let planned: Planned | null;
    try {
      planned = await plan();
    } catch (err) {
      // A change the operations refuse (a name clash, a move into itself) is not made at all.
      if (err instanceof AppError) continue;
      throw err;
    }
    if (!planned) continue;
    const predicted = digest(planned.predicted);
    print({ type: 'begin', seq, kind, predicted });
    await planned.apply();
    const actual = digest(state());
    if (actual !== predicted) throw new Error(`${kind} #${seq} left the project at ${actual}, not the predicted ${predicted}`);
    print({ type: 'ack', seq, digest: actual });
  }
}

main().catch((err: unknown) => {
  print({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(3);
});
