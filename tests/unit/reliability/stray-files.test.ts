import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocuments } from '../../helpers/backend';
import { checkProject } from '../../../electron/services/project/check-project';
import { appWithPicked, realCoderProject } from '../../helpers/real-coder-project';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * Issue 15: files in a project folder that project.json does not list (a coder file whose coder
 * it lost, a transcript whose document it lost) are found when the project is opened, named by
 * `check` with their repair, and re-attached in one undoable change or moved aside.
 */

const tempDir = useTempDirs();
/** "Real Coder" coded a passage of a document in a closed project; then project.json lost both
 * the coder and the document (as an older Marginalia's restore of project.json alone left it). */
async function projectThatLostThem(options: { backups: boolean }) {
  const made = await realCoderProject(await tempDir());
  const projectFile = join(made.dir, 'project.json');
  const project = JSON.parse(await readFile(projectFile, 'utf-8'));
  await writeFile(projectFile, JSON.stringify({ ...project, coders: [], documents: [] }, null, 1));
  if (!options.backups) await rm(join(made.dir, 'backups'), { recursive: true });
  return made;
}

const backend = (root: string) => appWithPicked(root, join(root, 'Study.marginalia'));

describe('files project.json does not list', () => {
  it('are named by check, each with its repair', async () => {
    const { dir, coder, doc } = await projectThatLostThem({ backups: true });
    const problems = await checkProject(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: `coders/${coder.id}.json`, message: expect.stringMatching(/belongs to no coder listed in project\.json: open the project in Marginalia and choose "Re-attach" \(or run marginalia check --repair\) to recreate its coder/) },
        { file: `sources/${doc.id}.txt`, message: expect.stringMatching(/this transcript belongs to no document listed in project\.json: open the project .* to list it as a document again, or move it aside/) },
        { file: `sources/${doc.id}.turns.json`, message: expect.stringMatching(/speaker-turns file belongs to no document/) },
      ]),
    );
  });

  it('are found on opening, and re-attached in one undoable change with the coder and document as the backups knew them', async () => {
    const { root, dir, coder, doc, codeId } = await projectThatLostThem({ backups: true });
    const app = await backend(root);
    const opened = await app.handlers['project.open']({ path: dir });
    expect(opened.coders).toEqual([]);
    expect(opened.strayFiles).toEqual({ coderFiles: [`coders/${coder.id}.json`], transcripts: [`sources/${doc.id}.turns.json`, `sources/${doc.id}.txt`] });

    const repaired = await app.handlers['project.repairStrayFiles']({ action: 'reattach' });
    expect(repaired.message).toMatch(/Coder "Real Coder" was recreated from coders\/.*\.json with 1 coding, memo or mark\./);
    expect(repaired.message).toMatch(/1 transcript listed again as a document: "Conversation 1"/);
    const snapshot = repaired.snapshot;
    expect(snapshot.strayFiles).toBeUndefined();
    expect(snapshot.coders).toEqual([expect.objectContaining({ id: coder.id, name: 'Real Coder', color: '#d4351c' })]);
    expect((await allDocuments(app.handlers)).map((d) => d.name)).toEqual(['Conversation 1']);
    expect(snapshot.codingCounts[codeId]?.[coder.id]).toBe(1);
    // The coder's file as it was is kept in damaged/ before it is rewritten.
    expect((await readdir(join(dir, 'damaged'))).some((n) => n.startsWith(`coders-${coder.id}.`))).toBe(true);

    // One step back: the coder and document are gone again, and nothing is reported twice.
    const undone = await app.handlers['history.undo']({});
    expect(undone.message).toBe('Undid: Re-attach files project.json did not list');
    expect((await app.handlers['app.getState']({})).project!.coders).toEqual([]);
    await app.handlers['history.redo']({});
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('without a backup naming them, nor a name in the coder file (an older one), gets a placeholder name that says where it came from', async () => {
    const { root, dir, coder, doc, codeId } = await projectThatLostThem({ backups: false });
    const coderFile = join(dir, 'coders', `${coder.id}.json`);
    const { name: _unnamed, ...older } = JSON.parse(await readFile(coderFile, 'utf-8'));
    await writeFile(coderFile, JSON.stringify(older));
    const app = await backend(root);
    await app.handlers['project.open']({ path: dir });
    const { snapshot } = await app.handlers['project.repairStrayFiles']({ action: 'reattach' });
    expect(snapshot.coders.map((c) => c.name)).toEqual([`Recovered coder (file coders/${coder.id}.json)`]);
    expect((await allDocuments(app.handlers)).map((d) => d.name)).toEqual([`Recovered transcript (sources/${doc.id}.txt)`]);
    expect(snapshot.codingCounts[codeId]?.[coder.id]).toBe(1);
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('leaves work pointing at what the project no longer has in the copy kept aside, and says so', async () => {
    const { root, dir, coder, codeId } = await projectThatLostThem({ backups: true });
    const project = JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8'));
    await writeFile(join(dir, 'project.json'), JSON.stringify({ ...project, codebook: project.codebook.filter((c: { id: string }) => c.id !== codeId) }));
    const app = await backend(root);
    await app.handlers['project.open']({ path: dir });
    const repaired = await app.handlers['project.repairStrayFiles']({ action: 'reattach' });
    expect(repaired.message).toMatch(/with 0 codings, memos and marks \(1 item pointing at codes or documents the project no longer has stayed in the copy kept in damaged\/\)/);
    expect(repaired.snapshot.coders.map((c) => c.id)).toEqual([coder.id]);
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('can be moved aside instead, leaving project.json as it was', async () => {
    const { root, dir, coder, doc } = await projectThatLostThem({ backups: true });
    const before = await readFile(join(dir, 'project.json'), 'utf-8');
    const app = await backend(root);
    await app.handlers['project.open']({ path: dir });
    const moved = await app.handlers['project.repairStrayFiles']({ action: 'setAside' });
    expect(moved.message).toBe(`3 files that project.json did not list were moved to damaged/: coders/${coder.id}.json, sources/${doc.id}.turns.json, sources/${doc.id}.txt.`);
    expect(moved.snapshot.strayFiles).toBeUndefined();
    expect(await readdir(join(dir, 'coders'))).toEqual([]);
    expect((await readdir(join(dir, 'damaged'))).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^sources-.*\.txt$/), expect.stringMatching(/^coders-/)]));
    await app.shutdown();
    expect(await readFile(join(dir, 'project.json'), 'utf-8')).toBe(before);
    expect(await checkProject(dir)).toEqual([]);
  });

  it('a damaged stray coder file cannot be re-attached: it is moved aside, and the repair says why', async () => {
    const { root, dir, coder } = await projectThatLostThem({ backups: true });
    await writeFile(join(dir, 'coders', `${coder.id}.json`), '{');
    const app = await backend(root);
    await app.handlers['project.open']({ path: dir });
    const repaired = await app.handlers['project.repairStrayFiles']({ action: 'reattach' });
    expect(repaired.message).toMatch(new RegExp(`Could not be re-attached, so moved to damaged/: coders/${coder.id}\\.json \\(coders/${coder.id}\\.json is missing, damaged, or not the file of coder`));
    expect(repaired.snapshot.coders).toEqual([]);
    await expect(app.handlers['project.repairStrayFiles']({ action: 'reattach' })).rejects.toThrow(/nothing to repair/);
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });
});
