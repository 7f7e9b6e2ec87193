import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleissKappa, krippendorffAlpha, measured } from '../../../shared/agreement';
import {
  alphaFromHistogram,
  characterAgreement,
  characterCells,
  fleissFromHistogram,
  multiCoderAgreement,
  presenceAgreement,
  segmentAgreement,
  unitizedAgreement,
} from '../../../shared/agreement/project';
import type { AgreementInput } from '../../../shared/agreement/project';

const value = (m: { defined: boolean; value?: number }) => (m.defined ? m.value : undefined);

function input(codings: AgreementInput['codings'], documents = [{ id: 'd1', name: 'D1', length: 100 }]): AgreementInput {
  return {
    documents,
    codes: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }],
    coders: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
    codings,
  };
}

const c = (coderId: string, codeId: string, start: number, end: number, documentId = 'd1') => ({ coderId, codeId, documentId, start, end });

describe('character mode', () => {
  it('builds the 2×2 character table by hand-computed example, counting a coder\'s own overlaps once', () => {
    // A codes [10,30) and [20,40): together [10,40). B codes [30,60).
    const data = input([c('A', 'x', 10, 30), c('A', 'x', 20, 40), c('B', 'x', 30, 60)]);
    const cells = characterCells(data, 'A', 'B');
    const x = cells.get('x')!;
    expect(x[0]!.table).toEqual({ both: 10, onlyA: 20, onlyB: 20, neither: 50 });
    expect(value(x[0]!.percent)).toBeCloseTo(0.6, 12);
    // p_e = 0.3·0.3 + 0.7·0.7 = 0.58; κ = (0.6 − 0.58) / 0.42
    expect(value(x[0]!.kappa)).toBeCloseTo(0.02 / 0.42, 12);
    const y = cells.get('y')!;
    expect(y[0]!.percent).toEqual({ defined: true, value: 1 });
    expect(y[0]!.kappa).toEqual({ defined: false, reason: expect.stringMatching(/variation/) });
    // The report pools the same tables.
    expect(characterAgreement(data, 'A', 'B').codes[0]!.pooled.table).toEqual(x[0]!.table);
  });

  it('pools, length-weights and averages over documents, each differently', () => {
    const docs = [{ id: 'd1', name: 'D1', length: 100 }, { id: 'd2', name: 'D2', length: 300 }];
    const report = characterAgreement(input([c('A', 'x', 0, 50), c('B', 'x', 0, 50), c('A', 'x', 0, 100, 'd2'), c('B', 'x', 100, 200, 'd2')], docs), 'A', 'B');
    const x = report.codes[0]!;
    // d1: percent 1; d2: both 0, onlyA 100, onlyB 100, neither 100 → 1/3
    expect(value(x.unweighted.percent)).toBeCloseTo((1 + 1 / 3) / 2, 12);
    expect(value(x.lengthWeighted.percent)).toBeCloseTo((100 * 1 + 300 / 3) / 400, 12);
    expect(x.pooled.table).toEqual({ both: 50, onlyA: 100, onlyB: 100, neither: 150 });
    expect(value(x.pooled.percent)).toBeCloseTo(200 / 400, 12);
  });

  const codings = fc.array(
    fc.record({ coderId: fc.constantFrom('A', 'B'), codeId: fc.constantFrom('x', 'y'), documentId: fc.constantFrom('d1', 'd2'), start: fc.nat(90), len: fc.integer({ min: 1, max: 40 }) }),
    { maxLength: 20 },
  ).map((list) => list.map(({ len, ...r }) => ({ ...r, end: Math.min(r.start + len, r.documentId === 'd1' ? 100 : 130) })));
  const docs = [{ id: 'd1', name: 'D1', length: 100 }, { id: 'd2', name: 'D2', length: 130 }];

  it('per-code tables sum to the document lengths (property)', () => {
    fc.assert(
      fc.property(codings, (list) => {
        for (const code of characterCells(input(list, docs), 'A', 'B').values()) {
          for (const cell of code) {
            const t = cell.table;
            expect(t.both + t.onlyA + t.onlyB + t.neither).toBe(docs.find((d) => d.id === cell.documentId)!.length);
            expect(Math.min(t.both, t.onlyA, t.onlyB, t.neither)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });

  it('swapping coders and reordering documents change nothing symmetric (property)', () => {
    fc.assert(
      fc.property(codings, (list) => {
        const ab = characterAgreement(input(list, docs), 'A', 'B');
        const ba = characterAgreement(input(list, [...docs].reverse()), 'B', 'A');
        for (const code of ab.codes) {
          const other = ba.codes.find((x) => x.codeId === code.codeId)!;
          for (const key of ['percent', 'kappa', 'alpha'] as const) {
            for (const agg of ['pooled', 'lengthWeighted', 'unweighted'] as const) {
              const p = code[agg][key];
              const q = other[agg][key];
              expect(p.defined).toBe(q.defined);
              if (p.defined && q.defined) expect(p.value).toBeCloseTo(q.value, 10);
            }
          }
        }
      }),
    );
  });

  it('identical coders give 1 wherever defined (property)', () => {
    fc.assert(
      fc.property(codings, (list) => {
        const both = [...list.map((x) => ({ ...x, coderId: 'A' })), ...list.map((x) => ({ ...x, coderId: 'B' }))];
        const report = characterAgreement(input(both, docs), 'A', 'B');
        for (const m of [report.overall.percent, report.overall.kappa, report.overall.alpha]) if (m.defined) expect(m.value).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('more than two coders', () => {
  it('Fleiss and α from the coverage histogram equal the unit-by-unit measures (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(fc.nat(4), { minLength: 3, maxLength: 5 }), (m, raw) => {
        const h = Array.from({ length: m + 1 }, (_, j) => raw[j] ?? 0);
        const rows = h.flatMap((count, j) => Array.from({ length: count }, () => [m - j, j]));
        const ratings = Array.from({ length: m }, (_, r) => rows.map(([, ones]) => (r < ones! ? 1 : 0)));
        const f1 = measured(() => fleissFromHistogram(h));
        const f2 = measured(() => fleissKappa(rows));
        expect(f1.defined).toBe(f2.defined);
        if (f1.defined && f2.defined) expect(f1.value).toBeCloseTo(f2.value, 10);
        const a1 = measured(() => alphaFromHistogram(h));
        const a2 = measured(() => krippendorffAlpha(ratings));
        expect(a1.defined).toBe(a2.defined);
        if (a1.defined && a2.defined) expect(a1.value).toBeCloseTo(a2.value, 10);
      }),
    );
  });

  it('reports Fleiss, α and the pairwise κ matrix for three coders', () => {
    const data: AgreementInput = {
      ...input([c('A', 'x', 0, 50), c('B', 'x', 0, 50), c('C', 'x', 25, 75)]),
      coders: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }, { id: 'C', name: 'C' }],
    };
    const report = multiCoderAgreement(data);
    expect(report.codes[0]!.histogram).toEqual([25, 25, 25, 25]);
    expect(report.pairwise.map((p) => [p.coderA, p.coderB])).toEqual([['A', 'B'], ['A', 'C'], ['B', 'C']]);
    expect(value(report.pairwise[0]!.kappa)).toBeCloseTo(1, 12);
    expect(report.overall.fleiss.defined).toBe(true);
  });
});

describe('segment, presence and unitized modes', () => {
  it('matches segments at the overlap threshold (of the union), as MAXQDA', () => {
    // A [0,100) vs B [5,100): overlap 95 / union 100 = 0.95 → agree at 0.9, not at 0.96.
    const data = input([c('A', 'x', 0, 100), c('B', 'x', 5, 100), c('A', 'x', 200, 210, 'd1'), c('B', 'y', 0, 10)], [{ id: 'd1', name: 'D', length: 300 }]);
    const at90 = segmentAgreement(data, 'A', 'B', 0.9);
    expect(at90.codes[0]!.counts).toEqual({ segmentsA: 2, matchedA: 1, segmentsB: 1, matchedB: 1 });
    expect(value(at90.codes[0]!.percent)).toBeCloseTo(2 / 3, 12);
    expect(at90.q).toBe(2);
    expect(value(at90.codes[0]!.kappaN)).toBeCloseTo((2 / 3 - 1 / 2) / (1 / 2), 12);
    expect(segmentAgreement(data, 'A', 'B', 0.96).codes[0]!.counts.matchedA).toBe(0);
    expect(value(at90.overall.percent)).toBeCloseTo(2 / 4, 12);
  });

  it('counts code presence per document', () => {
    const docs = [{ id: 'd1', name: 'D1', length: 100 }, { id: 'd2', name: 'D2', length: 100 }, { id: 'd3', name: 'D3', length: 100 }];
    const report = presenceAgreement(input([c('A', 'x', 0, 5), c('B', 'x', 50, 55), c('A', 'x', 0, 5, 'd2')], docs), 'A', 'B');
    expect(report.codes[0]!.table).toEqual({ both: 1, onlyA: 1, onlyB: 0, neither: 1 });
  });

  it('α_U is 1 for identical coders and lower when boundaries differ', () => {
    const same = unitizedAgreement(input([c('A', 'x', 10, 40), c('B', 'x', 10, 40), c('A', 'y', 50, 60), c('B', 'y', 50, 60)]));
    expect(value(same.overall)).toBeCloseTo(1, 12);
    const shifted = unitizedAgreement(input([c('A', 'x', 10, 40), c('B', 'x', 15, 45)]));
    expect(value(shifted.codes[0]!.alphaU)).toBeLessThan(1);
    expect(shifted.codes[1]!.alphaU).toEqual({ defined: false, reason: expect.stringMatching(/nobody marked/) });
  });
});
