import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/api/contract';
import { request } from '../../helpers/requests';
import { teamProject } from '../../helpers/team-project';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const team = async () => teamProject(await tempDir());

describe('counting several coders', () => {
  it("co-occurrence pairs a coder's codings with their own only; another coder's codings leave the cell alone", async () => {
    const { h, slides, difficulties, as, code, all } = await team();
    await as('Sam');
    await code(slides, 0, 0, 50);
    await as('Dana');
    await code(difficulties, 0, 20, 80);
    const cell = async () => {
      const co = await h['analysis.cooccurrence']({ selection: all });
      return co.matrix[co.codeIds.indexOf(slides)]![co.codeIds.indexOf(difficulties)];
    };
    // The case: Sam at "Lecture slides", Dana at "Difficulties" on overlapping text: no pair.
    expect(await cell()).toBe(0);
    await code(slides, 0, 10, 60);
    expect(await cell()).toBe(1);
    // More of Sam's codings over Dana's passage change nothing.
    await as('Sam');
    await code(slides, 0, 30, 90);
    await code(difficulties, 1, 0, 10);
    expect(await cell()).toBe(1);
    expect((await h['analysis.cooccurrence']({ selection: all })).statement).toMatch(/by the same coder/);
  });

  it('counts distinct passages by default and per-coder sums on request, saying which in the reply', async () => {
    const { slides, as, code, all, matrix } = await team();
    await as('Sam');
    await code(slides, 0, 0, 50);
    await as('Dana');
    await code(slides, 0, 10, 60);
    const row = (m: Awaited<ReturnType<typeof matrix>>) => m.cells[m.rowKeys.indexOf(slides)]![0];
    const distinct = await matrix({ selection: all, measure: 'segments', rollUp: false });
    expect(row(distinct)).toBe(1);
    expect(distinct.statement).toMatch(/^Counting distinct passages/);
    const perCoder = await matrix({ selection: all, measure: 'segments', rollUp: false, counting: 'perCoder' });
    expect(row(perCoder)).toBe(2);
    expect(perCoder.statement).toMatch(/^Counting per coder/);
    expect(row(await matrix({ selection: all, measure: 'characters', rollUp: false }))).toBe(60);
    expect(row(await matrix({ selection: all, measure: 'characters', rollUp: false, counting: 'perCoder' }))).toBe(100);
    expect(row(await matrix({ selection: all, measure: 'documents', rollUp: false, counting: 'perCoder' }))).toBe(2);
  });

  it('never adds the Consensus coder to "every coder"; chosen, it counts like any coder', async () => {
    const { h, slides, as, code, coder, all, matrix, docs } = await team();
    await as('Sam');
    await code(slides, 0, 0, 50);
    await as('Consensus');
    await code(slides, 1, 0, 50);
    const consensus = await coder('Consensus');
    const everyone = await matrix({ selection: all, measure: 'segments', rollUp: false });
    expect(everyone.cells[everyone.rowKeys.indexOf(slides)]).toEqual([1, 0, 0, 0]);
    const chosen = await matrix({ selection: { ...all, coderIds: [consensus] }, measure: 'segments', rollUp: false });
    expect(chosen.cells[chosen.rowKeys.indexOf(slides)]).toEqual([0, 1, 0, 0]);
    const co = await h['analysis.cooccurrence']({ selection: all });
    expect(co.matrix[co.codeIds.indexOf(slides)]![co.codeIds.indexOf(slides)]).toBe(1);
    // The passages behind a cell follow the same rule.
    const segments = await h['segments.query'](request('segments.query', { codeIds: [slides], includeSubcodes: false, coderIds: null, attributes: {} }));
    expect(segments.map((s) => s.documentId)).toEqual([docs[0]]);
    // The workbook counts the same way and says so in About.
    const file = await h['export.workbook'](request('export.workbook', { selection: all, attributeColumns: 'all', crossAttributes: [], rollUp: false, sheetPerCode: false, agreement: null }));
    const wb = XLSX.read(Buffer.from(file.base64, 'base64'));
    const about = XLSX.utils.sheet_to_json<{ Item: string; Value: string }>(wb.Sheets.About!);
    expect(about.find((r) => r.Item === 'Coders')!.Value).toBe('Sam (the Consensus coder is counted only when chosen)');
    const byDoc = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Code × document']!);
    expect(byDoc.find((r) => r.Code === 'Lecture slides')!['Total passages']).toBe(1);
  });
});

describe('agreement in a team project', () => {
  it('compares the documents both coded, says what it left out, and includes all on request', async () => {
    const { h, slides, as, code, coder, docs } = await team();
    // Dana codes three documents, Sam one of them (the case).
    await as('Dana');
    await code(slides, 0, 0, 60);
    await code(slides, 1, 0, 60);
    await code(slides, 2, 0, 60);
    await as('Sam');
    await code(slides, 0, 20, 80);
    const [sam, dana] = [await coder('Sam'), await coder('Dana')];
    const compute = (input: Partial<Input<'agreement.compute'>>) =>
      h['agreement.compute'](request('agreement.compute', { coderIds: [sam, dana], codeIds: [slides], documentIds: null, attributes: {}, mode: 'character', samples: 0, ...input }));
    const scoped = await compute({});
    expect(scoped.scope.rule).toBe('coded');
    expect(scoped.documents.map((d) => d.name)).toEqual(['Interview 1']);
    expect(scoped.scope.leftOut.map((l) => [l.reason, l.documents.length])).toEqual([
      ['coded by Dana only', 2],
      ['coded by neither coder', 1],
    ]);
    expect(scoped.description).toContain('Documents compared: documents every coder coded at least once (nobody marks documents done), 1 document of 4; left out: 2 documents coded by Dana only; 1 document coded by neither coder.');
    const oneDocument = await compute({ documentIds: [scoped.documents[0]!.id], allDocuments: true });
    const all = await compute({ allDocuments: true });
    expect(all.scope).toMatchObject({ rule: 'all', leftOut: [] });
    expect(all.documents).toHaveLength(4);
    const kappa = (r: typeof all) => (r.report.mode === 'character' && r.report.overall.kappa.defined ? r.report.overall.kappa.value : NaN);
    expect(kappa(scoped)).toBeCloseTo(kappa(oneDocument), 12);
    expect(kappa(all)).not.toBeCloseTo(kappa(scoped), 3);
    // The disagreements follow the same scope: Dana's passages in documents Sam never coded are not listed.
    const passages = await h['agreement.disagreements'](request('agreement.disagreements', { coderA: sam, coderB: dana, codeId: slides, documentIds: null, attributes: {} }));
    expect(new Set(passages.map((p) => p.documentId))).toEqual(new Set([scoped.documents[0]!.id]));

    // Done marks take over as soon as anyone marks documents: a document marked done and never
    // coded is compared too (reading it and coding nothing is a decision).
    await h['document.setDone']({ documentId: docs[0]!, done: true });
    await h['document.setDone']({ documentId: docs[3]!, done: true });
    await as('Dana');
    for (const d of [0, 1, 3]) await h['document.setDone']({ documentId: docs[d]!, done: true });
    const marked = await compute({});
    expect(marked.scope.rule).toBe('done');
    expect(marked.documents.map((d) => d.id)).toEqual([docs[0], docs[3]]);
    expect(marked.scope.leftOut.map((l) => l.reason)).toEqual(['marked done by Dana only', 'marked done by neither coder']);
  });

  it("compares a coder's second round like any two coders (intra-coder agreement)", async () => {
    const { h, slides, difficulties, as, code, coder } = await team();
    await as('Ann');
    await code(slides, 0, 0, 60);
    await code(difficulties, 1, 0, 30);
    await as('Ann (second round)');
    await code(slides, 0, 5, 60);
    await code(difficulties, 1, 0, 30);
    const [first, second] = [await coder('Ann'), await coder('Ann (second round)')];
    for (const mode of ['character', 'segment', 'presence', 'unitized'] as const) {
      const result = await h['agreement.compute'](request('agreement.compute', { coderIds: [first, second], codeIds: null, documentIds: null, attributes: {}, mode, samples: 50 }));
      expect(result.coders.map((c) => c.name)).toEqual(['Ann', 'Ann (second round)']);
      expect(result.documents).toHaveLength(2);
    }
    const result = await h['agreement.compute'](request('agreement.compute', { coderIds: [first, second], codeIds: [difficulties], documentIds: null, attributes: {}, mode: 'character' }));
    expect(result.report.mode === 'character' && result.report.overall.kappa).toEqual({ defined: true, value: 1 });
  });
});
