import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, contract } from '../../../shared/api/contract';
import { dispatchRequest } from '../../../shared/api/dispatch';
import { PathGrants } from '../../../electron/services/access/path-grants';
import { guardRequestPaths, requestPaths } from '../../../electron/services/access/request-paths';
import { SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
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
    await writeFile(join(project, 'sources', 'a.txt'), 'text');
    await writeFile(join(root, 'secret.txt'), 'not yours');
    await mkdir(join(root, 'picked'));
    await writeFile(join(root, 'picked', 'interview.txt'), 'hello');
    return { root, project, grants: new PathGrants() };
  }

  it('refuses a path the user did not choose, saying how to choose it', async () => {
    const { root, grants } = await setUp();
    await expect(grants.check(join(root, 'secret.txt'), 'read')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      file: join(root, 'secret.txt'),
      message: `${join(root, 'secret.txt')} was not chosen by you in this session, so Marginalia will not read it: add it with Import (or drop it on the window).`,
    });
    await expect(grants.check('/etc/passwd', 'read')).rejects.toThrow(/not chosen by you/);
    await expect(grants.check(root, 'open')).rejects.toThrow(/choose it with Open project/);
  });

  it('lets through what was picked or named, and only that', async () => {
    const { root, grants } = await setUp();
    await grants.allow(join(root, 'picked', 'interview.txt'));
    await expect(grants.check(join(root, 'picked', '.', 'interview.txt'), 'read')).resolves.toBeUndefined();
    await expect(grants.check(join(root, 'picked', 'other.txt'), 'read')).rejects.toThrow(/not chosen/);
    await expect(grants.check(join(root, 'picked'), 'open')).rejects.toThrow(/not chosen/);
  });

  it('lets through anything inside the open project, but no way out of it (.. or a symlink)', async () => {
    const { root, project, grants } = await setUp();
    await grants.setOpenProject(project);
    await expect(grants.check(join(project, 'sources', 'a.txt'), 'read')).resolves.toBeUndefined();
    await expect(grants.check(join(project, '..', 'secret.txt'), 'read')).rejects.toThrow(/not chosen/);
    if (process.platform !== 'win32') {
      await symlink(join(root, 'secret.txt'), join(project, 'sources', 'leak.txt'));
      await expect(grants.check(join(project, 'sources', 'leak.txt'), 'read')).rejects.toThrow(/not chosen/);
    }
    await grants.setOpenProject(null);
    await expect(grants.check(join(project, 'sources', 'a.txt'), 'read')).rejects.toThrow(/not chosen/);
  });

  it('lets a new project be made directly inside a folder picked for it', async () => {
    const { root, grants } = await setUp();
    await grants.allowNewInside(join(root, 'picked'));
    await expect(grants.check(join(root, 'picked', 'New study'), 'create')).resolves.toBeUndefined();
    await expect(grants.check(join(root, 'picked', 'New study'), 'read')).rejects.toThrow(/not chosen/);
    await expect(grants.check(join(root, 'picked', 'a', 'b'), 'create')).rejects.toThrow(/not chosen/);
  });
});

describe('guardRequestPaths (ready for the handlers, phase 2)', () => {
  it('refuses an import of an unpicked file before any handler runs, and lets a picked one through', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    try {
      const grants = new PathGrants();
      await grants.setOpenProject(join(root, SAMPLE_PATH));
      const handlers = guardRequestPaths(backend.handlers, grants);
      const secret = join(root, 'private-notes.txt');
      await writeFile(secret, 'A: not for import\n');
      const before = (await backend.handlers['app.getState']({})).project!.documents.length;

      const refused = await dispatchRequest(handlers, 'import.run', { items: [{ source: { path: secret }, options: {} }] });
      expect(refused.reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', file: secret } });
      expect((await backend.handlers['app.getState']({})).project!.documents.length).toBe(before);
      const elsewhere = await dispatchRequest(handlers, 'project.open', { path: root });
      expect(elsewhere.reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not chosen by you/) } });

      await grants.allow(secret);
      const imported = await dispatchRequest(handlers, 'import.run', { items: [{ source: { path: secret }, options: {} }] });
      expect(imported.reply).toMatchObject({ ok: true });
      expect((await backend.handlers['app.getState']({})).project!.documents.length).toBe(before + 1);
    } finally {
      await backend.shutdown();
    }
  });
});
