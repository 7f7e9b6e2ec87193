import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { checkProject } from '../../../electron/services/project/check-project';
import { LOCK_FILE } from '../../../electron/services/store/project-lock';
import { appWithPicked, realCoderProject } from '../../helpers/real-coder-project';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * Issue 15: a coder's name travels with their file, so a coder file re-attached after a restore
 * (or a colleague's) is listed under its name; renaming a coder changes both files, undoably.
 */

const tempDir = useTempDirs();

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf-8'));

async function opened() {
  const made = await realCoderProject(await tempDir());
  const app = await appWithPicked(made.root, made.dir);
  await app.handlers['project.open']({ path: made.dir });
  const files = { project: join(made.dir, 'project.json'), coder: join(made.dir, 'coders', `${made.coder.id}.json`) };
  const namesOnDisk = async () => ({ project: (await readJson(files.project)).coders.map((c: { name: string }) => c.name), coder: (await readJson(files.coder)).name });
  return { ...made, app, files, namesOnDisk };
}

/** project.json loses its coders and documents, and its backups are gone: only the files themselves can say who they were. */
async function loseProjectListing(dir: string) {
  const project = await readJson(join(dir, 'project.json'));
  await writeFile(join(dir, 'project.json'), JSON.stringify({ ...project, coders: [], documents: [] }));
  await rm(join(dir, 'backups'), { recursive: true });
}

describe("a coder's name in their own file", () => {
  it('is written when the coder is created', async () => {
    const { dir, coder } = await realCoderProject(await tempDir());
    expect(await readJson(join(dir, 'coders', `${coder.id}.json`))).toMatchObject({ coderId: coder.id, name: 'Real Coder' });
  });

  it('follows a rename in project.json and the coder file alike, and an undo takes both back', async () => {
    const { app, coder, dir, namesOnDisk } = await opened();
    const renamed = await app.handlers['coder.rename']({ coderId: coder.id, name: '  Amira Haddad ' });
    expect(renamed.message).toMatch(/Rename coder “Real Coder” to “Amira Haddad”/);
    expect((await app.handlers['app.getState']({})).project!.coders.map((c) => c.name)).toEqual(['Amira Haddad']);
    await app.handlers['project.close']({});
    expect(await namesOnDisk()).toEqual({ project: ['Amira Haddad'], coder: 'Amira Haddad' });
    expect(await checkProject(dir)).toEqual([]);

    await app.handlers['project.open']({ path: dir });
    await app.handlers['coder.rename']({ coderId: coder.id, name: 'Someone Else' });
    const undone = await app.handlers['history.undo']({});
    expect(undone.message).toBe('Undid: Rename coder “Amira Haddad” to “Someone Else”');
    await app.shutdown();
    expect(await namesOnDisk()).toEqual({ project: ['Amira Haddad'], coder: 'Amira Haddad' });
    expect(await checkProject(dir)).toEqual([]);
  });

  it('is saved by the change itself: a rename survives the app being killed before it closes the project', async () => {
    const { app, coder, root, dir } = await opened();
    await app.handlers['coder.rename']({ coderId: coder.id, name: 'Amira Haddad' });
    // The folder as a kill would leave it (snapshots and change logs, no close), without its lock.
    const crashed = join(root, 'Crashed.marginalia');
    await cp(dir, crashed, { recursive: true });
    await rm(join(crashed, LOCK_FILE));
    await app.shutdown();
    await loseProjectListing(crashed);
    const next = await appWithPicked(root, crashed);
    await next.handlers['project.open']({ path: crashed });
    const { snapshot } = await next.handlers['project.repairStrayFiles']({ action: 'reattach' });
    expect(snapshot.coders.map((c) => c.name)).toEqual(['Amira Haddad']);
    await next.shutdown();
  });

  it('names a stray coder file re-attached with no backup of project.json to ask', async () => {
    const { root, dir, coder, codeId } = await realCoderProject(await tempDir());
    await loseProjectListing(dir);
    const app = await appWithPicked(root, dir);
    await app.handlers['project.open']({ path: dir });
    const repaired = await app.handlers['project.repairStrayFiles']({ action: 'reattach' });
    expect(repaired.message).toMatch(/Coder "Real Coder" was recreated from coders\/.*\.json with 1 coding/);
    expect(repaired.snapshot.coders).toEqual([expect.objectContaining({ id: coder.id, name: 'Real Coder' })]);
    expect(repaired.snapshot.codingCounts[codeId]?.[coder.id]).toBe(1);
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('may be absent (a file written before names travelled): it opens, and gains the name at its next save', async () => {
    const { root, dir, coder } = await realCoderProject(await tempDir());
    const coderFile = join(dir, 'coders', `${coder.id}.json`);
    const { name: _dropped, ...older } = await readJson(coderFile);
    await writeFile(coderFile, JSON.stringify(older));
    const app = await appWithPicked(root, dir);
    const snapshot = await app.handlers['project.open']({ path: dir });
    expect(snapshot.coders.map((c) => c.name)).toEqual(['Real Coder']);
    await app.handlers['coder.rename']({ coderId: coder.id, name: 'Amira Haddad' });
    await app.shutdown();
    expect(await readJson(coderFile)).toMatchObject({ coderId: coder.id, name: 'Amira Haddad' });
    expect(await checkProject(dir)).toEqual([]);
  });
});

describe('renaming a coder refuses', () => {
  it('an empty name, control characters, a name another coder has (in any case), and the user themself, saying why', async () => {
    const { app, coder, doc, codeId } = await opened();
    const refused = async (input: { coderId: string; name: string }) => {
      const reply = await dispatch(app.handlers, 'coder.rename', input);
      return reply.ok ? null : reply.error;
    };
    expect(await refused({ coderId: coder.id, name: '   ' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await refused({ coderId: coder.id, name: 'Amira\u0000' }))?.message).toMatch(/control characters/);
    // "Lead" becomes a coder with their first coding.
    await app.handlers['app.setCoderName']({ name: 'Lead' });
    await app.handlers['coding.apply']({ documentId: doc.id, codeId, start: 0, end: 11 });
    expect(await refused({ coderId: coder.id, name: 'lead' })).toMatchObject({ code: 'ALREADY_EXISTS', message: 'A coder named “Lead” is already in the project.' });
    const lead = (await app.handlers['app.getState']({})).project!.currentCoderId!;
    expect((await refused({ coderId: lead, name: 'Boss' }))?.message).toMatch(/“Lead” is you/);
    expect(await refused({ coderId: 'no-such-coder', name: 'X' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.handlers['app.getState']({})).project!.coders.map((c) => c.name).sort()).toEqual(['Lead', 'Real Coder']);
    await app.shutdown();
  });
});
