import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { Patch } from '../../../shared/domain/patch';
import { createCode, deleteCode, mergeCode, moveCode, updateCode } from '../../../shared/operations/code-ops';
import { applyCodings, removeCoding } from '../../../shared/operations/coding-ops';
import { deleteDocument, renameDocument } from '../../../shared/operations/document-ops';
import { createMemo } from '../../../shared/operations/memo-ops';
import { buildCoderExchange } from '../../../shared/exchange/coder-exchange';
import { importCoderWork } from '../../../electron/services/exchange/exchange-service';
import { runImport } from '../../../electron/services/import/import-service';
import { checkProject } from '../../../electron/services/project/check-project';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { ProjectSession } from '../../../electron/services/workbench/project-session';
import type { SessionUser } from '../../../electron/services/workbench/project-session';
import { fileHashes } from '../../helpers/project-files';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { freshWorkspace } from '../../../electron/services/settings/app-settings';

/*
 * Several coders share one open project (as a pair does, switching coder in one window): each
 * codes, edits the codebook, imports and brings in a colleague's file. Then every coder undoes
 * all of their own steps, in whatever order the others' later work allows. The project must end
 * byte for byte as it began, and pass the project check after every single step.
 */

const tempDir = useTempDirs();
const CODERS = ['Ann', 'Ben', 'Cai'] as const;
const TEXT = 'Facilitator: What helped?\nParticipant: The walking group we started ourselves, and the café on Fridays.\nFacilitator: Anything else?\nParticipant: Being listened to by the council, for once.';

const step = fc.oneof(
  fc.record({ op: fc.constant('code'), who: fc.nat(2), pick: fc.nat(), start: fc.nat(120), len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('uncode'), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ op: fc.constant('create'), who: fc.nat(2), pick: fc.nat(), name: fc.constantFrom('Trust', 'Place', 'Voice', 'Time') }),
  fc.record({ op: fc.constant('rename'), who: fc.nat(2), pick: fc.nat(), name: fc.constantFrom('Renamed', 'Again', 'Other') }),
  fc.record({ op: fc.constant('move'), who: fc.nat(2), pick: fc.nat(), to: fc.nat(), index: fc.nat(4) }),
  fc.record({ op: fc.constant('delete'), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ op: fc.constant('merge'), who: fc.nat(2), pick: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('memo'), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ op: fc.constant('import'), who: fc.nat(2), n: fc.nat(1000) }),
  fc.record({ op: fc.constant('renameDoc'), who: fc.nat(2), pick: fc.nat(), n: fc.nat(1000) }),
  fc.record({ op: fc.constant('deleteDoc'), who: fc.nat(2), pick: fc.nat() }),
  fc.record({ op: fc.constant('exchange'), who: fc.nat(2), start: fc.nat(100) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function world() {
  const dir = join(await tempDir(), 'Shared.marginalia');
  const deps = fixedDeps();
  const created = await createProject(dir, { name: 'Shared', template: 'thrive-ldn' }, deps);
  const user: SessionUser & { coderName: string | null } = { coderName: null, workspace: () => freshWorkspace };
  await runImport(new ProjectSession(created, user, deps), [{ file: async () => ({ name: 'c1.txt', bytes: new Uint8Array(Buffer.from(TEXT)) }), options: {} }]);
  // The project as a closed project is: its snapshots, its change logs folded in.
  await created.close();
  const store = await ProjectStore.open(dir, deps);
  const session = new ProjectSession(store, user, deps);
  return { dir, store, session, user, deps };
}

/** Every file of the project but backups, the lock and the trash list, as they are on disk. */
async function files(dir: string): Promise<Record<string, string>> {
  const all = await fileHashes(dir);
  return Object.fromEntries(Object.entries(all).filter(([f]) => !f.startsWith('backups') && !f.startsWith('.marginalia-lock') && f !== join('sources', '.deleted.json')));
}

async function run(w: Awaited<ReturnType<typeof world>>, s: Step): Promise<void> {
  const { session, user, store } = w;
  user.coderName = CODERS[s.who]!;
  const ctx = session.context();
  const codes = ctx.project.codebook;
  const codable = codes.filter((c) => c.codable);
  const docs = ctx.project.documents;
  const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
  const me = () => session.coder();
  let patch: Patch | null = null;
  switch (s.op) {
    case 'code': {
      const doc = pick(docs, s.pick);
      const code = pick(codable, s.pick);
      if (doc && code) patch = applyCodings(ctx, me(), code.id, [{ documentId: doc.id, start: Math.min(s.start, doc.length - 1), end: Math.min(s.start + s.len, doc.length) }]);
      break;
    }
    case 'uncode': {
      const mine = store.state.coder(me())?.codings.list() ?? [];
      const coding = pick(mine, s.pick);
      if (coding) patch = removeCoding(ctx, me(), coding.id);
      break;
    }
    case 'create':
      patch = createCode(ctx, { name: `${s.name} ${s.pick % 7}`, parentId: s.pick % 2 ? null : (pick(codes, s.pick)?.id ?? null) }).patch;
      break;
    case 'rename':
      if (codes.length) patch = updateCode(ctx, { codeId: pick(codes, s.pick)!.id, name: `${s.name} ${s.pick % 5}` });
      break;
    case 'move':
      if (codes.length) patch = moveCode(ctx, pick(codes, s.pick)!.id, s.to % 3 ? pick(codes, s.to)!.id : null, s.index);
      break;
    case 'delete':
      if (codes.length > 4) patch = deleteCode(ctx, pick(codes, s.pick)!.id);
      break;
    case 'merge':
      if (codable.length > 4) patch = mergeCode(ctx, pick(codes, s.pick)!.id, pick(codable, s.to)!.id);
      break;
    case 'memo':
      if (codes.length) patch = createMemo(ctx, me(), { type: 'code', id: pick(codes, s.pick)!.id }, `Note ${s.pick}`).patch;
      break;
    case 'import':
      await runImport(session, [{ file: async () => ({ name: `i${s.n}.txt`, bytes: new Uint8Array(Buffer.from(`Participant: interview number ${s.n} of the study.`)) }), options: {} }]);
      return;
    case 'renameDoc':
      if (docs.length) patch = renameDocument(ctx, pick(docs, s.pick)!.id, `Document ${s.n}`);
      break;
    case 'deleteDoc':
      if (docs.length > 1) patch = deleteDocument(ctx, pick(docs, s.pick)!.id);
      break;
    case 'exchange': {
      // A colleague's file: their coding of the first document, brought in (or brought in again).
      const doc = docs[0];
      const code = codable[0];
      if (!doc || !code) return;
      const coder = { id: 'colleague-1', name: 'Dee', color: '#505a5f', rank: 0 };
      const codings = [{ id: `dee-${s.start}`, documentId: doc.id, codeId: code.id, start: Math.min(s.start, doc.length - 2), end: doc.length, createdAt: '2026-01-01T00:00:00.000Z' }];
      const exchange = buildCoderExchange(store.data, coder, { schemaVersion: 2, coderId: coder.id, codings, memos: [], done: [], decisions: [] }, '2026-01-01T00:00:00.000Z');
      await importCoderWork(session, [exchange], `dee-${s.start}.json`, w.deps.now());
      return;
    }
  }
  if (patch) await session.change(patch);
}

/** Undoes every coder's steps: each time, some coder whose last step nothing later stands on. */
async function undoEveryone(w: Awaited<ReturnType<typeof world>>, check: () => Promise<void>): Promise<void> {
  for (;;) {
    let progressed = false;
    for (const name of CODERS) {
      w.user.coderName = name;
      while (w.session.historyState().canUndo) {
        try {
          await w.session.undo();
        } catch (err) {
          if (err instanceof AppError && err.code === 'CONFLICT') break;
          throw err;
        }
        progressed = true;
        await check();
      }
    }
    if (!progressed) break;
  }
  for (const name of CODERS) {
    w.user.coderName = name;
    expect(w.session.historyState().canUndo, `${name} could undo everything`).toBe(false);
  }
}

describe('every coder undoes all of their own changes', () => {
  it('leaves the project byte for byte as it began, sound after every step (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const w = await world();
        const initial = await files(w.dir);
        const check = async () => expect(await checkProject(w.dir)).toEqual([]);
        for (const s of steps) {
          try {
            await run(w, s);
          } catch (err) {
            // What the operations refuse (a name clash, a move into itself) changes nothing.
            if (!(err instanceof AppError)) throw err;
          }
          await check();
        }
        await undoEveryone(w, check);
        await w.store.close();
        expect(await files(w.dir)).toEqual(initial);
        expect(JSON.parse(await readFile(join(w.dir, 'project.json'), 'utf-8')).coders).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
