import { describe, expect, it } from 'vitest';
import type { CoOccurrenceView, MatrixView, SegmentView } from '../../../shared/api/contract';
import type { Code } from '../../../shared/domain/schemas';
import {
  coOccurrenceTable,
  columnDocuments,
  frequencyExport,
  frequencyRows,
  heatScale,
  heatShade,
  heatTableExport,
  matrixTable,
  measureCount,
  overlappingPairs,
  treeRows,
} from '../../../renderer/src/features/analysis/analysisModel';

const description = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
const code = (id: string, name: string, parentId: string | null = null, codable = true): Code => ({
  id,
  name,
  color: '#2a9d8f',
  parentId,
  codable,
  description,
  rank: 0,
});

// Codebook order deliberately not tree order: a child before its parent, siblings interleaved.
const codebook: Code[] = [
  code('trust', 'Trust in services', 'themes'),
  code('stigma', 'Tackling stigma'),
  code('themes', 'Cross-cutting themes', null, false),
  code('zero', 'Zero suicide'),
  code('lonely', 'Isolation and loneliness', 'themes'),
  code('night', 'Night-time loneliness', 'lonely'),
];

describe('treeRows', () => {
  it('puts parents before sub-codes, siblings in codebook order, with depth and path', () => {
    const rows = treeRows(codebook);
    expect(rows.map((r) => r.id)).toEqual(['stigma', 'themes', 'trust', 'lonely', 'night', 'zero']);
    expect(rows.map((r) => r.depth)).toEqual([0, 0, 1, 1, 2, 0]);
    expect(rows.find((r) => r.id === 'night')!.label).toBe('Cross-cutting themes > Isolation and loneliness > Night-time loneliness');
    expect(rows.find((r) => r.id === 'themes')!.folder).toBe(true);
  });

  it('keeps only the codes asked for, in tree order whatever order they are given in', () => {
    const rows = treeRows(codebook, ['zero', 'night', 'stigma']);
    expect(rows.map((r) => r.id)).toEqual(['stigma', 'night', 'zero']);
    expect(rows[1]!.depth).toBe(2);
  });

  it('keeps a code whose parent is missing, at the top', () => {
    const rows = treeRows([code('orphan', 'Orphan', 'gone'), code('a', 'A')]);
    expect(rows.map((r) => [r.id, r.depth])).toEqual([
      ['orphan', 0],
      ['a', 0],
    ]);
  });
});

describe('heat shading', () => {
  it('is empty for zero, lightest for the smallest count, full for the largest', () => {
    expect(heatShade(0, 10)).toEqual({ percent: 0, dark: false });
    expect(heatShade(3, 0)).toEqual({ percent: 0, dark: false });
    const low = heatShade(1, 10);
    const high = heatShade(10, 10);
    expect(low.percent).toBeGreaterThan(0);
    expect(low.percent).toBeLessThan(high.percent);
    expect(high.percent).toBe(90);
    expect(heatShade(20, 10).percent).toBe(90);
  });

  it('grows with the value and turns the number white only where the shade is dark', () => {
    const shades = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => heatShade(v, 10));
    for (let i = 1; i < shades.length; i++) expect(shades[i]!.percent).toBeGreaterThan(shades[i - 1]!.percent);
    expect(shades[0]!.dark).toBe(false);
    expect(shades[9]!.dark).toBe(true);
    expect(shades.every((s) => s.dark === s.percent >= 80)).toBe(true);
  });


  it('scales plain rows and rolled-up rows apart, and leaves the diagonal out', () => {
    const row = (cells: number[], aggregate = false) => ({ code: treeRows(codebook)[0]!, cells, total: null, aggregate });
    expect(heatScale({ rows: [row([1, 4]), row([30, 2], true), row([3, 0])], diagonal: false })).toEqual([4, 30, 4]);
    expect(heatScale({ rows: [row([12, 3]), row([3, 9])], diagonal: true })).toEqual([3, 3]);
  });
});

const matrix: MatrixView = {
  // The backend's order; the view shows tree order.
  rowKeys: ['zero', 'themes', 'trust'],
  columnKeys: ['Young people', 'Carers'],
  columnLabels: ['Young people', 'Carers'],
  cells: [
    [2, 0],
    [5, 1],
    [5, 1],
  ],
  rowTotals: [2, 6, 6],
  columnTotals: [7, 1],
  total: 8,
  measure: 'segments',
  counting: 'distinct',
  statement: '',
};

describe('matrix table and its export', () => {
  it('shows codes in tree order with their own counts and totals, marking rolled-up rows', () => {
    const table = matrixTable(matrix, codebook, 'Code × Stakeholder group', true);
    expect(table.rows.map((r) => [r.code.id, r.cells, r.total, r.aggregate])).toEqual([
      ['themes', [5, 1], 6, true],
      ['trust', [5, 1], 6, false],
      ['zero', [2, 0], 2, false],
    ]);
    expect(table.totals).toEqual({ cells: [7, 1], total: 8 });
    expect(matrixTable(matrix, codebook, 'x', false).rows.some((r) => r.aggregate)).toBe(false);
  });

  it('exports exactly the rows shown: code paths, column labels, numbers as numbers, totals', () => {
    const out = heatTableExport(matrixTable(matrix, codebook, 'Code × Stakeholder group', true));
    expect(out.name).toBe('Code × Stakeholder group');
    expect(out.columns.map((c) => [c.header, c.type])).toEqual([
      ['Code', 'text'],
      ['Young people', 'number'],
      ['Carers', 'number'],
      ['Total', 'number'],
    ]);
    expect(out.rows).toEqual([
      ['Cross-cutting themes', 5, 1, 6],
      ['Cross-cutting themes > Trust in services', 5, 1, 6],
      ['Zero suicide', 2, 0, 2],
      ['Total', 7, 1, 8],
    ]);
  });

  it('co-occurrence leaves folders out, has no totals, and keeps the matrix symmetric in tree order', () => {
    const view: CoOccurrenceView = {
      codeIds: ['zero', 'themes', 'trust'],
      matrix: [
        [4, 0, 2],
        [0, 0, 0],
        [2, 0, 3],
      ],
      statement: '',
    };
    const table = coOccurrenceTable(view, codebook);
    expect(table.diagonal).toBe(true);
    expect(table.columns.map((c) => [c.label, c.short])).toEqual([
      ['Cross-cutting themes > Trust in services', 'Trust in services'],
      ['Zero suicide', 'Zero suicide'],
    ]);
    expect(heatTableExport(table).rows).toEqual([
      ['Cross-cutting themes > Trust in services', 3, 2],
      ['Zero suicide', 2, 4],
    ]);
    expect(heatTableExport(table).columns.map((c) => c.header)).toEqual(['Code', 'Cross-cutting themes > Trust in services', 'Zero suicide']);
  });
});

describe('frequencies', () => {
  it('sorts by count, most first, ties in tree order; folders only when sub-codes roll up', () => {
    const view: MatrixView = { ...matrix, rowKeys: ['stigma', 'themes', 'trust', 'zero'], rowTotals: [6, 9, 6, 2], cells: [], columnKeys: [], columnLabels: [] };
    expect(frequencyRows(view, codebook, true).map((r) => [r.code.id, r.count])).toEqual([
      ['themes', 9],
      ['stigma', 6],
      ['trust', 6],
      ['zero', 2],
    ]);
    expect(frequencyRows(view, codebook, false).map((r) => r.code.id)).toEqual(['stigma', 'trust', 'zero']);
    const out = frequencyExport(frequencyRows(view, codebook, false), 'documents');
    expect(out.columns.map((c) => c.header)).toEqual(['Code', 'Documents']);
    expect(out.rows[1]).toEqual(['Cross-cutting themes > Trust in services', 6]);
  });

  it('says counts in words', () => {
    expect(measureCount(1, 'segments')).toBe('1 segment');
    expect(measureCount(1204, 'characters')).toBe('1,204 characters');
    expect(measureCount(0, 'documents')).toBe('0 documents');
  });
});

describe('what a cell stands for', () => {
  it('a document column is that document; a value column is the documents the backend finds with that value', () => {
    expect(columnDocuments({ kind: 'documents' }, 'd2')).toEqual({ documentIds: ['d2'] });
    expect(columnDocuments({ kind: 'attribute', name: 'Borough' }, '(no value)')).toEqual({ documentIds: null, column: { attribute: 'Borough', value: '(no value)' } });
  });

  const seg = (codingId: string, codeId: string, documentId: string, start: number, end: number, coderId = 'amara'): SegmentView => ({
    codingId,
    coderId,
    codeId,
    documentId,
    start,
    end,
    text: '',
    before: '',
    after: '',
    speaker: null,
    createdAt: '2024-01-01T00:00:00.000Z',
  });

  it('overlapping pairs are counted as co-occurrence counts them: a coder’s codings with their own', () => {
    const segments = [
      seg('a1', 'A', 'd1', 0, 10),
      seg('b1', 'B', 'd1', 5, 15),
      seg('b2', 'B', 'd1', 10, 20), // touches a1's end: no shared character
      seg('a2', 'A', 'd2', 0, 50),
      seg('b3', 'B', 'd2', 10, 20),
      seg('b4', 'B', 'd2', 30, 40),
      seg('b5', 'B', 'd3', 0, 10), // another document
      seg('c1', 'C', 'd1', 0, 10),
      seg('b6', 'B', 'd1', 0, 10, 'someone else'), // another coder's: never pairs with a1
    ];
    const pairs = overlappingPairs(segments, 'A', 'B');
    expect(pairs.map((p) => `${p.first.codingId}+${p.second.codingId}`)).toEqual(['a1+b1', 'a2+b3', 'a2+b4']);
    expect(pairs[0]).toMatchObject({ documentId: 'd1', start: 0, end: 15 });
    expect(overlappingPairs(segments, 'B', 'A')).toHaveLength(3);
    expect(overlappingPairs(segments, 'A', 'C')).toHaveLength(1);
  });
});
