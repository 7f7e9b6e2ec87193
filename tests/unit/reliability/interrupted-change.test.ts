import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteCode } from '../../../shared/operations/code-ops';
import { added } from '../../../shared/domain/patch';
import { ProjectState } from '../../../shared/domain/state/project-state';
import { operationContext } from '../../../shared/operations/context';
import { checkProject } from '../../../electron/services/project/check-project';
import { ChangeJournal, JOURNAL_FILE } from '../../../electron/services/project/change-journal';
import { createProject } from '../../../electron/services/project/create-project';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { writeFileDurably } from '../../../electron/services/store/durable-file';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { addDocument, addCoder, addCodings } from '../../helpers/store-edits';

const tempDir = useTempDirs();

async function project() {
  const deps = fixedDeps();
  const dir = join(await tempDir(), 'Study.marginalia');
  const store = await createProject(dir, { name: 'Study', template: 'thrive-ldn' }, deps);
  const doc = await addDocument(store, { name: 'C1', text: 'Participant: We started the walking group ourselves.', turns: [], attributes: {}, importedFrom: 'c1.txt' });
  const coder = await addCoder(store, 'Amara', '#1d70b8');
  const code = store.data.codebook.find((c) => c.codable)!;
  await addCodings(store, coder.id, [{ documentId: doc.id, codeId: code.id, start: 0, end: 11 }]);
  await store.close();
  return { dir, deps, doc, coder, code };
}

describe('a change interrupted between its files', () => {
  it('is completed on the next open when project.json was written and the coder file was not', async () => {
    const { dir, deps, coder, code } = await project();
    const store = await ProjectStore.open(dir, deps);
    const patch = deleteCode(operationContext(store.state, deps), code.id);
    await store.close();
    // What a writer killed after its second write leaves: the record, and project.json.
    await new ChangeJournal(dir).begin({ kind: 'patch', patch }, deps.now());
    const written = ProjectState.fromFiles(JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8')), new Map());
    written.apply(patch);
    await writeFileDurably(join(dir, 'project.json'), JSON.stringify(written.data));

    // A check sees the change as the next open will complete it, not as dangling codings.
    expect(await checkProject(dir)).toEqual([]);
    // A reader that does not hold the project leaves the record alone.
    const reader = await ProjectStore.open(dir, deps, { access: 'read' });
    expect(reader.codingsOf(coder.id)).toHaveLength(1);
    expect(await stat(join(dir, JOURNAL_FILE))).toBeTruthy();

    const reopened = await ProjectStore.open(dir, deps);
    expect(reopened.recoveryNotes).toEqual([expect.stringMatching(/interrupted last time \("Delete .+ and 1 coding"\) has been completed/)]);
    expect(reopened.codingsOf(coder.id)).toEqual([]);
    expect(reopened.data.codebook.some((c) => c.id === code.id)).toBe(false);
    await expect(stat(join(dir, JOURNAL_FILE))).rejects.toThrow();
    await reopened.close();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('completes a new coder whose file was written before project.json listed them', async () => {
    const { dir, deps } = await project();
    const coder = { id: 'tom-1', name: 'Tom', color: '#d4351c', rank: 1 };
    await new ChangeJournal(dir).begin({ kind: 'patch', patch: { label: 'Add coder Tom', project: { coders: [added(coder.id, coder)] } } }, deps.now());
    await writeFile(join(dir, 'coders', 'tom-1.json'), JSON.stringify({ schemaVersion: 2, coderId: 'tom-1', codings: [], memos: [], done: [], decisions: [] }));
    expect(await checkProject(dir)).toEqual([]);
    const reopened = await ProjectStore.open(dir, deps);
    expect(reopened.data.coders.map((c) => c.name)).toEqual(['Amara', 'Tom']);
    expect(reopened.recoveryNotes.join(' ')).toMatch(/"Add coder Tom"\) has been completed/);
    await reopened.close();
    expect(await checkProject(dir)).toEqual([]);
  });

  it('completes a recorded change none of whose files were written, exactly once', async () => {
    const { dir, deps, coder, code } = await project();
    const store = await ProjectStore.open(dir, deps);
    const patch = deleteCode(operationContext(store.state, deps), code.id);
    await store.close();
    await new ChangeJournal(dir).begin({ kind: 'patch', patch }, deps.now());
    const reopened = await ProjectStore.open(dir, deps);
    expect(reopened.codingsOf(coder.id)).toEqual([]);
    const codebook = reopened.data.codebook.length;
    await reopened.close();
    const again = await ProjectStore.open(dir, deps);
    expect(again.recoveryNotes).toEqual([]);
    expect(again.data.codebook).toHaveLength(codebook);
    await again.close();
  });

  it('sets aside a record that cannot be read, and says so', async () => {
    const { dir, deps } = await project();
    await writeFile(join(dir, JOURNAL_FILE), '{"schemaVersion": 1, "change": {"kind": "mystery"}}');
    expect((await checkProject(dir)).map((p) => p.file)).toEqual([JOURNAL_FILE]);
    const reopened = await ProjectStore.open(dir, deps);
    expect(reopened.readOnly).toBeNull();
    expect(reopened.recoveryNotes.join(' ')).toMatch(/could not be read .* it was moved to damaged\//);
    expect(await readdir(join(dir, 'damaged'))).toHaveLength(1);
    await reopened.close();
    expect(await checkProject(dir)).toEqual([]);
  });
});
