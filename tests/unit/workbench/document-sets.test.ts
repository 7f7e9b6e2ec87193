import { describe, expect, it } from 'vitest';
import { SET_FILTER_KEY } from '../../../shared/api/limits';
import { teamProject } from '../../helpers/team-project';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('document sets', () => {
  it('are made, filled, renamed and deleted in undoable steps, kept across a reopen', async () => {
    const { h, docs, path } = await teamProject(await tempDir());
    const sets = async () => (await h['app.getState']({})).project!.sets.map((s) => ({ name: s.name, documentIds: s.documentIds }));
    // Listed in project order, whatever order they were chosen in.
    const made = await h['set.create']({ name: 'Pilot', documentIds: [docs[2]!, docs[0]!] });
    expect(made.message).toBe('Create document set “Pilot” with 2 documents');
    const setId = made.createdIds[0]!;
    expect(await sets()).toEqual([{ name: 'Pilot', documentIds: [docs[0], docs[2]] }]);
    const added = await h['set.members']({ setId, documentIds: [docs[1]!, docs[0]!], member: true });
    expect(added.message).toBe('Add 2 documents to set “Pilot”');
    expect(await sets()).toEqual([{ name: 'Pilot', documentIds: [docs[0], docs[1], docs[2]] }]);
    expect((await h['set.members']({ setId, documentIds: [docs[2]!], member: false })).message).toBe('Remove “Interview 3” from set “Pilot”');
    await h['set.rename']({ setId, name: 'First wave' });
    expect(await sets()).toEqual([{ name: 'First wave', documentIds: [docs[0], docs[1]] }]);

    // Each step undoes on its own, back to no set at all; redo brings the last one back.
    await h['history.undo']({});
    expect(await sets()).toEqual([{ name: 'Pilot', documentIds: [docs[0], docs[1]] }]);
    await h['history.undo']({});
    expect(await sets()).toEqual([{ name: 'Pilot', documentIds: [docs[0], docs[1], docs[2]] }]);
    await h['history.undo']({});
    await h['history.undo']({});
    expect(await sets()).toEqual([]);
    await h['history.redo']({});
    expect(await sets()).toEqual([{ name: 'Pilot', documentIds: [docs[0], docs[2]] }]);

    await h['set.delete']({ setId });
    expect(await sets()).toEqual([]);
    await h['history.undo']({});
    expect(await sets()).toEqual([{ name: 'Pilot', documentIds: [docs[0], docs[2]] }]);
    await h['project.close']({});
    expect((await h['project.open']({ path })).sets.map((s) => s.name)).toEqual(['Pilot']);
  });

  it('refuses a second set of the same name and unknown documents, naming the problem', async () => {
    const { h, docs } = await teamProject(await tempDir());
    await h['set.create']({ name: 'Pilot', documentIds: [docs[0]!] });
    await expect(h['set.create']({ name: 'pilot', documentIds: [] })).rejects.toThrow('A document set named "Pilot" already exists.');
    await expect(h['set.create']({ name: 'Other', documentIds: ['nope'] })).rejects.toThrow('There is no document with id nope.');
    expect((await h['app.getState']({})).project!.sets).toHaveLength(1);
  });

  it('filter segments and analysis like an attribute does', async () => {
    const { h, docs, slides, code, matrix, all } = await teamProject(await tempDir());
    await h['app.setCoderName']({ name: 'Sam' });
    for (const doc of [0, 1, 2]) await code(slides, doc, 0, 20);
    const setId = (await h['set.create']({ name: 'Pilot', documentIds: [docs[0]!, docs[2]!] })).createdIds[0]!;
    const inPilot = { [SET_FILTER_KEY]: [setId] };
    const segments = await h['segments.query']({ codeIds: [slides], includeSubcodes: false, coderIds: null, attributes: inPilot, documentIds: null });
    expect(segments.map((s) => s.documentId)).toEqual([docs[0], docs[2]]);
    const table = await matrix({ selection: { ...all, attributes: inPilot }, measure: 'segments', rollUp: false });
    expect(table.columnKeys).toEqual([docs[0], docs[2]]);
  });
});
