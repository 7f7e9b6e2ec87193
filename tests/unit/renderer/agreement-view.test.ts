import { describe, expect, it } from 'vitest';
import { characterAgreement, multiCoderAgreement, segmentAgreement } from '../../../shared/agreement/project';
import type { AgreementInput } from '../../../shared/agreement/project';
import { annAndBen, resultOf } from '../../helpers/agreement';
import { formatFigure } from '../../../shared/agreement/format';
import { buildTable, columnName, leftOutNote } from '../../../shared/agreement/table-model';
import type { TableRow } from '../../../shared/agreement/table-model';
import { axisPosition, chartData, nextSort, sortRows, undefinedReasons } from '../../../renderer/src/features/agreement/agreementTable';
import { describeSpans, markRuns, passageState, runLength, textToBase64, versionRuns } from '../../../renderer/src/features/agreement/passageMarks';
import { agreementRequest, defaultSettings, pruneSettings, settingsProblem } from '../../../renderer/src/features/agreement/agreementSettings';
import type { ProjectSnapshot } from '../../../shared/api/contract';

/** Two documents, three codes; Ann and Ben code "stigma" differently, nobody codes "empty". */
const input = annAndBen(
  [
    { id: 'd1', name: 'Doc one', length: 1000 },
    { id: 'd2', name: 'Doc two', length: 500 },
  ],
  [
    { coderId: 'ann', documentId: 'd1', codeId: 'stigma', start: 100, end: 200 },
    { coderId: 'ben', documentId: 'd1', codeId: 'stigma', start: 150, end: 250 },
    { coderId: 'ann', documentId: 'd1', codeId: 'same', start: 0, end: 10 },
    { coderId: 'ben', documentId: 'd1', codeId: 'same', start: 0, end: 10 },
  ],
);

const character = resultOf(input, characterAgreement(input, 'ann', 'ben'));

describe('agreement table model', () => {
  it('lays out character mode: counts pooled, measures labelled with their aggregation, an Overall row', () => {
    const model = buildTable(character, ['pooled']);
    expect(model.columns.map(columnName)).toEqual(['Both', 'Only Ann', 'Only Ben', 'Neither', '% agreement (pooled)', 'κ (pooled)', 'α (pooled)']);
    const stigma = model.rows.find((r) => r.codeId === 'stigma')!;
    expect(stigma.cells.both).toEqual({ kind: 'count', value: 50 });
    expect(stigma.cells.onlyA).toEqual({ kind: 'count', value: 50 });
    expect(stigma.cells.neither).toEqual({ kind: 'count', value: 1500 - 150 });
    expect(model.overall.label).toMatch(/Overall/);
    expect(model.primary).toBe('kappa');
    expect(model.explain).toEqual(['percent', 'kappa', 'alpha', 'pooled']);

    const weighted = buildTable(character, ['lengthWeighted']);
    expect(columnName(weighted.columns[5]!)).toBe('κ (length-weighted mean)');
    // Doc two has no stigma coding: κ undefined there, so the mean leaves it out and says so.
    const cell = weighted.rows.find((r) => r.codeId === 'stigma')!.cells.kappa!;
    expect(cell.kind === 'measure' && cell.note).toBe('Mean over 1 of 2 documents: 1 left out, where κ is undefined.');
    expect(weighted.overall.cells.kappa!.kind === 'measure' && weighted.overall.cells.kappa!.note).toMatch(/always pooled/);
  });

  it('states q in segment mode and lists Fleiss’ κ and α for more than two coders', () => {
    const seg = buildTable(resultOf(input, segmentAgreement(input, 'ann', 'ben', 0.9, 7)));
    expect(seg.columns.map(columnName)).toContain('κ_n (q = 7)');
    const three: AgreementInput = { ...input, coders: [...input.coders, { id: 'cy', name: 'Cy' }] };
    const multi = buildTable(resultOf(three, multiCoderAgreement(three)));
    expect(multi.columns.map((c) => c.label)).toEqual(['Coded by none', 'By some', 'By all 3', "Fleiss' κ", 'α']);
    expect(multi.pair).toBeNull();
  });

  it('says how many documents a mean left out, or nothing', () => {
    expect(leftOutNote(0, 5, 'κ')).toBeUndefined();
    expect(leftOutNote(3, 4, 'α')).toBe('Mean over 1 of 4 documents: 3 left out, where α is undefined.');
  });
});

describe('formatting figures', () => {
  it('shows coefficients to 3 decimals and percentages to 2, with a real minus and no negative zero', () => {
    expect(formatFigure(0.49745, 'coefficient')).toBe('0.497');
    expect(formatFigure(1, 'coefficient')).toBe('1.000');
    expect(formatFigure(-0.25, 'coefficient')).toBe('\u22120.250');
    expect(formatFigure(-0.0001, 'coefficient')).toBe('0.000');
    expect(formatFigure(0.98765, 'percent')).toBe('98.77\u00a0%');
  });
});

describe('sorting', () => {
  const row = (codeId: string, kappa: number | null, both = 0): TableRow => ({
    codeId,
    name: codeId,
    path: [codeId],
    color: '#000000',
    cells: {
      both: { kind: 'count', value: both },
      kappa: { kind: 'measure', format: 'coefficient', value: kappa === null ? { defined: false, reason: 'no variation' } : { defined: true, value: kappa } },
    },
  });
  const rows = [row('b', 0.9, 3), row('a', null, 5), row('c', 0.2, 1), row('d', 0.9, 2)];

  it('puts the worst first by default and undefined figures last, whichever the direction', () => {
    expect(sortRows(rows, { column: 'kappa', direction: 'ascending' }).map((r) => r.codeId)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortRows(rows, { column: 'kappa', direction: 'descending' }).map((r) => r.codeId)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortRows(rows, { column: 'both', direction: 'descending' }).map((r) => r.codeId)).toEqual(['a', 'b', 'd', 'c']);
    expect(sortRows(rows, { column: 'code', direction: 'descending' }).map((r) => r.codeId)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('flips a column on a second click; a new measure starts worst first, a count largest first', () => {
    const kappa = { id: 'kappa', label: 'κ', kind: 'measure' as const, title: '' };
    const both = { id: 'both', label: 'Both', kind: 'count' as const, title: '' };
    expect(nextSort({ column: 'kappa', direction: 'ascending' }, kappa)).toEqual({ column: 'kappa', direction: 'descending' });
    expect(nextSort({ column: 'kappa', direction: 'ascending' }, both)).toEqual({ column: 'both', direction: 'descending' });
    expect(nextSort({ column: 'both', direction: 'descending' }, kappa)).toEqual({ column: 'kappa', direction: 'ascending' });
    expect(nextSort({ column: 'kappa', direction: 'ascending' }, 'code')).toEqual({ column: 'code', direction: 'ascending' });
  });

  it('numbers one footnote per distinct reason, in reading order', () => {
    const model = buildTable(character, ['pooled']);
    const notes = undefinedReasons(model.rows, model.overall, model.columns);
    // "Empty": nobody coded it, so κ and α are undefined (with their own reasons); % is defined.
    const empty = model.rows.find((r) => r.codeId === 'empty')!;
    expect(empty.cells.percent!.kind === 'measure' && empty.cells.percent!.value.defined).toBe(true);
    expect([...notes.values()]).toEqual(Array.from({ length: notes.size }, (_, i) => i + 1));
    for (const id of ['kappa', 'alpha']) {
      const cell = empty.cells[id]!;
      expect(cell.kind === 'measure' && !cell.value.defined && notes.has(cell.value.reason)).toBe(true);
    }
  });
});

describe('chart data', () => {
  it('draws defined figures only, lists undefined ones apart, and extends the axis below zero when needed', () => {
    const model = buildTable(character, ['pooled']);
    const data = chartData(model.rows, 'kappa');
    expect(data.bars.map((b) => b.codeId).sort()).toEqual(['same', 'stigma']);
    expect(data.missing.map((m) => m.codeId)).toEqual(['empty']);
    expect(data.min).toBe(0);
    const negative = chartData([{ ...model.rows[0]!, cells: { kappa: { kind: 'measure', format: 'coefficient', value: { defined: true, value: -0.23 } } } }], 'kappa');
    expect(negative.min).toBe(-0.3);
    expect(axisPosition(0, -0.3, 1)).toBeCloseTo(0.3 / 1.3, 12);
    expect(axisPosition(2, 0, 1)).toBe(1);
  });
});

describe('marking a disagreement passage', () => {
  const spansA = [{ start: 100, end: 200 }];
  const spansB = [{ start: 150, end: 250 }];

  it('cuts the passage into runs coded by both, only A, only B', () => {
    const runs = markRuns(100, 250, spansA, spansB);
    expect(runs).toEqual([
      { start: 100, end: 150, a: true, b: false },
      { start: 150, end: 200, a: true, b: true },
      { start: 200, end: 250, a: false, b: true },
    ]);
    expect(runLength(runs, (r) => r.a && !r.b)).toBe(50);
    expect(versionRuns(runs, 'A')).toEqual([
      { start: 100, end: 150, look: 'only' },
      { start: 150, end: 200, look: 'both' },
      { start: 200, end: 250, look: 'none' },
    ]);
    expect(versionRuns(runs, 'B')).toEqual([
      { start: 100, end: 150, look: 'none' },
      { start: 150, end: 200, look: 'both' },
      { start: 200, end: 250, look: 'only' },
    ]);
  });

  it('handles gaps and several pieces, joining neighbours that look alike', () => {
    const runs = markRuns(0, 100, [{ start: 0, end: 30 }, { start: 60, end: 100 }], [{ start: 0, end: 100 }]);
    expect(runs.map((r) => [r.start, r.end, r.a, r.b])).toEqual([
      [0, 30, true, true],
      [30, 60, false, true],
      [60, 100, true, true],
    ]);
    expect(versionRuns(runs, 'B')).toEqual([
      { start: 0, end: 30, look: 'both' },
      { start: 30, end: 60, look: 'only' },
      { start: 60, end: 100, look: 'both' },
    ]);
    expect(describeSpans([{ start: 0, end: 30 }, { start: 60, end: 100 }])).toBe('0–30 and 60–100');
    expect(describeSpans([])).toBe('nothing');
  });

  it('reads back how a passage was settled from the consensus codings', () => {
    const passage = { start: 100, end: 250, spansA, spansB };
    expect(passageState(passage, [])).toBe('open');
    expect(passageState(passage, [{ start: 0, end: 50 }])).toBe('open');
    expect(passageState(passage, [{ start: 100, end: 200 }])).toBe('A');
    expect(passageState(passage, [{ start: 150, end: 250 }])).toBe('B');
    expect(passageState(passage, [{ start: 100, end: 250 }])).toBe('both');
    // A consensus coding running past the passage counts only inside it.
    expect(passageState(passage, [{ start: 40, end: 200 }])).toBe('A');
    expect(passageState(passage, [{ start: 120, end: 130 }])).toBe('other');
  });

  it('encodes a file’s text as UTF-8 base64', () => {
    // κ is CE BA in UTF-8.
    expect(textToBase64('κ = 1')).toBe('zrogPSAx');
    const long = 'Ann’s coding, κ and α. '.repeat(5000);
    expect(new TextDecoder().decode(Uint8Array.from(atob(textToBase64(long)), (c) => c.charCodeAt(0)))).toBe(long);
  });
});

describe('settings', () => {
  const project = {
    id: 'p',
    coders: [
      { id: 'amara', name: 'Amara Okafor', color: '#111111' },
      { id: 'consensus', name: 'Consensus', color: '#222222' },
      { id: 'tom', name: 'Tom Reilly', color: '#333333' },
    ],
    codebook: [{ id: 'stigma', name: 'Tackling stigma', color: '#000000', parentId: null, codable: true }],
    documents: [{ id: 'd1', name: 'Doc' }],
  } as unknown as ProjectSnapshot;

  it('starts with the first two coders who are not the consensus, all codes and documents, characters', () => {
    const s = defaultSettings(project);
    expect(s.coderIds).toEqual(['amara', 'tom']);
    expect(agreementRequest(s, { Borough: ['Lambeth'] })).toEqual({
      coderIds: ['amara', 'tom'],
      codeIds: null,
      documentIds: null,
      attributes: { Borough: ['Lambeth'] },
      mode: 'character',
      threshold: 0.9,
      q: null,
      allDocuments: false,
    });
    expect(agreementRequest({ ...s, useFilter: false, mode: 'segment', thresholdPercent: 80, q: 5 }, { Borough: ['Lambeth'] })).toMatchObject({ attributes: {}, threshold: 0.8, q: 5 });
  });

  it('drops what the project no longer has and keeps coders in project order', () => {
    const s = pruneSettings({ ...defaultSettings(project), coderIds: ['tom', 'gone', 'amara'], codeIds: ['stigma', 'old'], documentIds: ['x'] }, project, () => null);
    expect(s.coderIds).toEqual(['amara', 'tom']);
    expect(s.codeIds).toEqual(['stigma']);
    expect(s.documentIds).toEqual([]);
  });

  it('says why a comparison cannot run yet', () => {
    const s = defaultSettings(project);
    expect(settingsProblem({ ...s, coderIds: ['amara'] })).toMatch(/at least two coders/);
    expect(settingsProblem({ ...s, coderIds: ['amara', 'tom', 'consensus'], mode: 'segment' })).toMatch(/exactly two coders/);
    expect(settingsProblem({ ...s, mode: 'segment', thresholdPercent: 0 })).toMatch(/threshold/);
    expect(settingsProblem({ ...s, mode: 'segment', q: 1 })).toMatch(/q must/);
    expect(settingsProblem(s)).toBeNull();
  });
});
