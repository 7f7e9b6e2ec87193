import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UndefinedMeasure,
  bennettS,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  holsti,
  krippendorffAlpha,
  measured,
  percentAgreement,
  scottPi,
  unitizedAlpha,
} from '../../../shared/agreement';

/** Two binary ratings per character, as in Krippendorff's (1995) digitised examples. */
function table2x2(a: number[], b: number[]): number[][] {
  const t = [
    [0, 0],
    [0, 0],
  ];
  a.forEach((x, i) => t[x]![b[i]!]!++);
  return t;
}

const bits = (s: string) => s.replace(/\s/g, '').split('').map(Number);

describe('two-coder measures on published examples', () => {
  it("Cohen's κ, 50 grant proposals (Wikipedia, Cohen's kappa): p_o 0.7, p_e 0.5, κ = 0.4", () => {
    const table = [
      [20, 5],
      [10, 15],
    ];
    expect(percentAgreement(table)).toBeCloseTo(0.7, 12);
    expect(cohenKappa(table)).toBeCloseTo(0.4, 12);
  });

  it('NVivo coding comparison documentation: 50 both, 150 one only, 800 neither of 1000 characters gives 85 %', () => {
    expect(percentAgreement([[50, 75], [75, 800]])).toBeCloseTo(0.85, 12);
  });

  it("Krippendorff (1995, Sociological Methodology 25:47–76) example A, digitised: κ 0.385, π 0.314, α 0.329", () => {
    const bertha = bits('0 0 1 1 1 1 1 1 1 1 0 0 0 0 1 1 1 1 1 1 0 0 0 0');
    const bill = bits('0 0 0 0 1 1 1 1 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0');
    const table = table2x2(bertha, bill);
    expect(cohenKappa(table)).toBeCloseTo(0.385, 3);
    expect(scottPi(table)).toBeCloseTo(0.314, 3);
    expect(krippendorffAlpha([bertha, bill])).toBeCloseTo(0.329, 3);
  });

  it('Krippendorff (1995) example C, digitised: κ = π = 0.314', () => {
    const gerret = bits('0 0 1 1 1 1 1 1 0 0 1 1 0 0 1 1 1 1 0 0 1 1 0 0');
    const gill = bits('1 1 0 0 1 1 1 1 0 0 1 1 1 1 0 0 1 1 0 0 1 1 0 0');
    expect(cohenKappa(table2x2(gerret, gill))).toBeCloseTo(0.314, 3);
    expect(scottPi(table2x2(gerret, gill))).toBeCloseTo(0.314, 3);
  });

  it('Krippendorff (1995) example D: all units in one category, so κ and π are undefined, not 1 or 0', () => {
    const table = [[0, 0], [0, 24]];
    expect(percentAgreement(table)).toBe(1);
    expect(measured(() => cohenKappa(table))).toEqual({ defined: false, reason: expect.stringMatching(/variation/) });
    expect(() => scottPi(table)).toThrow(UndefinedMeasure);
  });

  it("Bennett's S takes q as stated: S = (p_o − 1/q)/(1 − 1/q)", () => {
    const table = [[20, 5], [10, 15]];
    expect(bennettS(table)).toBeCloseTo(0.4, 12);
    expect(bennettS(table, 4)).toBeCloseTo((0.7 - 0.25) / 0.75, 12);
    expect(() => bennettS(table, 1)).toThrow(UndefinedMeasure);
  });

  it("Gwet's AC1 (2008) keeps high agreement high where κ collapses: [[118,5],[2,0]] (computed from the definition)", () => {
    const table = [[118, 5], [2, 0]];
    const pi1 = (123 + 120) / 250;
    const pe = 2 * pi1 * (1 - pi1);
    expect(gwetAC1(table)).toBeCloseTo((118 / 125 - pe) / (1 - pe), 12);
    expect(gwetAC1(table)).toBeGreaterThan(0.94);
    expect(cohenKappa(table)).toBeLessThan(0);
  });

  it('Holsti: 2A / (N1 + N2)', () => {
    expect(holsti(8, 10, 12)).toBeCloseTo(16 / 22, 12);
    expect(() => holsti(0, 0, 0)).toThrow(UndefinedMeasure);
  });

  it('an empty table is undefined, never 0 or NaN', () => {
    expect(measured(() => cohenKappa([[0, 0], [0, 0]]))).toEqual({ defined: false, reason: expect.stringMatching(/no units/) });
  });
});

describe("Fleiss' κ", () => {
  it('Wikipedia (Fleiss kappa) worked example, 10 subjects × 14 raters × 5 categories: κ = 0.20993070442195522 (published 0.210)', () => {
    const counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(counts)).toBeCloseTo(0.20993070442195522, 14);
  });

  it("equals Scott's π for two raters", () => {
    const bertha = bits('0 0 1 1 1 1 1 1 1 1 0 0 0 0 1 1 1 1 1 1 0 0 0 0');
    const bill = bits('0 0 0 0 1 1 1 1 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0');
    const counts = bertha.map((a, i) => [Number(a === 0) + Number(bill[i] === 0), Number(a === 1) + Number(bill[i] === 1)]);
    expect(fleissKappa(counts)).toBeCloseTo(scottPi(table2x2(bertha, bill)), 12);
  });
});

describe("Krippendorff's α", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing data.
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];

  it('Krippendorff (2011) C: nominal α = 113/152 = 0.743', () => {
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(113 / 152, 12);
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.743, 3);
  });

  it('Krippendorff (2011) C: ordinal 0.815, interval 0.849, ratio 0.797', () => {
    expect(krippendorffAlpha(data, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(data, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(data, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('is undefined with one value only, or no unit rated twice', () => {
    expect(() => krippendorffAlpha([[1, 1, 1], [1, 1, 1]])).toThrow(/variation/);
    expect(() => krippendorffAlpha([[1, null], [null, 2]])).toThrow(/pairable/);
  });
});

describe("Krippendorff's α_U for unitized spans", () => {
  it('Krippendorff (2004, Content Analysis 2nd ed., p. 254): α_U(c) 0.7286, α_U(k) 1, overall 0.8591', () => {
    const units = [
      { coder: 'i', category: 'c', begin: 225, length: 70 },
      { coder: 'i', category: 'c', begin: 370, length: 30 },
      { coder: 'j', category: 'c', begin: 220, length: 80 },
      { coder: 'j', category: 'c', begin: 355, length: 20 },
      { coder: 'j', category: 'c', begin: 400, length: 20 },
      { coder: 'i', category: 'k', begin: 180, length: 60 },
      { coder: 'i', category: 'k', begin: 300, length: 50 },
      { coder: 'j', category: 'k', begin: 180, length: 60 },
      { coder: 'j', category: 'k', begin: 300, length: 50 },
    ];
    const result = unitizedAlpha({ begin: 150, length: 300, units });
    expect(result.observed.c).toBeCloseTo(0.0144, 4);
    expect(result.expected.c).toBeCloseTo(0.0532, 4);
    expect(result.byCategory.c).toBeCloseTo(0.7286, 4);
    expect(result.expected.k).toBeCloseTo(0.049, 4);
    expect(result.byCategory.k).toBeCloseTo(1, 10);
    expect(result.overall).toBeCloseTo(0.8591, 3);
  });

  it('Krippendorff (1995, p. 57) observed disagreements: A 0.03125, B 2.26736, C 0.02777, D 0.38715', () => {
    const u = (coder: string, category: string, begin: number, length: number) => ({ coder, category, begin, length });
    const units = [
      u('0', 'A', 2, 8), u('0', 'A', 14, 6), u('1', 'A', 4, 4), u('1', 'A', 15, 2),
      u('0', 'B', 0, 18), u('1', 'B', 0, 2), u('1', 'B', 2, 1), u('1', 'B', 3, 1), u('1', 'B', 4, 1), u('1', 'B', 5, 1), u('1', 'B', 6, 3), u('1', 'B', 9, 1),
      u('0', 'C', 2, 6), u('0', 'C', 10, 2), u('0', 'C', 14, 4), u('0', 'C', 20, 2),
      u('1', 'C', 0, 2), u('1', 'C', 4, 4), u('1', 'C', 10, 4), u('1', 'C', 16, 2), u('1', 'C', 20, 2),
      u('0', 'D', 0, 2), u('0', 'D', 2, 8), u('0', 'D', 10, 4), u('0', 'D', 14, 6), u('0', 'D', 20, 4),
      u('1', 'D', 0, 4), u('1', 'D', 4, 4), u('1', 'D', 8, 7), u('1', 'D', 15, 2), u('1', 'D', 17, 7),
    ];
    const result = unitizedAlpha({ length: 24, units });
    expect(result.observed.A).toBeCloseTo(0.03125, 5);
    expect(result.observed.B).toBeCloseTo(2.26736, 5);
    expect(result.observed.C).toBeCloseTo(0.02777, 4);
    expect(result.observed.D).toBeCloseTo(0.38715, 5);
  });

  it('gives 1 for identical coders and says when nobody marked a category', () => {
    const units = [{ coder: 'a', category: 'x', begin: 2, length: 5 }, { coder: 'b', category: 'x', begin: 2, length: 5 }];
    const result = unitizedAlpha({ length: 20, units, categories: ['x', 'y'] });
    expect(result.byCategory.x).toBe(1);
    expect(result.undefinedCategories.y).toMatch(/nobody marked/);
    expect(() => unitizedAlpha({ length: 20, units: [] , coders: ['a', 'b'] })).toThrow(UndefinedMeasure);
  });
});

describe('properties', () => {
  const table = fc.integer({ min: 2, max: 4 }).chain((q) => fc.array(fc.array(fc.nat(30), { minLength: q, maxLength: q }), { minLength: q, maxLength: q }));
  const transpose = (t: number[][]) => t[0]!.map((_, k) => t.map((row) => row[k]!));

  it('swapping the coders leaves every symmetric measure unchanged', () => {
    fc.assert(
      fc.property(table, (t) => {
        for (const f of [percentAgreement, cohenKappa, scottPi, gwetAC1, (x: number[][]) => bennettS(x)]) {
          const a = measured(() => f(t));
          const b = measured(() => f(transpose(t)));
          expect(a.defined).toBe(b.defined);
          if (a.defined && b.defined) expect(a.value).toBeCloseTo(b.value, 10);
        }
      }),
    );
  });

  it('identical coders give 1 wherever the measure is defined', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 2, maxLength: 4 }), (diag) => {
        const t = diag.map((x, c) => diag.map((_, k) => (c === k ? x : 0)));
        for (const f of [cohenKappa, scottPi, gwetAC1, (x: number[][]) => bennettS(x)]) {
          const m = measured(() => f(t));
          if (m.defined) expect(m.value).toBeCloseTo(1, 12);
        }
        const ratings = diag.flatMap((x, c) => Array<number>(x).fill(c));
        const alpha = measured(() => krippendorffAlpha([ratings, ratings]));
        if (alpha.defined) expect(alpha.value).toBeCloseTo(1, 12);
      }),
    );
  });

  it("Krippendorff's α is unchanged by the order of units and of coders", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(1, 2, 3, null), fc.constantFrom(1, 2, 3, null), fc.constantFrom(1, 2, 3)), { minLength: 2, maxLength: 15 }), (units) => {
        const data = [units.map((u) => u[0]), units.map((u) => u[1]), units.map((u) => u[2])];
        const reversed = data.map((row) => [...row].reverse()).reverse();
        const a = measured(() => krippendorffAlpha(data));
        const b = measured(() => krippendorffAlpha(reversed));
        expect(a.defined).toBe(b.defined);
        if (a.defined && b.defined) expect(a.value).toBeCloseTo(b.value, 10);
      }),
    );
  });
});

describe("Krippendorff's α from a two-coder table", () => {
  it('equals α computed unit by unit (property)', async () => {
    const { krippendorffAlphaFromTable } = await import('../../../shared/agreement');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2)), { minLength: 2, maxLength: 40 }), (pairs) => {
        const t = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
        for (const [a, b] of pairs) t[a]![b]!++;
        const fromTable = measured(() => krippendorffAlphaFromTable(t));
        const fromUnits = measured(() => krippendorffAlpha([pairs.map((p) => p[0]), pairs.map((p) => p[1])]));
        expect(fromTable.defined).toBe(fromUnits.defined);
        if (fromTable.defined && fromUnits.defined) expect(fromTable.value).toBeCloseTo(fromUnits.value, 10);
      }),
    );
  });
});
