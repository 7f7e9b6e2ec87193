import { spawnSync } from 'node:child_process';
import { cp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { dispatch } from '../../../shared/api/dispatch';
import { runCli } from '../../../electron/cli/run-cli';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { LOCK_FILE } from '../../../electron/services/store/project-lock';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { faultyIo } from '../../helpers/faulty-io';
import { fileHashes } from '../../helpers/project-files';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addDocument, addCoder, addCodings, codePatch } from '../../helpers/store-edits';

const tempDir = useTempDirs();

async function project() {
  const dir = join(await tempDir(), 'Study.marginalia');
  const store = await createProject(dir, { name: 'Study', template: 'thrive-ldn' }, fixedDeps());
  const doc = await addDocument(store, { name: 'C1', text: 'Participant: We started the walking group ourselves.', turns: [], attributes: {}, importedFrom: 'c1.txt' });
  const coder = await addCoder(store, 'Amara', '#1d70b8');
  const code = store.data.codebook.find((c) => c.codable)!;
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 11 }]);
  return { dir, store, doc, coder, code };
}

async function lockOf(dir: string) {
  return JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf-8'));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A pid that belonged to a process that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('one writer per project', () => {
  it('takes a lock saying who holds the project, and releases it on close', async () => {
    const { dir, store } = await project();
    const lock = await lockOf(dir);
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname(), app: 'desktop' });
    expect(typeof lock.user).toBe('string');
    expect(new Date(lock.startedAt).toString()).not.toBe('Invalid Date');
    await store.close();
    await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();
    await expect(addCodings(store, 'x', [{ documentId: 'd', codeId: 'c', start: 0, end: 1 }])).rejects.toThrow(/closed/);
  });

  it('opens a project held by another instance read-only: every write is refused and nothing changes', async () => {
    const { dir, store, doc, coder, code } = await project();
    await store.flush();
    const before = await fileHashes(dir);
    const second = await ProjectStore.open(dir, fixedDeps());
    expect(second.readOnly?.reason).toMatch(/is open in another Marginalia window \(.+ on .+, since \d{4}-\d\d-\d\d \d\d:\d\d UTC\); it is open read-only here/);
    expect(second.data.name).toBe('Study');
    expect(second.codingsOf(coder.id)).toHaveLength(1);

    const attempts: Promise<unknown>[] = [
      addCodings(second, coder.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 5 }]),
      second.applyPatch(codePatch(second, code.id, { name: `${code.name}!` }, 'Rename')),
      addDocument(second, { name: 'C2', text: 'More text.', turns: [], attributes: {}, importedFrom: 'c2.txt' }),
      addCoder(second, 'Tom', '#d4351c'),
    ];
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('READ_ONLY');
    expect(second.codingsOf(coder.id)).toHaveLength(1);
    expect(await fileHashes(dir)).toEqual(before);

    // The holder is unaffected, and its lock is still there after the reader closes.
    await second.close();
    await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 2, end: 9 }]);
    expect((await lockOf(dir)).pid).toBe(process.pid);
  });

  it('recovers the lock of a Marginalia that crashed on this computer, and says so', async () => {
    const { dir, store } = await project();
    await store.close();
    const stale = { pid: deadPid(), hostname: hostname(), app: 'desktop', user: 'amara', startedAt: '2026-01-04T16:20:00.000Z', instance: 'old' };
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(stale));
    const reopened = await ProjectStore.open(dir, fixedDeps());
    expect(reopened.readOnly).toBeNull();
    expect(reopened.recoveryNotes.join(' ')).toMatch(/did not close this project properly last time \(amara on .+, since 2026-01-04 16:20 UTC\)/);
    expect(await lockOf(dir)).toMatchObject({ pid: process.pid });
    await reopened.close();
  });

  it('treats a lock from another computer as held, and says how to free it', async () => {
    const { dir, store } = await project();
    await store.close();
    const remote = { pid: 4242, hostname: 'tom-laptop', app: 'browser', user: 'tom', startedAt: '2026-01-05T08:00:00.000Z', instance: 'remote' };
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(remote));
    const reopened = await ProjectStore.open(dir, fixedDeps());
    expect(reopened.readOnly?.reason).toMatch(/tom on tom-laptop, since 2026-01-05 08:00 UTC/);
    expect(reopened.readOnly?.reason).toMatch(/no longer running on tom-laptop, delete the file \.marginalia-lock/);
    expect(await lockOf(dir)).toEqual(remote);
  });

  it('clears a lock that came along with a copy of the project folder', async () => {
    const { dir, store } = await project();
    const copy = join(dir, '..', 'Copy.marginalia');
    await cp(dir, copy, { recursive: true });
    const opened = await ProjectStore.open(copy, fixedDeps());
    expect(opened.readOnly).toBeNull();
    expect(opened.recoveryNotes.join(' ')).toMatch(/a copy made while the original was open/);
    await opened.close();
    await store.close();
  });

  it('replaces an unreadable lock file once it is old, but not while it may be being written', async () => {
    const { dir, store } = await project();
    await store.close();
    const lock = join(dir, LOCK_FILE);
    await writeFile(lock, '');
    const fresh = await ProjectStore.open(dir, fixedDeps());
    expect(fresh.readOnly?.reason).toMatch(/being opened by another Marginalia right now/);
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    const later = await ProjectStore.open(dir, fixedDeps());
    expect(later.readOnly).toBeNull();
    expect(later.recoveryNotes.join(' ')).toMatch(/unreadable lock file/);
    await later.close();
  });

  it('opens a project in a folder that cannot be written read-only, saying why', async () => {
    const { dir, store } = await project();
    await store.close();
    const before = await fileHashes(dir);
    const io = faultyIo();
    io.breakWith('EROFS');
    const reopened = await ProjectStore.open(dir, { ...fixedDeps(), io });
    expect(reopened.readOnly?.reason).toMatch(/folder cannot be written \(the folder is read-only\)/);
    expect((await rejection(addCoder(reopened, 'Tom', '#d4351c'))).code).toBe('READ_ONLY');
    expect(await fileHashes(dir)).toEqual(before);
  });

  it('lets two stores race for one lock: exactly one gets it', async () => {
    const { dir, store } = await project();
    await store.close();
    const stores = await Promise.all(Array.from({ length: 6 }, () => ProjectStore.open(dir, fixedDeps())));
    expect(stores.filter((s) => s.readOnly === null)).toHaveLength(1);
    await Promise.all(stores.map((s) => s.close()));
    await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();
  });

  it('in the app: a project held elsewhere opens with a read-only banner, changes fail with READ_ONLY', async () => {
    const root = await tempDir();
    const first = await sampleBackend(join(root, 'one'));
    const second = await sampleBackend(join(root, 'two'), 'Other');
    const path = join(root, 'one', SAMPLE_PATH);
    await second.grants.allow(path);
    const snapshot = await second.handlers['project.open']({ path });
    expect(snapshot.readOnly?.reason).toMatch(/open in another Marginalia window/);
    const before = await fileHashes(path);
    const doc = (await allDocuments(second.handlers))[0]!;
    const code = snapshot.codebook.find((c) => c.codable)!;
    const reply = await dispatch(second.handlers, 'coding.apply', { documentId: doc.id, codeId: code.id, start: 0, end: 10 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await fileHashes(path)).toEqual(before);

    // Once the first window lets go, opening it again gives write access.
    await first.shutdown();
    await expect(stat(join(path, LOCK_FILE))).rejects.toThrow();
    const again = await second.handlers['project.open']({ path });
    expect(again.readOnly).toBeNull();
    await expect(second.handlers['coding.apply']({ documentId: doc.id, codeId: code.id, start: 0, end: 10 })).resolves.toBeTruthy();
    await second.shutdown();
  });

  it('in the app: opening the project already open here keeps write access, and closing releases it', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    const path = join(root, SAMPLE_PATH);
    const again = await backend.handlers['project.open']({ path });
    expect(again.readOnly).toBeNull();
    await backend.handlers['project.close']({});
    await expect(stat(join(path, LOCK_FILE))).rejects.toThrow();
  });

  it('the command-line import takes the lock, and refuses a project open in the app', async () => {
    const { dir, store } = await project();
    const file = join(dir, '..', 'new.txt');
    await writeFile(file, 'Facilitator: Hello.\nParticipant: Hi.\n');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runCli(['import', dir, file])).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(/nothing was imported\. This project is open in another Marginalia window/);
      await store.close();
      expect(await runCli(['import', dir, file])).toBe(0);
      await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();
      // Reading commands take no lock: they work while the project is open.
      const holder = await ProjectStore.open(dir, fixedDeps());
      expect(await runCli(['info', dir])).toBe(0);
      expect(logs.mock.calls.flat().join('\n')).toMatch(/documents: 2/);
      await holder.close();
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });
});
