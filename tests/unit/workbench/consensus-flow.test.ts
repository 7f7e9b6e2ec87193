import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { request } from '../../helpers/requests';
import { teamProject } from '../../helpers/team-project';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('consensus you can finish', () => {
  it('starts with what both coded, settles the rest card by card, counts progress, and keeps the log across a reopen and in the workbook', async () => {
    const { h, slides, difficulties, as, code, coder, docs, path } = await teamProject(await tempDir());
    await as('Sam');
    await code(slides, 0, 0, 60);
    await code(difficulties, 0, 100, 150);
    await as('Dana');
    await code(slides, 0, 20, 80);
    await code(difficulties, 0, 100, 150);
    const [sam, dana] = [await coder('Sam'), await coder('Dana')];
    const scope = { coderA: sam, coderB: dana, documentIds: null, attributes: {} };

    const started = await h['agreement.startConsensus'](request('agreement.startConsensus', { ...scope, codeIds: null }));
    expect(started.message).toBe('Start consensus: 2 passages both coders coded');
    const consensus = await coder('Consensus');
    const consensusCodings = async () =>
      (await h['document.codings']({ documentId: docs[0]! })).filter((c) => c.coderId === consensus).sort((a, b) => a.start - b.start).map((c) => [c.codeId === slides ? 'slides' : 'difficulties', c.start, c.end]);
    // The characters both coded, at each code; what only one coded is left to settle.
    expect(await consensusCodings()).toEqual([['slides', 20, 60], ['difficulties', 100, 150]]);
    const cards = async () => h['agreement.disagreements'](request('agreement.disagreements', { ...scope, codeId: slides }));
    const open = await cards();
    expect(open.map((p) => [p.start, p.end, p.decision])).toEqual([[0, 80, null]]);

    // One undo takes the whole start back, the Consensus coder it brought in included.
    await h['history.undo']({});
    expect((await h['app.getState']({})).project!.coders.some((c) => c.name === 'Consensus')).toBe(false);
    await h['history.redo']({});

    await h['agreement.resolve']({ coderA: sam, coderB: dana, codeId: slides, documentId: docs[0]!, start: 0, end: 80, choice: 'B', note: 'Dana read the whole turn' });
    expect(await consensusCodings()).toEqual([['slides', 20, 80], ['difficulties', 100, 150]]);
    await h['project.close']({});
    await h['project.open']({ path });
    const settled = await cards();
    expect(settled.filter((p) => p.decision).length).toBe(1);
    expect(settled[0]!.decision).toMatchObject({ choice: 'B', note: 'Dana read the whole turn', decidedBy: 'Dana', kept: [{ start: 20, end: 80 }] });

    const file = await h['agreement.export'](request('agreement.export', { coderIds: [sam, dana], codeIds: null, documentIds: null, attributes: {}, mode: 'character', samples: 0, format: 'xlsx' }));
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'));
    const log = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Decision log']!);
    expect(log).toEqual([
      expect.objectContaining({ 'Decided by': 'Dana', Code: 'Lecture slides', Document: 'Interview 1', From: 0, To: 80, 'Coder A': 'Sam', 'Coder B': 'Dana', Decision: 'B kept', 'Characters kept': '20–80', Note: 'Dana read the whole turn' }),
    ]);
  });
});
