import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeJournal, JOURNAL_FILE } from '../../../electron/services/project/change-journal';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

/** Transcripts about people's mental health: on a shared computer, other users must not read them. */

const tempDir = useTempDirs();

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

/** Every folder and file below `dir` (itself included), with its permission bits. */
async function modes(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>([[dir, await modeOf(dir)]]);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    found.set(path, await modeOf(path));
  }
  return found;
}

describe.skipIf(process.platform === 'win32')('new project folders and files are private to the user (POSIX)', () => {
  it('project folder, sources, coders, backups, journal, lock and app settings: folders 0700, files 0600', async () => {
    const root = await tempDir();
    let backend = await sampleBackend(root);
    const project = join(root, SAMPLE_PATH);
    try {
      const code = await backend.handlers['code.create']({ name: 'Waiting lists', parentId: null });
      // The coder's file and change log are created by the first coding.
      await backend.handlers['coding.apply']({ documentId: (await allDocuments(backend.handlers))[0]!.id, codeId: code.createdIds[0]!, start: 0, end: 10 });
      // An imported transcript lands in sources/.
      const transcript = join(root, 'interview.txt');
      await writeFile(transcript, 'A: Hello.\n\nB: Hello again.\n');
      await backend.grants.allow(transcript);
      await backend.handlers['import.run']({ items: [{ source: { path: transcript }, options: {} }] });
      // The next session's first change takes a backup set (project.json and the coder's file),
      // copied in the background; its second one starts the coder's change log again.
      await backend.shutdown();
      backend = await sampleBackend(root, 'Test Coder', 'two');
      await backend.handlers['code.create']({ name: 'Housing', parentId: null });
      await backend.handlers['coding.apply']({ documentId: (await allDocuments(backend.handlers))[0]!.id, codeId: code.createdIds[0]!, start: 20, end: 30 });
      await expect.poll(async () => (await readdir(join(project, 'backups'))).some((n) => n.startsWith('set.'))).toBe(true);
      await new ChangeJournal(project).begin({ kind: 'patch', patch: { label: 'a change in progress' } }, new Date());

      const found = await modes(project);
      const names = [...found.keys()].map((p) => p.slice(project.length + 1));
      for (const expected of ['', 'project.json', 'sources', 'coders', 'backups', JOURNAL_FILE, '.marginalia-lock']) {
        expect(names, `${expected || 'the project folder'} is there`).toContain(expected);
      }
      expect(names.some((n) => n.startsWith('backups/project.'))).toBe(true);
      expect(names.some((n) => n.startsWith('backups/coders-'))).toBe(true);
      expect(names.some((n) => n.startsWith('backups/set.'))).toBe(true);
      expect(names.some((n) => /^coders\/.+\.changes\.jsonl$/.test(n))).toBe(true);
      for (const [path, mode] of found) {
        const isDir = (await stat(path)).isDirectory();
        expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: isDir ? '700' : '600' });
      }
      for (const [path, mode] of await modes(join(root, 'data'))) {
        expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: path.endsWith('.json') ? '600' : '700' });
      }
    } finally {
      await backend.shutdown();
    }
  });

  it('a file the user opened up on purpose keeps its permissions when it is rewritten', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    try {
      const projectFile = join(root, SAMPLE_PATH, 'project.json');
      await chmod(projectFile, 0o640);
      await backend.handlers['code.create']({ name: 'Shared with the team', parentId: null });
      expect(await modeOf(projectFile)).toBe(0o640);
      // Its backup is the app's own new file: private.
      const backups = await readdir(join(root, SAMPLE_PATH, 'backups'));
      const backup = backups.find((n) => n.startsWith('project.'))!;
      expect(await modeOf(join(root, SAMPLE_PATH, 'backups', backup))).toBe(0o600);
    } finally {
      await backend.shutdown();
    }
  });
});
