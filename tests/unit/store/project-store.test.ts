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
    const content = await reopened.readSource(doc.id);
    expect(content.text.slice(38, 77)).toBe('We started the walking group ourselves.');
    expect(content.turns[1]?.speaker).toBe('Participant 1');
    expect(reopened.documentCodings(doc.id)).toEqual([expect.objectContaining({ coderId: coder.id, codeId: code.id, start: 38, end: 77 })]);
    expect(reopened.codingCounts()[code.id]).toEqual({ [coder.id]: 1 });
  });

  it('keeps each coder\'s codings in that coder\'s own change log, then in their file once closed', async () => {
    const { dir, store, coder, code } = await projectWithCoding();
    const log = (await readFile(join(dir, 'coders', `${coder.id}.changes.jsonl`), 'utf-8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toEqual([{ seq: 1, label: 'Code passages', changes: { codings: [expect.objectContaining({ before: null, after: expect.objectContaining({ codeId: code.id }) })] } }]);
    expect(await readFile(join(dir, 'project.changes.jsonl'), 'utf-8')).not.toContain('"codings"');
    await store.close();
    const file = JSON.parse(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8'));
    expect(file.codings).toHaveLength(1);
    expect(file.codings[0].codeId).toBe(code.id);
    expect(file).not.toHaveProperty('logSeq');
    expect(await readdir(join(dir, 'coders'))).toEqual([`${coder.id}.json`]);
    expect(await readFile(join(dir, 'project.json'), 'utf-8')).not.toContain('"codings"');
  });

  it('folds a coder\'s log into their file in the background once it grows long, while coding goes on', async () => {
    const { dir, store, doc, coder, code } = await projectWithCoding();
    await store.close();
    const coding = await ProjectStore.open(dir, fixedDeps(), { compaction: { maxEntries: 5, sliceMs: 1 } });
    for (let i = 0; i < 12; i++) await addCodings(coding, coder.id, [{ documentId: doc.id, codeId: code.id, start: i, end: i + 5 }]);
    await coding.compactor.settle();
    expect(coding.compactor.stats.compactions).toBeGreaterThanOrEqual(2);
    expect(coding.compactor.stats.failure).toBeNull();
    // The snapshot holds most codings and the number of the last change in it; the log the few after.
    const snapshot = JSON.parse(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8'));
    const logText = await readFile(join(dir, 'coders', `${coder.id}.changes.jsonl`), 'utf-8').catch(() => '');
    const seqs = logText.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).seq as number);
    expect(seqs.length).toBeLessThan(5);
    expect(seqs).toEqual(seqs.map((_, i) => snapshot.logSeq + 1 + i));
    expect(snapshot.codings.length + seqs.length).toBe(13);
    const reader = await ProjectStore.open(dir, fixedDeps(), { access: 'read' });
    expect(reader.codingsOf(coder.id)).toHaveLength(13);
    await coding.close();
    expect(await readdir(join(dir, 'coders'))).toEqual([`${coder.id}.json`]);
  });

  it('saves every change of a burst, each acknowledged only once it is on disk', async () => {
    const { dir, store, doc, coder, code } = await projectWithCoding();
    const burst = Array.from({ length: 40 }, (_, i) =>
      addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: i, end: i + 5 }]),
    );
    await burst[0];
    // What a reader finds on disk once the first change is acknowledged: at least that change.
    const early = await ProjectStore.open(dir, fixedDeps(), { access: 'read' });
    expect(early.codingsOf(coder.id).length).toBeGreaterThanOrEqual(2);
    await Promise.all(burst);
    const reader = await ProjectStore.open(dir, fixedDeps(), { access: 'read' });
    expect(reader.codingsOf(coder.id)).toHaveLength(41);
    expect(reader.coderFile(coder.id)).toEqual(store.coderFile(coder.id));
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
    await store.close();
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
    await expectAppError(store.readSource(doc.id), 'DAMAGED_FILE', `${doc.id}.txt`, /changed outside Marginalia/);
  });

  it('rejects a coding outside its document and leaves the coder file as it was', async () => {
    const { dir, store, doc, coder, code } = await projectWithCoding();
    const before = await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8');
    await expect(addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 70, end: 500 }])).rejects.toThrow(/outside/);
    expect(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8')).toBe(before);
  });

  it('backs the project up as a set (every file, same moment) before the first change of a session', async () => {
    const { dir, store, coder, doc, code } = await projectWithCoding();
    await store.close();
    const saved = { project: await readFile(join(dir, 'project.json'), 'utf-8'), coder: await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8') };
    const again = await ProjectStore.open(dir, fixedDeps(Date.UTC(2026, 1, 1, 12)));
    await addCodings(again, coder.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 5 }]);
    await again.backups.settled();
    const names = (await readdir(join(dir, 'backups'))).filter((n) => n.includes('20260201-'));
    const at = names.find((n) => n.startsWith('set.'))!.slice(4, -5);
    expect(names.sort()).toEqual([`coders-${coder.id}.${at}.json`, `project.${at}.json`, `set.${at}.json`]);
    expect(await readFile(join(dir, 'backups', `project.${at}.json`), 'utf-8')).toBe(saved.project);
    expect(await readFile(join(dir, 'backups', `coders-${coder.id}.${at}.json`), 'utf-8')).toBe(saved.coder);
    await again.close();
  });

  it('will not create a project in a folder that already holds files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(createProject(dir, { name: 'X', template: 'empty' }, fixedDeps())).rejects.toThrow(/not empty/);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
