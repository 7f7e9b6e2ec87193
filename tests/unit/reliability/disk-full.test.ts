import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { dispatch } from '../../../shared/api/dispatch';
import { createBackend } from '../../../electron/services/backend';
import { checkProject } from '../../../electron/services/project/check-project';
import { JOURNAL_FILE } from '../../../electron/services/project/change-journal';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { writeFileDurably } from '../../../electron/services/store/durable-file';
import { saveFailure } from '../../../electron/services/store/file-io';
import { deleteCode } from '../../../shared/operations/code-ops';
import { faultyIo, fsError } from '../../helpers/faulty-io';
import { fileHashes } from '../../helpers/project-files';
import { allDocuments, SAMPLE_PATH } from '../../helpers/backend';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addDocument, addCoder, addCodings, codePatch } from '../../helpers/store-edits';
import { operationContext } from '../../../shared/operations/context';

const tempDir = useTempDirs();
const TEXT = 'Facilitator: Welcome.\n\nParticipant 1: We started the walking group ourselves.';

async function project() {
  const io = faultyIo();
  const deps = { ...fixedDeps(), io };
  const dir = join(await tempDir(), 'Study.marginalia');
  const store = await createProject(dir, { name: 'Study', template: 'thrive-ldn' }, deps);
  const doc = await addDocument(store, { name: 'Conversation 1', text: TEXT, turns: [], attributes: {}, importedFrom: 'c1.txt' });
  const amara = await addCoder(store, 'Amara', '#1d70b8');
  const tom = await addCoder(store, 'Tom', '#d4351c');
  const code = store.data.codebook.find((c) => c.name === 'Communities take the lead')!;
  await addCodings(store, amara.id, [{ documentId: doc.id, codeId: code.id, start: 38, end: 77 }]);
  await addCodings(store, tom.id, [{ documentId: doc.id, codeId: code.id, start: 40, end: 60 }]);
  await store.flush();
  return { dir, io, deps, store, doc, amara, tom, code };
}

/**
 * The store's data must be the disk's (snapshots and change logs, as another reader opening the
 * project finds them): nothing unsaved may be shown as saved.
 */
async function expectMemoryMatchesDisk(store: ProjectStore) {
  const disk = await ProjectStore.open(store.dir, fixedDeps(), { access: 'read' });
  expect(store.data).toEqual(disk.data);
  for (const coder of store.data.coders) expect(store.coderFile(coder.id)).toEqual(disk.coderFile(coder.id));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const withoutBackups = (hashes: Record<string, string>) => Object.fromEntries(Object.entries(hashes).filter(([f]) => !f.startsWith('backups')));

async function tempFiles(dir: string): Promise<string[]> {
  const names = (await Promise.all(['', 'coders', 'sources'].map((d) => readdir(join(dir, d))))).flat();
  return names.filter((n) => n.endsWith('.tmp'));
}

describe('a full disk or a read-only folder', () => {
  it('refuses a coding on a full disk with a message naming the file, and keeps memory and disk as they were', async () => {
    const { dir, io, store, doc, amara, code } = await project();
    const before = await fileHashes(dir);
    io.breakWith('ENOSPC');
    const err = await rejection(addCodings(store, amara.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 11 }]));
    expect(err.code).toBe('IO');
    expect(err.file).toBe(join(dir, 'coders', `${amara.id}.changes.jsonl`));
    expect(err.message).toMatch(new RegExp(`^coders/${amara.id}\\.changes\\.jsonl could not be saved: the disk is full .*This change was not saved; everything saved before it is intact\\. Free some space`));
    expect(store.codingsOf(amara.id)).toHaveLength(1);
    await expectMemoryMatchesDisk(store);
    expect(withoutBackups(await fileHashes(dir))).toEqual(withoutBackups(before));
    expect(await tempFiles(dir)).toEqual([]);

    // Once there is space, the next change saves, and the refused one does not come back.
    io.heal();
    await addCodings(store, amara.id, [{ documentId: doc.id, codeId: code.id, start: 13, end: 21 }]);
    expect(store.codingsOf(amara.id).map((c) => c.start)).toEqual([13, 38]);
    await expectMemoryMatchesDisk(store);
  });

  it('refuses a codebook change in a read-only folder, saying so', async () => {
    const { dir, io, store } = await project();
    const before = await fileHashes(dir);
    io.breakWith('EROFS');
    const err = await rejection(store.applyPatch(codePatch(store, store.data.codebook[0]!.id, { name: 'Renamed' }, 'Rename')));
    expect(err.message).toMatch(/^project\.changes\.jsonl could not be saved: the folder is read-only\. .*Make the folder writable/);
    expect(store.data.codebook[0]!.name).not.toBe('Renamed');
    await expectMemoryMatchesDisk(store);
    expect(withoutBackups(await fileHashes(dir))).toEqual(withoutBackups(before));
  });

  it('rejects the change whose write failed, and builds the changes waiting behind it on what is saved', async () => {
    const { dir, io, store, doc, amara, code } = await project();
    const coding = (start: number) => addCodings(store, amara.id, [{ documentId: doc.id, codeId: code.id, start, end: start + 5 }]);
    // Changes are saved one at a time: in a burst, the one whose write fails is the one refused.
    io.breakWith('ENOSPC', { times: 1 });
    const burst = await Promise.allSettled([0, 6, 12, 18].map((start) => coding(start)));
    expect(burst.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(store.codingsOf(amara.id).map((c) => c.start)).toEqual([6, 12, 18, 38]);
    await expectMemoryMatchesDisk(store);
    for (const start of [6, 12, 18]) await store.applyPatch({ label: 'Tidy', coders: [{ coderId: amara.id, codings: store.codingsOf(amara.id).filter((c) => c.start === start).map((c) => ({ id: c.id, before: c, after: null })) }] });

    // A change made while a failing write is under way waits for it, and meets the same full disk.
    let release!: () => void;
    let started!: () => void;
    const writing = new Promise<void>((resolve) => (started = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = io.append;
    io.append = async (file, text, options) => {
      if (!file.endsWith(`${amara.id}.changes.jsonl`)) return real(file, text, options);
      started();
      await gate;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const first = coding(20);
    await writing;
    const second = coding(30);
    release();
    expect((await Promise.allSettled([first, second])).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(store.codingsOf(amara.id).map((c) => c.start)).toEqual([38]);
    await expectMemoryMatchesDisk(store);
    io.append = real;
    await coding(40);
    expect(store.codingsOf(amara.id).map((c) => c.start)).toEqual([38, 40]);
    await expectMemoryMatchesDisk(store);
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('takes back a change to several files when one of them cannot be saved', async () => {
    const { dir, io, deps, store, amara, tom, code } = await project();
    const before = await fileHashes(dir);
    const ctx = operationContext(store.state, deps);
    const patch = deleteCode(ctx, code.id);
    // project.json's log takes the change, then Tom's log fails: project.json's must be put back.
    io.breakWith('ENOSPC', { matches: (f) => f.endsWith(`${tom.id}.changes.jsonl`) });
    const err = await rejection(store.applyPatch(patch));
    expect(err.message).toMatch(new RegExp(`coders/${tom.id}\\.changes\\.jsonl could not be saved: the disk is full`));
    expect(store.data.codebook.some((c) => c.id === code.id)).toBe(true);
    expect(store.codingsOf(amara.id)).toHaveLength(1);
    await expectMemoryMatchesDisk(store);
    expect(withoutBackups(await fileHashes(dir))).toEqual(withoutBackups(before));
    expect(await checkProject(dir)).toEqual([]);
    io.heal();
    await store.applyPatch(patch);
    expect(store.codingsOf(tom.id)).toHaveLength(0);
    await expectMemoryMatchesDisk(store);
  });

  it('stops saving when a change can be neither finished nor taken back, and completes it on the next open', async () => {
    const { dir, io, deps, store, amara, tom, code } = await project();
    const ctx = operationContext(store.state, deps);
    // The record of the change and project.json reach the disk; then the disk is full.
    io.breakWith('ENOSPC', { afterWrites: 2 });
    const err = await rejection(store.applyPatch(deleteCode(ctx, code.id)));
    expect(err.code).toBe('IO');
    expect(err.message).toMatch(/could not be saved, nor taken back.*Nothing more will be saved until the project is opened again, which completes that change/s);
    expect(store.readOnly?.reason).toBe(err.message);
    expect((await rejection(addCodings(store, amara.id, [{ documentId: 'any', codeId: 'any', start: 0, end: 1 }]))).message).toBe(err.message);
    expect(await stat(join(dir, JOURNAL_FILE))).toBeTruthy();
    // What checks and the next open see: the change, completed.
    expect(await checkProject(dir)).toEqual([]);
    await store.close();

    io.heal();
    const reopened = await ProjectStore.open(dir, deps);
    expect(reopened.readOnly).toBeNull();
    expect(reopened.recoveryNotes.join(' ')).toMatch(/interrupted last time \("Delete “Communities take the lead” and 2 codings"\) has been completed/);
    expect(reopened.data.codebook.some((c) => c.id === code.id)).toBe(false);
    expect(reopened.codingsOf(amara.id)).toHaveLength(0);
    expect(reopened.codingsOf(tom.id)).toHaveLength(0);
    await expect(stat(join(dir, JOURNAL_FILE))).rejects.toThrow();
    await reopened.close();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('leaves no transcript behind when an import cannot be listed in project.json', async () => {
    const { dir, io, store } = await project();
    const sources = await readdir(join(dir, 'sources'));
    io.breakWith('ENOSPC', { matches: (f) => f.endsWith('project.changes.jsonl') });
    const err = await rejection(addDocument(store, { name: 'Conversation 2', text: 'More.', turns: [], attributes: {}, importedFrom: 'c2.txt' }));
    expect(err.message).toMatch(/^project\.changes\.jsonl could not be saved: the disk is full/);
    expect(store.data.documents).toHaveLength(1);
    expect(await readdir(join(dir, 'sources'))).toEqual(sources);
    await expectMemoryMatchesDisk(store);
  });

  it('leaves no coder file behind when a new coder cannot be listed', async () => {
    const { dir, io, store } = await project();
    const coders = await readdir(join(dir, 'coders'));
    io.breakWith('EDQUOT', { matches: (f) => f.endsWith('project.changes.jsonl') });
    const err = await rejection(addCoder(store, 'Priya', '#00703c'));
    expect(err.message).toMatch(/^project\.changes\.jsonl could not be saved: the disk is full \(or your storage quota is used up\)/);
    expect(store.data.coders.map((c) => c.name)).toEqual(['Amara', 'Tom']);
    expect(await readdir(join(dir, 'coders'))).toEqual(coders);
    await expect(stat(join(dir, JOURNAL_FILE))).rejects.toThrow();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('in the app: a coding on a full disk comes back as an IO error and is not shown, nor offered for undo', async () => {
    const root = await tempDir();
    const io = faultyIo();
    const app = await createBackend({ dataDir: join(root, 'data'), documentsDir: join(root, 'Documents'), resourcesDir: 'resources', shell: 'browser', deps: { ...fixedDeps(), io } });
    await app.openInitialProject();
    await app.handlers['app.setCoderName']({ name: 'Test Coder' });
    const state = await app.handlers['app.getState']({});
    const doc = (await allDocuments(app.handlers))[0]!;
    const code = state.project!.codebook.find((c) => c.codable)!;
    await app.handlers['coding.apply']({ documentId: doc.id, codeId: code.id, start: 0, end: 10 });
    const before = await fileHashes(join(root, SAMPLE_PATH));
    io.breakWith('ENOSPC');
    const reply = await dispatch(app.handlers, 'coding.apply', { documentId: doc.id, codeId: code.id, start: 20, end: 30 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/^coders\/.+\.changes\.jsonl could not be saved: the disk is full/) } });
    const after = await app.handlers['app.getState']({});
    expect(after.project!.codingCounts[code.id]?.[after.project!.currentCoderId!]).toBe(1);
    expect(after.history.undoLabel).toMatch(/^Code/);
    expect((await app.handlers['document.codings']({ documentId: doc.id })).filter((c) => c.start === 20)).toEqual([]);
    expect(withoutBackups(await fileHashes(join(root, SAMPLE_PATH)))).toEqual(withoutBackups(before));
    io.heal();
    await app.shutdown();
  });

  it('names the cause of each kind of failed save', () => {
    const cases: [string, RegExp][] = [
      ['ENOSPC', /the disk is full/],
      ['EDQUOT', /storage quota/],
      ['EROFS', /the folder is read-only\./],
      ['EACCES', /read-only or you are not allowed to change it/],
      ['EPERM', /read-only or you are not allowed to change it/],
      ['EIO', /EIO: failed/],
    ];
    for (const [code, message] of cases) {
      const err = saveFailure(fsError(code), 'coders/a.json', '/p/coders/a.json');
      expect(err).toMatchObject({ code: 'IO', file: '/p/coders/a.json' });
      expect(err.message).toMatch(/^coders\/a\.json could not be saved: /);
      expect(err.message).toMatch(message);
    }
  });

  it('removes its temp file when the final rename fails, leaving the target as it was', async () => {
    const dir = await tempDir();
    const target = join(dir, 'taken');
    await mkdir(target);
    await expect(writeFileDurably(target, 'content')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });
});
