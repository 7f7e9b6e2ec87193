/**
 * Starting the app as a desktop user expects: folders chosen by clicking through the home
 * folder (browser mode has no native dialog), new projects in Documents/Marginalia by default,
 * recent projects with when they were opened, and a project the user closed staying closed.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../shared/api/contract';
import { SAMPLE_PATH, homeBackend, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE_NAME = 'Thrive LDN community conversations (synthetic demo)';

async function homeWithFolders() {
  const home = await tempDir();
  const outside = await tempDir();
  await mkdir(join(home, 'Documents', 'Interviews 2024'), { recursive: true });
  await mkdir(join(home, 'Desktop'));
  await mkdir(join(home, '.cache'));
  await mkdir(join(home, 'Documents', 'Old study.marginalia'));
  await writeFile(join(home, 'Documents', 'Old study.marginalia', 'project.json'), '{}');
  await writeFile(join(home, 'Documents', 'notes.txt'), 'not a folder');
  await symlink(outside, join(home, 'Documents', 'link to elsewhere'));
  const backend = await homeBackend(home);
  return { home, outside, h: backend.handlers };
}

describe('the folder chooser (folders.list)', () => {
  it("lists a folder's sub-folders by name, marks projects, and leaves out hidden folders, files and links", async () => {
    const { home, h } = await homeWithFolders();
    const documents = await h['folders.list']({ path: join(home, 'Documents') });
    expect(documents.folders).toEqual([
      { name: 'Interviews 2024', path: join(home, 'Documents', 'Interviews 2024'), isProject: false },
      { name: 'Old study.marginalia', path: join(home, 'Documents', 'Old study.marginalia'), isProject: true },
    ]);
    expect(documents.trail.map((t) => t.path)).toEqual([home, join(home, 'Documents')]);
    const top = await h['folders.list']({ path: home });
    expect(top.folders.map((f) => f.name)).toEqual(['data', 'Desktop', 'Documents']);
    expect(top.home).toBe(home);
  });

  it('opens where projects are made (Documents/Marginalia), or Documents while that does not exist yet', async () => {
    const { home, h } = await homeWithFolders();
    expect((await h['folders.list']({})).path).toBe(join(home, 'Documents'));
    expect((await h['app.getState']({})).projectsDir).toBe(join(home, 'Documents', 'Marginalia'));
    await mkdir(join(home, 'Documents', 'Marginalia'));
    expect((await h['folders.list']({})).path).toBe(join(home, 'Documents', 'Marginalia'));
  });

  it.each([
    ['the root folder', () => '/'],
    ['a parent of home', (home: string) => join(home, '..')],
    ['a path climbing out with ..', (home: string) => join(home, 'Documents', '..', '..', 'etc')],
    ['/etc', () => '/etc'],
  ])('refuses %s with a message naming the home folder', async (_label, target) => {
    const { home, h } = await homeWithFolders();
    await expect(h['folders.list']({ path: target(home) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(new RegExp(`is outside your home folder \\(${home.replace(/[/\\]/g, '.')}\\)\\. The folder chooser only shows folders in your home folder\\.`)),
    });
  });

  it('refuses a link inside home that leads outside it', async () => {
    const { home, h } = await homeWithFolders();
    await expect(h['folders.list']({ path: join(home, 'Documents', 'link to elsewhere') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('is outside your home folder'),
    });
  });

  it('says plainly when the folder is missing or is a file', async () => {
    const { home, h } = await homeWithFolders();
    await expect(h['folders.list']({ path: join(home, 'Gone') })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `There is no folder at ${join(home, 'Gone')}.` });
    await expect(h['folders.list']({ path: join(home, 'Documents', 'notes.txt') })).rejects.toMatchObject({ message: expect.stringContaining('is a file, not a folder') });
  });
});

describe('reopening at launch', () => {
  it('a project the user closed is not reopened by itself at the next launch; one left open is', async () => {
    const root = await tempDir();
    const first = await sampleBackend(root);
    await first.shutdown();

    // Quit with the project open: it is there again.
    const second = await homeBackend(root);
    await second.openInitialProject();
    expect((await second.handlers['app.getState']({})).project?.name).toBe(SAMPLE_NAME);
    await second.handlers['project.close']({});
    await second.shutdown();

    // Closed by the user: the start screen, with the project among the recent ones.
    const third = await homeBackend(root);
    await third.openInitialProject();
    const state = await third.handlers['app.getState']({});
    expect(state.project).toBeNull();
    expect(state.recentProjects.map((r) => r.path)).toEqual([join(root, SAMPLE_PATH)]);
    await third.handlers['project.open']({ path: join(root, SAMPLE_PATH) });
    await third.shutdown();

    const fourth = await homeBackend(root);
    await fourth.openInitialProject();
    expect((await fourth.handlers['app.getState']({})).project?.name).toBe(SAMPLE_NAME);
    await fourth.shutdown();
  });

  it('recent projects carry when each was last opened, newest first', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    const study = join(root, 'Documents', 'Marginalia', 'Study.marginalia');
    await backend.handlers['project.create']({ path: study, name: 'Study', template: 'empty' });
    const recent = (await backend.handlers['app.getState']({})).recentProjects;
    expect(recent.map((r) => r.name)).toEqual(['Study', SAMPLE_NAME]);
    expect(Date.parse(recent[0]!.openedAt)).toBeGreaterThan(Date.parse(recent[1]!.openedAt));
    await backend.shutdown();
  });
});

describe('whose codings a project opens on', () => {
  it('the sample, coded by two other coders, opens on all coders; a new project on the user’s own; a choice is remembered', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    const h = backend.handlers;
    expect((await h['app.getState']({})).project?.workspace.coderView).toBe('all');
    const study = await h['project.create']({ path: join(root, 'Documents', 'Marginalia', 'Study.marginalia'), name: 'Study', template: 'empty' });
    expect(study.workspace.coderView).toBe('me');
    await h['workspace.update']({ coderView: 'all' });
    expect((await h['project.open']({ path: study.path })).workspace.coderView).toBe('all');
    expect(parseInput('workspace.update', { coderView: 'everyone' })).toMatchObject({ ok: false, message: expect.stringContaining("coderView must be 'me', 'all' or 'coder:<id>'") });
    await backend.shutdown();
  });
});
