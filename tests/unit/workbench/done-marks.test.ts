import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDelta } from '../../../shared/api/snapshot-delta';
import { teamProject } from '../../helpers/team-project';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('marking a document done', () => {
  it("is one coder's undoable change, kept in their file, seen in the snapshot and across a reopen", async () => {
    const { h, as, coder, docs, path } = await teamProject(await tempDir());
    await as('Sam');
    const before = (await h['app.getState']({})).project!;
    // Nothing coded yet: marking done is a decision of its own, and makes Sam a coder.
    const marked = await h['document.setDone']({ documentId: docs[2]!, done: true });
    const sam = await coder('Sam');
    expect(marked.message).toBe('Mark “Interview 3” done');
    expect(applyDelta(before, marked.delta).done[sam]).toEqual([docs[2]]);
    const file = JSON.parse(await readFile(join(path, 'coders', `${sam}.json`), 'utf-8')) as { done: { documentId: string }[] };
    expect(file.done.map((d) => d.documentId)).toEqual([docs[2]]);
    // Marking it again changes nothing; another coder's marks are their own.
    await h['document.setDone']({ documentId: docs[2]!, done: true });
    await as('Dana');
    await h['document.setDone']({ documentId: docs[0]!, done: true });
    const dana = await coder('Dana');
    expect((await h['app.getState']({})).project!.done).toEqual({ [sam]: [docs[2]], [dana]: [docs[0]] });
    // Dana's undo takes back Dana's mark only (and Dana, whom the mark made a coder).
    await h['history.undo']({});
    expect((await h['app.getState']({})).project!.done).toEqual({ [sam]: [docs[2]] });
    await as('Sam');
    await h['document.setDone']({ documentId: docs[1]!, done: true });
    const notDone = await h['document.setDone']({ documentId: docs[2]!, done: false });
    expect(notDone.message).toBe('Mark “Interview 3” not done');
    await h['project.close']({});
    const reopened = await h['project.open']({ path });
    expect(reopened.done[sam]).toEqual([docs[1]]);
  });

  it('refuses a document that does not exist, naming the problem', async () => {
    const { h, as } = await teamProject(await tempDir());
    await as('Sam');
    await expect(h['document.setDone']({ documentId: 'no-such-document', done: true })).rejects.toThrow(/no document with id no-such-document/);
  });
});
