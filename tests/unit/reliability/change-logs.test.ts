import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { checkProject } from '../../../electron/services/project/check-project';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { service, stopAllOrThrow } from '../../../electron/services/lifecycle';
import { LOCK_FILE } from '../../../electron/services/store/project-lock';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addCoder, addCodings, addDocument } from '../../helpers/store-edits';

const tempDir = useTempDirs();

/**
 * A project as a session that stopped without closing leaves it (a copy taken while it was
 * open, without its lock): three codings in a coder's change log beside the snapshot.
 */
async function projectWithLog() {
  const root = await tempDir();
  const live = join(root, 'Live.marginalia');
  const store = await createProject(live, { name: 'Logs', template: 'thrive-ldn' }, fixedDeps());
  const text = 'Facilitator: Welcome.\n\nParticipant 1: We started the walking group ourselves.';
  const doc = await addDocument(store, { name: 'Conversation 1', text, turns: [], attributes: {}, importedFrom: 'c1.txt' });
  const coder = await addCoder(store, 'Amara', '#1d70b8');
  const code = store.data.codebook.find((c) => c.codable)!;
  for (let i = 0; i < 3; i++) await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: i * 10, end: i * 10 + 8 }]);
  await store.flush();
  const dir = join(root, 'Crashed.marginalia');
  await cp(live, dir, { recursive: true });
  await rm(join(dir, LOCK_FILE));
  await store.close();
  const name = `coders/${coder.id}.changes.jsonl`;
  return { dir, log: join(dir, ...name.split('/')), name, coderId: coder.id };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('change logs after a crash', () => {
  it('replays a log left by a session that never closed', async () => {
    const { dir, coderId } = await projectWithLog();
    const store = await ProjectStore.open(dir, fixedDeps());
    expect(store.codingsOf(coderId)).toHaveLength(3);
    expect(await checkProject(dir)).toEqual([]);
    await store.close();
  });

  it('drops a last change cut short mid-append, says so naming the log, and keeps every whole one', async () => {
    const { dir, log, name, coderId } = await projectWithLog();
    const whole = await readFile(log, 'utf-8');
    await appendFile(log, '{"seq":4,"label":"Code passages","changes":{"codings":[{"id":"x","bef');
    const store = await ProjectStore.open(dir, fixedDeps());
    expect(store.codingsOf(coderId)).toHaveLength(3);
    expect(store.recoveryNotes.join(' ')).toContain(`The last change written to ${name} was cut short`);
    // Cut off on disk, so the next change starts a line of its own.
    expect(await readFile(log, 'utf-8')).toBe(whole);
    expect(await checkProject(dir)).toEqual([]);
    await store.close();
  });

  it('refuses a log damaged before its last line, naming the log and the line, and leaves it as it was', async () => {
    const { dir, log, name } = await projectWithLog();
    const lines = (await readFile(log, 'utf-8')).split('\n');
    lines[1] = lines[1]!.replace('"codings"', '"codings"x');
    const damagedText = lines.join('\n');
    await writeFile(log, damagedText);
    const err = await errorOf(ProjectStore.open(dir, fixedDeps()));
    expect(err.code).toBe('DAMAGED_FILE');
    expect(err.message).toMatch(new RegExp(`${name.replace('.', '\\.')} is damaged at line 2`));
    expect(await readFile(log, 'utf-8')).toBe(damagedText);
    const problems = await checkProject(dir);
    expect(problems).toEqual([expect.objectContaining({ file: name, message: expect.stringMatching(/line 2/) })]);
  });

  it('refuses a log whose changes do not follow one another (one lost in between)', async () => {
    const { dir, log, name } = await projectWithLog();
    const lines = (await readFile(log, 'utf-8')).split('\n');
    await writeFile(log, [lines[0], lines[2], ''].join('\n'));
    const err = await errorOf(ProjectStore.open(dir, fixedDeps()));
    expect(err.code).toBe('DAMAGED_FILE');
    expect(err.message).toContain(name);
    expect((await checkProject(dir)).map((p) => p.file)).toContain(name);
  });
});

describe('services stopping', () => {
  it('stops every service in turn, even after one fails, and names each that failed', async () => {
    const stopped: string[] = [];
    const services = ['changes', 'compactor', 'backups', 'lock'].map((name) =>
      service(name, async () => {
        stopped.push(name);
        if (name === 'changes' || name === 'backups') throw new Error(`${name} broke`);
      }),
    );
    const err = await errorOf(stopAllOrThrow(services));
    expect(stopped).toEqual(['changes', 'compactor', 'backups', 'lock']);
    expect(err.message).toMatch(/changes: changes broke.*backups: backups broke/);
  });
});
