import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addDocument, addCoder, addCodings } from '../../helpers/store-edits';

const tempDir = useTempDirs();

async function projectWithCoding() {
  const dir = join(await tempDir(), 'Study.marginalia');
  const deps = fixedDeps();
  const store = await createProject(dir, { name: 'Study', template: 'thrive-ldn' }, deps);
  const doc = await addDocument(store, {
    name: 'Conversation 1',
    text: 'Facilitator: Welcome.\n\nParticipant 1: We started the walking group ourselves.',
    turns: [
      { start: 13, end: 21, speaker: 'Facilitator' },
      { start: 38, end: 77, speaker: 'Participant 1' },
    ],
    attributes: { Borough: 'Hackney', Participants: 12 },
    importedFrom: 'c1.txt',
  });
  const coder = await addCoder(store, 'Amara', '#1d70b8');
  const code = store.data.codebook.find((c) => c.name === 'Communities take the lead')!;
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 38, end: 77 }]);
  return { dir, deps, store, doc, coder, code };
}

async function expectAppError(promise: Promise<unknown>, code: string, fileEnding: string, text: RegExp) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).file?.endsWith(fileEnding)).toBe(true);
  expect((err as AppError).message).toMatch(text);
}

describe('project store', () => {
  it('reads back exactly what it saved: codebook, document, attributes, coder and coding', async () => {
    const { dir, store, doc, coder, code } = await projectWithCoding();
    await store.flush();
    const reopened = await ProjectStore.open(dir, fixedDeps());
    expect(reopened.data).toEqual(store.data);
    const content = await reopened.documentContent(doc.id);
    expect(content.text.slice(38, 77)).toBe('We started the walking group ourselves.');
    expect(content.turns[1]?.speaker).toBe('Participant 1');
    expect(content.codings).toEqual([expect.objectContaining({ coderId: coder.id, codeId: code.id, start: 38, end: 77 })]);
    expect(reopened.codingCounts()[code.id]).toEqual({ [coder.id]: 1 });
  });

  it('keeps each coder\'s codings in that coder\'s own file', async () => {
    const { dir, coder, code } = await projectWithCoding();
    const file = JSON.parse(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8'));
    expect(file.codings).toHaveLength(1);
    expect(file.codings[0].codeId).toBe(code.id);
    const project = await readFile(join(dir, 'project.json'), 'utf-8');
    expect(project).not.toContain('"codings"');
  });

  it('saves every change of a burst, each acknowledged only once it is on disk', async () => {
    const { dir, store, doc, coder, code } = await projectWithCoding();
    const burst = Array.from({ length: 40 }, (_, i) =>
      addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: i, end: i + 5 }]),
    );
    await burst[0];
    await Promise.all(burst);
    const onDisk = JSON.parse(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8'));
    expect(onDisk.codings).toHaveLength(41);
  });

  it('ignores a temp file left by an interrupted write and keeps the saved data', async () => {
    const { dir, store } = await projectWithCoding();
    await store.close();
    const saved = await readFile(join(dir, 'project.json'), 'utf-8');
    await writeFile(join(dir, '.project.json.tmp'), '{"schemaVersion":1,"na');
    const reopened = await ProjectStore.open(dir, fixedDeps());
    expect(reopened.data.name).toBe('Study');
    expect(await readFile(join(dir, 'project.json'), 'utf-8')).toBe(saved);
    expect(await readdir(dir)).not.toContain('.project.json.tmp');
  });

  it('refuses a truncated project.json with a message naming it, and never rewrites it', async () => {
    const { dir, store } = await projectWithCoding();
    await store.flush();
    const full = await readFile(join(dir, 'project.json'), 'utf-8');
    const truncated = full.slice(0, Math.floor(full.length / 2));
    await writeFile(join(dir, 'project.json'), truncated);
    await expectAppError(ProjectStore.open(dir, fixedDeps()), 'DAMAGED_FILE', 'project.json', /project\.json is not valid JSON.*not been changed/s);
    expect(await readFile(join(dir, 'project.json'), 'utf-8')).toBe(truncated);
  });

  it('names a damaged coder file and what is wrong in it', async () => {
    const { dir, store, coder } = await projectWithCoding();
    await store.flush();
    const file = join(dir, 'coders', `${coder.id}.json`);
    const data = JSON.parse(await readFile(file, 'utf-8'));
    data.codings[0].end = 'seventy';
    await writeFile(file, JSON.stringify(data));
    await expectAppError(ProjectStore.open(dir, fixedDeps()), 'DAMAGED_FILE', `${coder.id}.json`, /codings\.0\.end/);
  });

  it('refuses a file from a newer version of the app instead of guessing', async () => {
    const { dir, store } = await projectWithCoding();
    await store.flush();
    const data = JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8'));
    await writeFile(join(dir, 'project.json'), JSON.stringify({ ...data, schemaVersion: 99 }));
    await expectAppError(ProjectStore.open(dir, fixedDeps()), 'UNSUPPORTED_VERSION', 'project.json', /newer version/);
  });

  it('refuses a transcript changed outside the app, since codings would no longer line up', async () => {
    const { dir, store, doc } = await projectWithCoding();
    await writeFile(join(dir, 'sources', `${doc.id}.txt`), 'Facilitator: Welcome!\n\nParticipant 1: We started the walking group ourselves.');
    await expectAppError(store.documentContent(doc.id), 'DAMAGED_FILE', `${doc.id}.txt`, /changed outside Marginalia/);
  });

  it('rejects a coding outside its document and leaves the coder file as it was', async () => {
    const { dir, store, doc, coder, code } = await projectWithCoding();
    const before = await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8');
    await expect(addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 70, end: 500 }])).rejects.toThrow(/outside/);
    expect(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8')).toBe(before);
  });

  it('copies the last good version of a file into backups/ before overwriting it', async () => {
    const { dir, store, coder, doc, code } = await projectWithCoding();
    await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 5 }]);
    const backups = await readdir(join(dir, 'backups'));
    expect(backups.some((b) => b.startsWith(`coders-${coder.id}.`))).toBe(true);
    expect(backups.some((b) => b.startsWith('project.'))).toBe(true);
  });

  it('will not create a project in a folder that already holds files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(createProject(dir, { name: 'X', template: 'empty' }, fixedDeps())).rejects.toThrow(/not empty/);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
