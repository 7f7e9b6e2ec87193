import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { dispatch } from '../../../shared/api/dispatch';
import { createBackend } from '../../../electron/services/backend';
import { checkProject } from '../../../electron/services/project/check-project';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { LOCK_FILE } from '../../../electron/services/store/project-lock';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addDocument, addCoder, addCodings, codePatch } from '../../helpers/store-edits';

const tempDir = useTempDirs();
const TEXT = 'Facilitator: Welcome.\n\nParticipant 1: We started the walking group ourselves.';

/**
 * A project saved in two sessions, ten minutes apart, so that backups/ holds two versions of
 * project.json and of the coder file; then a third session's work, after the last backup.
 */
async function projectWithBackups() {
  const root = await tempDir();
  const dir = join(root, 'Study.marginalia');
  let store = await createProject(dir, { name: 'Study', template: 'thrive-ldn' }, fixedDeps(Date.UTC(2026, 0, 5, 9)));
  const doc = await addDocument(store, { name: 'Conversation 1', text: TEXT, turns: [], attributes: {}, importedFrom: 'c1.txt' });
  const coder = await addCoder(store, 'Amara', '#1d70b8');
  const code = store.data.codebook.find((c) => c.name === 'Communities take the lead')!;
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 38, end: 77 }]);
  await store.close();
  store = await ProjectStore.open(dir, fixedDeps(Date.UTC(2026, 0, 6, 14)));
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 11 }]);
  await store.applyPatch(codePatch(store, code.id, { name: 'Communities lead' }, 'Describe'));
  await store.close();
  store = await ProjectStore.open(dir, fixedDeps(Date.UTC(2026, 0, 7, 10)));
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 13, end: 21 }]);
  await store.applyPatch(codePatch(store, code.id, { name: 'Communities in the lead' }, 'Describe'));
  await store.close();
  return { root, dir, doc, coder, code, coderName: `coders/${coder.id}.json` };
}

async function openError(dir: string): Promise<AppError> {
  const err = await ProjectStore.open(dir, fixedDeps()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The app, with the project folder `dir` picked by the user (as Open project does). */
async function backend(root: string, dir: string) {
  const app = await createBackend({
    dataDir: join(root, 'data'),
    documentsDir: join(root, 'Documents'),
    resourcesDir: 'resources',
    shell: 'browser',
    deps: fixedDeps(Date.UTC(2026, 0, 8, 12)),
  });
  await app.grants.allow(dir);
  return app;
}

const damage: Record<string, (text: string) => string | Buffer> = {
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  garbled: () => randomBytes(700),
  'from a newer version': (text) => JSON.stringify({ ...JSON.parse(text), schemaVersion: 99 }),
  'of the wrong shape': (text) => JSON.stringify({ ...JSON.parse(text), codings: 'none', codebook: 7 }),
};

describe('damaged files', () => {
  for (const [how, spoil] of Object.entries(damage)) {
    for (const which of ['project.json', 'coder file'] as const) {
      it(`offers the newest sound backup of a ${which} ${how}, keeps the damaged file, and opens`, async () => {
        const { root, dir, coderName, coder } = await projectWithBackups();
        const name = which === 'project.json' ? 'project.json' : coderName;
        const file = join(dir, ...name.split('/'));
        const bad = spoil(await readFile(file, 'utf-8'));
        await writeFile(file, bad);

        const err = await openError(dir);
        expect(err.code).toBe(how === 'from a newer version' ? 'UNSUPPORTED_VERSION' : 'DAMAGED_FILE');
        expect(err.message).toContain(name);
        expect(err.message).toMatch(/newest backup that is sound is from 2026-01-07 10:00 UTC: it can be restored/);
        expect(err.restore).toMatchObject({ projectPath: dir, file: name });
        // Two sets per session that changed the file (before its first change, and as it closed), newest first.
        expect(err.restore!.backups.slice(0, 3)).toEqual([
          { backup: expect.stringMatching(/^.+\.20260107-1000\d\d-000\.json$/), takenAt: expect.stringMatching(/^2026-01-07T10:00/) },
          { backup: expect.stringMatching(/^.+\.20260107-1000\d\d-000\.json$/), takenAt: expect.stringMatching(/^2026-01-07T10:00/) },
          { backup: expect.stringMatching(/^.+\.20260106-1400\d\d-000\.json$/), takenAt: expect.stringMatching(/^2026-01-06T14:00/) },
        ]);
        // Failing to open never writes: the damaged file is as it was, and no lock is left.
        expect(await readFile(file)).toEqual(Buffer.from(bad));
        await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();

        // The offer travels to the UI in the error envelope, and the UI calls restoreBackup with it.
        const app = await backend(root, dir);
        const reply = await dispatch(app.handlers, 'project.open', { path: dir });
        expect(reply.ok).toBe(false);
        const offer = !reply.ok ? reply.error.restore! : null;
        expect(offer).toEqual(err.restore);
        const restored = await app.handlers['project.restoreBackup']({ path: offer!.projectPath, file: offer!.file });
        expect(restored).toMatchObject({ file: name, takenAt: expect.stringMatching(/^2026-01-07T10:00/), damagedCopy: expect.stringMatching(/^damaged\/.+\.json$/) });
        expect(restored.message).toMatch(new RegExp(`${name.replace('.', '\\.')} was restored from the backup of 2026-01-07 10:00 UTC .*kept as damaged/`));
        expect(await readFile(join(dir, restored.damagedCopy!))).toEqual(Buffer.from(bad));
        expect(restored.snapshot.readOnly).toBeNull();
        // The newest set was taken as the 7th's session closed: it holds that session's work.
        if (which === 'project.json') expect(restored.snapshot.codebook.some((c) => c.name === 'Communities in the lead')).toBe(true);
        else expect(restored.snapshot.codingCounts[Object.keys(restored.snapshot.codingCounts)[0]!]?.[coder.id]).toBe(3);
        await app.shutdown();
        expect(await checkProject(dir)).toEqual([]);
      });
    }
  }

  it('offers a backup of a missing coder file and of a missing project.json', async () => {
    const { root, dir, coderName } = await projectWithBackups();
    await rm(join(dir, ...coderName.split('/')));
    const err = await openError(dir);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(new RegExp(`${coderName} is missing`));
    expect(err.restore?.file).toBe(coderName);
    const app = await backend(root, dir);
    const restored = await app.handlers['project.restoreBackup']({ path: dir, file: coderName });
    expect(restored.damagedCopy).toBeNull();
    expect(restored.message).not.toMatch(/kept as/);

    await app.handlers['project.close']({});
    await rm(join(dir, 'project.json'));
    const missing = await openError(dir);
    expect(missing.message).toMatch(/has no project\.json.*newest backup that is sound/s);
    expect(missing.restore?.file).toBe('project.json');
    await app.shutdown();
  });

  it('skips backups that do not validate, and says when there is none', async () => {
    const { dir } = await projectWithBackups();
    const backups = (await readdir(join(dir, 'backups'))).filter((b) => b.startsWith('project.')).sort();
    await writeFile(join(dir, 'backups', backups[backups.length - 1]!), '{"schemaVersion": 1, "na');
    await writeFile(join(dir, 'project.json'), 'garbage');
    const err = await openError(dir);
    expect(err.restore?.backups.map((b) => b.backup)).toEqual(backups.slice(0, -1).reverse());

    for (const b of backups) await rm(join(dir, 'backups', b));
    const none = await openError(dir);
    expect(none.restore).toBeUndefined();
    expect(none.message).toMatch(/There is no backup of project\.json to restore/);
  });

  it('never restores over a sound file, never while another window holds the project, and never overwrites a kept copy', async () => {
    const { root, dir, coderName } = await projectWithBackups();
    const app = await backend(root, dir);
    const sound = await dispatch(app.handlers, 'project.restoreBackup', { path: dir, file: 'project.json' });
    expect(sound).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not damaged/) } });

    const holder = await ProjectStore.open(dir, fixedDeps());
    await writeFile(join(dir, ...coderName.split('/')), 'x');
    const held = await dispatch(app.handlers, 'project.restoreBackup', { path: dir, file: coderName });
    expect(held).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringMatching(/cannot be restored now.*open in another Marginalia window/s) } });
    expect(await readFile(join(dir, ...coderName.split('/')), 'utf-8')).toBe('x');
    await holder.close();

    // The same damage twice at the same moment: two kept copies, neither overwritten.
    const first = await app.handlers['project.restoreBackup']({ path: dir, file: coderName });
    await app.handlers['project.close']({});
    await writeFile(join(dir, ...coderName.split('/')), 'y');
    const second = await app.handlers['project.restoreBackup']({ path: dir, file: coderName, backup: first.backup.replace('backups/', '') });
    expect(second.damagedCopy).not.toBe(first.damagedCopy);
    expect(await readFile(join(dir, first.damagedCopy!), 'utf-8')).toBe('x');
    expect(await readFile(join(dir, second.damagedCopy!), 'utf-8')).toBe('y');

    const bad = await dispatch(app.handlers, 'project.restoreBackup', { path: dir, file: '../../etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await app.shutdown();
  });

  it('names the document whose transcript is missing, says there is no backup of it, and opens the rest', async () => {
    const { dir, doc } = await projectWithBackups();
    await rm(join(dir, 'sources', `${doc.id}.txt`));
    const store = await ProjectStore.open(dir, fixedDeps());
    expect(store.readOnly).toBeNull();
    const err = await store.readSource(doc.id).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err?.code).toBe('NOT_FOUND');
    expect(err?.message).toMatch(/The transcript of "Conversation 1" is missing \(sources\/.+\.txt\)\. Transcripts .* are not kept in backups\/.*Your codings of it are kept/);
    expect(err?.restore).toBeUndefined();
    expect(store.documentCodings(doc.id)).toHaveLength(3);
    await store.close();
    expect(await checkProject(dir)).toEqual([{ file: `sources/${doc.id}.txt`, message: 'the transcript of "Conversation 1" is missing' }]);
  });
});
