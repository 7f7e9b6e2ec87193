import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocuments } from '../../helpers/backend';
import { dispatch } from '../../../shared/api/dispatch';
import { checkProject } from '../../../electron/services/project/check-project';
import { CONVERSATION, appOn, appWithPicked, realCoderProject } from '../../helpers/real-coder-project';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * Issue 15's scenario: code a passage as "Real Coder", close, damage
 * project.json, restore it. Restoring project.json alone from a backup older than the coder hid
 * their work and left a coder file that project.json did not list; a set restores them together.
 */

const tempDir = useTempDirs();
/** A project where "Real Coder" coded a passage in one session, then closed it. */
const codedProject = async () => realCoderProject(await tempDir());

const truncate = async (file: string) => writeFile(file, (await readFile(file, 'utf-8')).slice(0, 40));

describe('restoring project.json restores the backup set it belongs to', () => {
  it('keeps the coder and their coding, lists no coder file twice, and passes check', async () => {
    const { root, dir, coder, codeId } = await codedProject();
    const coderFile = join(dir, 'coders', `${coder.id}.json`);
    const coderBefore = await readFile(coderFile, 'utf-8');
    await truncate(join(dir, 'project.json'));

    const app = await appWithPicked(root, dir);
    const reply = await dispatch(app.handlers, 'project.open', { path: dir });
    const offer = !reply.ok ? reply.error.restore! : null;
    expect(offer?.file).toBe('project.json');
    const restored = await app.handlers['project.restoreBackup']({ path: offer!.projectPath, file: offer!.file });

    expect(restored.alsoRestored).toEqual([`coders/${coder.id}.json`]);
    expect(restored.message).toMatch(/project\.json was restored from the backup of .*together with the 1 coder file taken at the same moment/);
    expect(restored.snapshot.coders.map((c) => c.name)).toContain('Real Coder');
    expect(restored.snapshot.codingCounts[codeId]?.[coder.id]).toBe(1);
    // Coding again as the same coder adds to their file: no second "Real Coder".
    expect(restored.snapshot.coders.filter((c) => c.name === 'Real Coder')).toHaveLength(1);
    // Every file replaced is kept aside, the damaged project.json first of all.
    expect(restored.damagedCopy).toMatch(/^damaged\/project\./);
    expect(restored.keptAside).toEqual(expect.arrayContaining([restored.damagedCopy, expect.stringMatching(/^damaged\/coders-/)]));
    expect(JSON.parse(await readFile(join(dir, restored.keptAside.find((k) => k.startsWith('damaged/coders-'))!), 'utf-8'))).toEqual(JSON.parse(coderBefore));
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('restoring an older set never leaves a coder file project.json does not list: it goes to damaged/', async () => {
    const { root, dir, coder } = await codedProject();
    // The set taken before the first change: the blank project, before "Real Coder" existed.
    const sets = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('set.')).sort();
    expect(sets.length).toBeGreaterThanOrEqual(2);
    const oldest = sets[0]!.replace(/^set\./, 'project.');
    await truncate(join(dir, 'project.json'));

    const app = await appWithPicked(root, dir);
    const restored = await app.handlers['project.restoreBackup']({ path: dir, file: 'project.json', backup: oldest });
    expect(restored.backup).toBe(`backups/${oldest}`);
    expect(restored.snapshot.coders.map((c) => c.name)).not.toContain('Real Coder');
    expect(await readdir(join(dir, 'coders'))).toEqual([]);
    expect(restored.keptAside.some((k) => k.startsWith(`damaged/coders-${coder.id}`))).toBe(true);
    // The transcript of a document imported after that set is kept aside too, to import again if wanted.
    expect(restored.keptAside.filter((k) => k.startsWith('damaged/sources-')).length).toBeGreaterThan(0);
    await app.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('falls back to project.json alone when its set is not whole (a member damaged)', async () => {
    const { root, dir, coder } = await codedProject();
    const backups = join(dir, 'backups');
    const newest = (await readdir(backups)).filter((n) => n.startsWith('set.')).sort().at(-1)!.replace(/^set\.|\.json$/g, '');
    await writeFile(join(backups, `coders-${coder.id}.${newest}.json`), 'damaged');
    await truncate(join(dir, 'project.json'));
    const app = await appWithPicked(root, dir);
    const restored = await app.handlers['project.restoreBackup']({ path: dir, file: 'project.json' });
    expect(restored.alsoRestored).toEqual([]);
    // The coder's own file was left as it was.
    expect(await readdir(join(dir, 'coders'))).toContain(`${coder.id}.json`);
    await app.shutdown();
  });
});

describe('issue 15, as a user meets it', () => {
  it('code X, a coding as "Real Coder", close, project.json cut short, restore: all kept, check passes, coding again reuses the coder', async () => {
    const root = await tempDir();
    const dir = join(root, 'Documents', 'Study.marginalia');
    const transcript = join(root, 'c1.txt');
    await writeFile(transcript, CONVERSATION);
    const first = await appOn(root);
    await first.grants.allow(dir);
    await first.grants.allow(transcript);
    await first.handlers['project.create']({ path: dir, name: 'Study', template: 'empty' });
    await first.handlers['app.setCoderName']({ name: 'Real Coder' });
    const imported = await first.handlers['import.run']({ items: [{ source: { path: transcript }, options: {} }] });
    expect(imported.results.map((r) => r.status)).toEqual(['imported']);
    const documentId = (await allDocuments(first.handlers))[0]!.id;
    await first.handlers['coding.createCodeAndApply']({ name: 'Code X', documentId, start: 38, end: 77 });
    const coderId = (await first.handlers['app.getState']({})).project!.currentCoderId!;
    await first.handlers['project.close']({});
    await first.shutdown();
    await truncate(join(dir, 'project.json'));

    const second = await appOn(root);
    const refused = await dispatch(second.handlers, 'project.open', { path: dir });
    const offer = !refused.ok ? refused.error.restore! : null;
    const restored = await second.handlers['project.restoreBackup']({ path: offer!.projectPath, file: offer!.file });
    const codeX = restored.snapshot.codebook.find((c) => c.name === 'Code X');
    expect(codeX).toBeDefined();
    expect(restored.snapshot.coders).toEqual([expect.objectContaining({ id: coderId, name: 'Real Coder' })]);
    expect(restored.snapshot.codingCounts[codeX!.id]).toEqual({ [coderId]: 1 });
    expect(restored.snapshot.strayFiles).toBeUndefined();
    await second.shutdown();
    expect(await checkProject(dir)).toEqual([]);

    const third = await appOn(root);
    await third.handlers['project.open']({ path: dir });
    await third.handlers['coding.apply']({ documentId, codeId: codeX!.id, start: 0, end: 12 });
    const after = (await third.handlers['app.getState']({})).project!;
    expect(after.coders.map((c) => c.id)).toEqual([coderId]);
    expect(after.codingCounts[codeX!.id]).toEqual({ [coderId]: 2 });
    await third.shutdown();
    expect(await checkProject(dir)).toEqual([]);
  });
});
