import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, contract } from '../../../shared/api/contract';
import { dispatchRequest } from '../../../shared/api/dispatch';
import { PathGrants } from '../../../electron/services/access/path-grants';
import { requestPaths } from '../../../electron/services/access/request-paths';
import { SAMPLE_PATH, homeBackend, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** True when a JSON schema has a property called "path" anywhere. */
function takesPath(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const properties = (schema as { properties?: Record<string, unknown> }).properties;
  if (properties && Object.hasOwn(properties, 'path')) return true;
  return Object.values(schema).some(takesPath);
}

describe('requestPaths', () => {
  it('covers exactly the channels whose input has a path', () => {
    const withPath = channels.filter((c) => takesPath(z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' })));
    expect(withPath.length).toBeGreaterThan(3);
    expect(Object.keys(requestPaths).sort()).toEqual([...withPath].sort());
  });

  it('finds every path of a request, staged uploads excepted', () => {
    expect(requestPaths['import.run']!({ items: [{ source: { path: '/a.txt' }, options: {} }, { source: { stagedId: 'x' }, options: {} }, { source: { path: '/b.docx' }, options: {} }] })).toEqual([
      { path: '/a.txt', use: 'read' },
      { path: '/b.docx', use: 'read' },
    ]);
    expect(requestPaths['project.create']!({ path: '/p/New', name: 'New', template: 'empty' })).toEqual([{ path: '/p/New', use: 'create' }]);
  });
});

describe('PathGrants', () => {
  async function setUp() {
    const root = await tempDir();
    const project = join(root, 'Study.marginalia');
    await mkdir(join(project, 'sources'), { recursive: true });
    await writeFile(join(project, 'project.json'), '{}');
    await writeFile(join(project, 'sources', 'a.txt'), 'text');
    await writeFile(join(root, 'secret.txt'), 'not yours');
    await mkdir(join(root, 'picked'));
    await writeFile(join(root, 'picked', 'interview.txt'), 'hello');
    let open: string | null = null;
    const named: string[] = [];
    const grants = new PathGrants(() => open, () => named);
    return { root, project, grants, named, setOpen: (dir: string | null) => (open = dir) };
  }

  it('refuses to read a file the user did not choose, saying how to choose it', async () => {
    const { root, grants } = await setUp();
    await expect(grants.check(join(root, 'secret.txt'), 'read')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      file: join(root, 'secret.txt'),
      message: `${join(root, 'secret.txt')} was not chosen by you in this session, so Marginalia will not read it: add it with Import (or drop it on the window).`,
    });
    await expect(grants.check('/etc/passwd', 'read')).rejects.toThrow(/not chosen by you/);
  });

  it('lets through a file that was picked, and only that', async () => {
    const { root, grants } = await setUp();
    await grants.allow(join(root, 'picked', 'interview.txt'));
    await expect(grants.check(join(root, 'picked', '.', 'interview.txt'), 'read')).resolves.toBeUndefined();
    await expect(grants.check(join(root, 'picked', 'other.txt'), 'read')).rejects.toThrow(/not chosen/);
  });

  it('lets through anything inside the open project, but no way out of it (.. or a symlink)', async () => {
    const { root, project, grants, setOpen } = await setUp();
    setOpen(project);
    await expect(grants.check(join(project, 'sources', 'a.txt'), 'read')).resolves.toBeUndefined();
    await expect(grants.check(join(project, '..', 'secret.txt'), 'read')).rejects.toThrow(/not chosen/);
    if (process.platform !== 'win32') {
      await symlink(join(root, 'secret.txt'), join(project, 'sources', 'leak.txt'));
      await expect(grants.check(join(project, 'sources', 'leak.txt'), 'read')).rejects.toThrow(/not chosen/);
    }
    setOpen(null);
    await expect(grants.check(join(project, 'sources', 'a.txt'), 'read')).rejects.toThrow(/not chosen/);
  });

  it('opens a project folder only when the user picked it or named it (a recent project), and only a Marginalia one', async () => {
    const { root, project, grants, named } = await setUp();
    await expect(grants.check(project, 'project')).rejects.toThrow(
      `${project} was not chosen by you in this session, so Marginalia will not open it: choose it with Open project (or from your recent projects).`,
    );
    named.push(project);
    await expect(grants.check(project, 'project')).resolves.toBeUndefined();
    named.length = 0;
    await grants.allow(project);
    await expect(grants.check(join(project, '.'), 'project')).resolves.toBeUndefined();
    await grants.allow(root);
    await expect(grants.check(root, 'project')).rejects.toThrow(`${root} is not a Marginalia project folder (it has no project.json)`);
    await expect(grants.check('/etc', 'project')).rejects.toThrow(/not chosen by you/);
  });

  it('creates a project only in a folder the user picked or named (where new projects go), or inside one', async () => {
    const { root, grants, named } = await setUp();
    const inPicked = join(root, 'picked', 'New.marginalia');
    await expect(grants.check(inPicked, 'create')).rejects.toThrow(/was not chosen by you in this session, so Marginalia will not create a project there/);
    await grants.allow(join(root, 'picked'));
    await expect(grants.check(inPicked, 'create')).resolves.toBeUndefined();
    await expect(grants.check(join(root, 'picked', 'deeper', 'New.marginalia'), 'create')).rejects.toThrow(/not chosen by you/);
    named.push(join(root, 'Marginalia'));
    await expect(grants.check(join(root, 'Marginalia', 'Study.marginalia'), 'create')).resolves.toBeUndefined();
    await expect(grants.check('/tmp/elsewhere/New.marginalia', 'create')).rejects.toThrow(/not chosen by you/);
  });
});

describe('the path guard on the real handlers', () => {
  it('path-taking channels refuse an unpicked path, every one of them', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    try {
      // A real project and a real file, neither picked: outside the home folder, as a page could name them.
      const outside = await tempDir();
      const project = join(outside, 'Unpicked.marginalia');
      await cp(join(root, SAMPLE_PATH), project, { recursive: true });
      await rm(join(project, '.marginalia-lock'), { force: true });
      const file = join(outside, 'notes.txt');
      await writeFile(file, 'A: private\n');
      const requests: Record<string, unknown> = {
        'project.open': { path: project },
        'project.create': { path: join(outside, 'New.marginalia'), name: 'New', template: 'empty' },
        'project.restoreBackup': { path: project, file: 'project.json' },
        'exchange.importProject': { path: project },
        'import.inspect': { source: { path: file } },
        'import.run': { items: [{ source: { path: file }, options: {} }] },
        'folders.list': { path: outside },
      };
      expect(Object.keys(requests).sort()).toEqual(Object.keys(requestPaths).sort());
      for (const [channel, input] of Object.entries(requests)) {
        const refused = await dispatchRequest(backend.handlers, channel, input);
        const why = channel === 'folders.list' ? /is outside your home folder/ : /was not chosen by you in this session/;
        expect(refused.reply, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(why) } });
      }
      expect((await backend.handlers['app.getState']({})).project!.path).toBe(join(root, SAMPLE_PATH));
      await expect(readdir(outside)).resolves.toEqual(['Unpicked.marginalia', 'notes.txt']);
    } finally {
      await backend.shutdown();
    }
  });

  it('a folder the chooser showed is picked: it may then hold a new project, which opens again as a recent one', async () => {
    const root = await tempDir();
    const backend = await homeBackend(root);
    try {
      const study = join(root, 'Research', 'Study.marginalia');
      await mkdir(join(root, 'Research'));
      const create = () => dispatchRequest(backend.handlers, 'project.create', { path: study, name: 'Study', template: 'empty' });
      expect((await create()).reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not chosen by you/) } });
      const listing = await backend.handlers['folders.list']({ path: root });
      expect(listing.folders.map((f) => f.name)).toContain('Research');
      const created = (await create()).reply;
      expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
      await backend.handlers['project.close']({});
      // Opened again from the recent projects: named once, remembered.
      expect((await dispatchRequest(backend.handlers, 'project.open', { path: study })).reply).toMatchObject({ ok: true });
    } finally {
      await backend.shutdown();
    }
  });

  it('refuses to import an unpicked file or open a folder that is not a project, and saves nothing', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    try {
      const secret = join(root, 'private-notes.txt');
      await writeFile(secret, 'A: not for import\n');
      const documents = async () => (await backend.handlers['app.getState']({})).project!.documents.count;
      const before = await documents();

      for (const channel of ['import.run', 'import.inspect'] as const) {
        const input = channel === 'import.run' ? { items: [{ source: { path: secret }, options: {} }] } : { source: { path: secret } };
        const refused = await dispatchRequest(backend.handlers, channel, input);
        expect(refused.reply, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', file: secret, message: expect.stringMatching(/not chosen by you/) } });
      }
      expect(await documents()).toBe(before);
      // A folder the user picked that holds no project is still refused, saying so.
      await backend.grants.allow(root);
      for (const channel of ['project.open', 'exchange.importProject'] as const) {
        const refused = await dispatchRequest(backend.handlers, channel, { path: root });
        expect(refused.reply, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a Marginalia project folder/) } });
      }
      const restore = await dispatchRequest(backend.handlers, 'project.restoreBackup', { path: '/etc', file: 'project.json' });
      expect(restore.reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not chosen by you/) } });
      // The project is still the one open.
      expect((await backend.handlers['app.getState']({})).project!.path).toBe(join(root, SAMPLE_PATH));

      // A file inside the open project may be read; one the user picked too.
      const inside = join(root, SAMPLE_PATH, 'notes.txt');
      await writeFile(inside, 'A: kept with the project\n');
      expect((await dispatchRequest(backend.handlers, 'import.inspect', { source: { path: inside } })).reply).toMatchObject({ ok: true });
      await backend.grants.allow(secret);
      const imported = await dispatchRequest(backend.handlers, 'import.run', { items: [{ source: { path: secret }, options: {} }] });
      expect(imported.reply).toMatchObject({ ok: true });
      expect(await documents()).toBe(before + 1);
    } finally {
      await backend.shutdown();
    }
  });
});
