import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/domain/schemas';
import { codeForest, treeOrder } from '../../../shared/export/code-tree';
import { codePointLength, toCodePointOffsets } from '../../../shared/export/code-points';
import { coOccurrence, codeTable, countMatrix, countingStatement, passages } from '../../../shared/export/matrices';
import { sanitiseSheetName, SheetNames, withSuffix } from '../../../shared/export/sheet-names';

const span = (codeId: string, documentId: string, start: number, end: number, coderId = 'ann') => ({ codeId, documentId, start, end, coderId });

describe('coOccurrence', () => {
  it('counts pairs of overlapping codings at two codes in the same document by the same coder; the diagonal counts codings', () => {
    const codings = [
      span('A', 'd1', 0, 10),
      span('B', 'd1', 5, 15), // overlaps A
      span('C', 'd1', 10, 20), // touches A at 10: no overlap; overlaps B
      span('A', 'd1', 12, 14), // inside B and C
      span('B', 'd2', 0, 10), // another document: no pair with d1's A
      span('A', 'd2', 20, 30), // same document, apart
      span('A', 'd1', 0, 10, 'ben'), // another coder at A on the same text: pairs with none of Ann's codings
    ];
    const m = coOccurrence(codings, ['A', 'B', 'C']);
    expect(m).toEqual([
      [4, 2, 1],
      [2, 2, 1],
      [1, 1, 1],
    ]);
  });

  it("never pairs one coder's coding with another's: the issue's Sam × Dana case counts 0", () => {
    const m = coOccurrence([span('Lecture slides', 'd', 0, 50, 'sam'), span('Difficulties', 'd', 20, 80, 'dana'), span('Lecture slides', 'd', 10, 30, 'consensus')], ['Lecture slides', 'Difficulties']);
    expect(m[0]![1]).toBe(0);
    expect(m[1]![0]).toBe(0);
    // Dana's own two codings do pair.
    expect(coOccurrence([span('Lecture slides', 'd', 0, 50, 'dana'), span('Difficulties', 'd', 20, 80, 'dana')], ['Lecture slides', 'Difficulties'])[0]![1]).toBe(1);
  });

  it('ignores codes not asked for and empty spans, and is symmetric', () => {
    const m = coOccurrence([span('A', 'd', 0, 5), span('X', 'd', 0, 5), span('B', 'd', 3, 3), span('B', 'd', 4, 9)], ['B', 'A']);
    expect(m).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('agrees with a brute-force count on random codings of two coders', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const codes = ['A', 'B', 'C', 'D'];
    const codings = Array.from({ length: 300 }, () => {
      const start = random(500);
      return span(codes[random(4)]!, `d${random(3)}`, start, start + 1 + random(40), random(2) ? 'ann' : 'ben');
    });
    const brute = codes.map((a) =>
      codes.map((b) => {
        if (a === b) return codings.filter((c) => c.codeId === a).length;
        let n = 0;
        for (const x of codings) for (const y of codings) if (x.codeId === a && y.codeId === b && x.coderId === y.coderId && x.documentId === y.documentId && x.start < y.end && y.start < x.end) n++;
        return n;
      }),
    );
    expect(coOccurrence(codings, codes)).toEqual(brute);
  });
});

describe('counting several coders: distinct passages or per-coder sums', () => {
  // Ann and Ben code overlapping text at A in d1; Ann also codes A twice in d2 (overlapping her own); Ben codes B (a sub-code of A).
  const codings = [span('A', 'd1', 0, 10), span('A', 'd1', 5, 20, 'ben'), span('A', 'd2', 0, 10), span('A', 'd2', 8, 12), span('B', 'd1', 30, 40, 'ben')];
  const rowsOf = (rollUp: boolean) => (codeId: string) => (rollUp && codeId === 'B' ? ['B', 'A'] : [codeId]);
  const table = (measure: 'segments' | 'characters' | 'documents', counting: 'distinct' | 'perCoder', rollUp = false) =>
    codeTable(codings, ['A', 'B'], ['d1', 'd2'], { measure, counting, rowsOf: rowsOf(rollUp), ownRow: (id) => id, columnOf: (d) => d });

  it('distinct passages join the coders’ overlapping passages; per-coder sums count each coder’s', () => {
    expect(table('segments', 'distinct').cells).toEqual([[1, 1], [1, 0]]);
    expect(table('segments', 'perCoder').cells).toEqual([[2, 1], [1, 0]]);
    // Characters: the union, or each coder's union added up.
    expect(table('characters', 'distinct').cells).toEqual([[20, 12], [10, 0]]);
    expect(table('characters', 'perCoder').cells).toEqual([[10 + 15, 12], [10, 0]]);
    // Documents: a document, or a coder–document pair.
    expect(table('documents', 'distinct').cells).toEqual([[1, 1], [1, 0]]);
    expect(table('documents', 'perCoder').cells).toEqual([[2, 1], [1, 0]]);
  });

  it('with one coder both rules agree, and a coder’s own overlapping codings count once', () => {
    const ann = codings.filter((c) => c.coderId === 'ann');
    for (const measure of ['segments', 'characters', 'documents'] as const) {
      const options = { measure, rowsOf: rowsOf(false), ownRow: (id: string) => id, columnOf: (d: string) => d };
      expect(codeTable(ann, ['A', 'B'], ['d1', 'd2'], { ...options, counting: 'distinct' })).toEqual(codeTable(ann, ['A', 'B'], ['d1', 'd2'], { ...options, counting: 'perCoder' }));
    }
    expect(codeTable(ann, ['A'], ['d2'], { measure: 'segments', counting: 'distinct', rowsOf: rowsOf(false), ownRow: (id) => id, columnOf: (d) => d }).cells).toEqual([[1]]);
  });

  it('rolls sub-codes into their parents without counting them twice in the totals', () => {
    const rolled = table('segments', 'distinct', true);
    expect(rolled.cells).toEqual([[2, 1], [1, 0]]);
    expect(rolled.rowTotals).toEqual([3, 1]);
    // Totals count each passage once, at its own code.
    expect(rolled.columnTotals).toEqual([2, 1]);
    expect(rolled.total).toBe(3);
    expect(passages(codings, rowsOf(false), 'distinct')).toHaveLength(3);
    expect(countingStatement('distinct')).toMatch(/distinct passages/);
    expect(countingStatement('perCoder')).toMatch(/added up/);
  });
});

describe('countMatrix', () => {
  const items = [
    { code: 'A', parent: 'P', doc: 'd1', value: 'Hackney' },
    { code: 'A', parent: 'P', doc: 'd1', value: 'Hackney' },
    { code: 'B', parent: 'P', doc: 'd2', value: 'Hackney' },
    { code: 'B', parent: 'P', doc: 'd3', value: 'Newham' },
    { code: 'C', parent: null, doc: 'd3', value: null },
  ];
  const rows = ['P', 'A', 'B', 'C'];
  const columns = ['Hackney', 'Newham'];
  const parents = new Map(items.map((i) => [i.code, i.parent]));
  const rolledUp = { rowKey: (i: (typeof items)[number]) => i.code, rowsFor: (code: string) => [code, parents.get(code)].filter((c): c is string => !!c) };

  it('counts items per row and column, with totals', () => {
    const m = countMatrix(items, rows, columns, { rowKey: (i) => i.code, rowsFor: (code) => [code], columnOf: (i) => i.value });
    expect(m.cells).toEqual([[0, 0], [2, 0], [1, 1], [0, 0]]);
    expect(m.rowTotals).toEqual([0, 2, 2, 0]);
    expect(m.columnTotals).toEqual([3, 1]);
    expect(m.total).toBe(4);
  });

  it('rolls up into parents without counting an item twice in a total', () => {
    const m = countMatrix(items, rows, columns, { ...rolledUp, columnOf: (i) => i.value });
    expect(m.cells[0]).toEqual([3, 1]);
    expect(m.rowTotals[0]).toBe(4);
    expect(m.columnTotals).toEqual([3, 1]);
    expect(m.total).toBe(4);
  });

  it('counts distinct keys (documents) instead of items', () => {
    const m = countMatrix(items, rows, columns, { ...rolledUp, columnOf: (i) => i.value, distinct: (i) => i.doc });
    expect(m.cells).toEqual([[2, 1], [1, 0], [1, 1], [0, 0]]);
    expect(m.rowTotals).toEqual([3, 1, 2, 0]);
    expect(m.columnTotals).toEqual([2, 1]);
    expect(m.total).toBe(3);
  });
});

describe('toCodePointOffsets', () => {
  it('counts an emoji (a surrogate pair) as one code point', () => {
    const text = 'a😀b👋🏽c';
    // UTF-16: a=0, 😀=1-2, b=3, 👋=4-5, 🏽=6-7, c=8
    expect(toCodePointOffsets(text, [0, 1, 3, 4, 8, 9])).toEqual([0, 1, 2, 3, 5, 6]);
    expect(codePointLength(text)).toBe(6);
    expect([...text].length).toBe(6);
  });

  it('keeps the order of the offsets asked for and clamps them to the text', () => {
    expect(toCodePointOffsets('😀😀x', [5, 0, 2, -1, 99])).toEqual([3, 0, 1, 0, 3]);
  });

  it('matches Array.from on every offset of a mixed text', () => {
    const text = 'Zoë 🌳 naïve 𝔘 — ok';
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => !(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff));
    expect(toCodePointOffsets(text, offsets)).toEqual(offsets.map((i) => [...text.slice(0, i)].length));
  });
});

describe('sheet names', () => {
  it('replaces forbidden characters, cuts to 31 and never ends on half an emoji', () => {
    expect(sanitiseSheetName('a/b\\c:d[e]f?g*h')).toBe('a-b-c-d(e)fgh');
    expect(sanitiseSheetName('x'.repeat(30) + '🌳')).toBe('x'.repeat(30));
    expect(sanitiseSheetName("'''")).toBe('Sheet');
    expect(sanitiseSheetName('tab\there')).toBe('tab here');
    expect(withSuffix('y'.repeat(40), ' (2)')).toBe('y'.repeat(27) + ' (2)');
  });

  it('hands out unique names regardless of case', () => {
    const names = new SheetNames();
    names.reserve('Notes');
    expect(['A', 'a', 'A', 'notes', 'history'].map((n) => names.allocate(n))).toEqual(['A', 'a (2)', 'A (3)', 'notes (2)', 'history (2)']);
  });
});

describe('codeForest', () => {
  const code = (id: string, parentId: string | null): Code => ({
    id,
    name: id,
    color: '#000000',
    parentId,
    codable: true,
    description: { definition: '', whenToUse: '', whenNotToUse: '', example: '' },
    rank: 0,
  });

  it('lists parents before sub-codes in codebook order, keeping orphans and breaking cycles', () => {
    const codebook = [code('c1', 'p'), code('p', null), code('q', null), code('c2', 'p'), code('orphan', 'gone'), code('x', 'y'), code('y', 'x')];
    expect(treeOrder(codebook).map((c) => c.id)).toEqual(['p', 'c1', 'c2', 'q', 'orphan', 'x', 'y']);
    expect(codeForest(codebook).map((n) => n.code.id)).toEqual(['p', 'q', 'orphan', 'x']);
  });
});
