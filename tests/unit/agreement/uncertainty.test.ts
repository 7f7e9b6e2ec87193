import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, krippendorffAlphaFromTable, measured, percentAgreement } from '../../../shared/agreement';
import { percentileInterval } from '../../../shared/agreement/bootstrap';
import { krippendorffAlphaInterval } from '../../../shared/agreement/krippendorff-alpha';
import { characterAgreement, presenceAgreement } from '../../../shared/agreement/project';
import type { AgreementInput } from '../../../shared/agreement/project';
import { SeededRandom } from '../../../shared/agreement/seeded-random';
import { alphaOf, kappaOf, percentOf } from '../../../shared/agreement/two-by-two';

/**
 * Hayes & Krippendorff (2007), "Answering the call for a standard reliability measure for coding
 * data", Communication Methods and Measures 1:77–89, the example KALPHA is introduced with: 40
 * units, 5 observers, ordinal judgments 0–3, missing values. Published: ordinal α = 0.7598 from
 * 239 pairable judgments (nominal α = 0.4765).
 */
const HAYES = `1,1,2,.,2 1,1,0,1,. 2,3,3,3,. .,0,0,.,0 0,0,0,.,0 0,0,0,.,0 1,0,2,.,1 1,.,2,0,. 2,2,2,.,2 2,1,1,1,.
.,1,0,0,. 0,0,0,0,. 1,2,2,2,. 3,3,2,2,3 1,1,1,.,1 1,1,1,.,1 2,1,2,.,2 1,2,3,3,. 1,1,0,1,. 0,0,0,.,0
0,0,1,1,. 0,0,.,0,0 2,3,3,3,. 0,0,0,0,. 1,2,.,2,2 0,1,1,1,. 0,0,0,1,0 1,2,1,2,. 1,1,2,2,. 1,1,2,.,2
1,1,0,.,0 2,1,2,1,. 2,2,.,2,2 3,2,2,2,. 2,2,2,.,2 2,2,3,.,2 2,2,2,.,2 2,2,.,1,2 2,2,2,2,. 1,1,1,.,1`
  .split(/\s+/)
  .map((unit) => unit.split(',').map((v) => (v === '.' ? null : Number(v))));
const hayes = [0, 1, 2, 3, 4].map((observer) => HAYES.map((unit) => unit[observer]!));

/**
 * KALPHA's own bootstrap (macro version 3.0, 2011), written out to compare behaviour: draws M =
 * min(25·q, (observers − 1)·n/2) pairs of values from the coincidence matrix (q its non-empty
 * cells, n its total), keeps the expected disagreement fixed, and reads the 2.5th and 97.5th
 * percentiles. Units are not resampled.
 */
function kalphaInterval(o: number[][], delta: number[][], observers: number, samples: number, seed: number): { low: number; high: number } {
  const size = o.length;
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  let expected = 0;
  for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) expected += (nc[c]! * (nc[k]! - (c === k ? 1 : 0)) * delta[c]![k]!) / (n - 1);
  const De = expected / n;
  const cells: { p: number; d: number }[] = [];
  for (let c = 0; c < size; c++) for (let k = c; k < size; k++) cells.push({ p: (c === k ? 1 : 2) * (o[c]![k]! / n), d: delta[c]![k]! });
  const q = o.flat().filter((x) => x > 0).length;
  const M = Math.min(25 * q, ((observers - 1) * n) / 2);
  const random = new SeededRandom(seed);
  const alphas = Array.from({ length: samples }, () => {
    let sum = 0;
    for (let m = 0; m < M; m++) {
      let r = random.next();
      const cell = cells.find((x) => (r -= x.p) < 0) ?? cells[cells.length - 1]!;
      sum += cell.d;
    }
    return Math.max(-1, 1 - sum / (De * M));
  }).sort((a, b) => a - b);
  return { low: alphas[Math.floor(0.025 * samples) - 1]!, high: alphas[Math.floor(0.975 * samples)]! };
}

describe('bootstrap intervals', () => {
  it('reproduces the published α of the KALPHA example and brackets it; KALPHA’s pair-drawing interval is narrower', () => {
    expect(krippendorffAlpha(hayes, 'ordinal')).toBeCloseTo(0.7598, 4);
    expect(krippendorffAlpha(hayes, 'nominal')).toBeCloseTo(0.4765, 4);
    expect(HAYES.reduce((s, unit) => s + (unit.filter((v) => v !== null).length * (unit.filter((v) => v !== null).length - 1)) / 2, 0)).toBe(239);

    const ours = krippendorffAlphaInterval(hayes, 'ordinal', { samples: 4000, seed: 1 }, 0.8);
    if (!ours.defined) throw new Error(ours.reason);
    expect(ours.low).toBeLessThan(0.7598);
    expect(ours.high).toBeGreaterThan(0.7598);
    // α = 0.76 from 40 units: most resamples fall short of 0.800, as KALPHA reports for it.
    expect(ours.belowMinimum).toBeGreaterThan(0.6);

    // KALPHA on the same data (nominal, where δ does not depend on the resample): its interval
    // is narrower than a resample of whole units, as Zapf et al. (2016) found by simulation.
    const values = [0, 1, 2, 3];
    const o = values.map(() => values.map(() => 0));
    for (const unit of HAYES) {
      const v = unit.filter((x): x is number => x !== null);
      for (let a = 0; a < v.length; a++) for (let b = 0; b < v.length; b++) if (a !== b) o[v[a]!]![v[b]!]! += 1 / (v.length - 1);
    }
    const nominal = values.map((c) => values.map((k) => (c === k ? 0 : 1)));
    const kalpha = kalphaInterval(o, nominal, 5, 4000, 2);
    const units = krippendorffAlphaInterval(hayes, 'nominal', { samples: 4000, seed: 2 }, null);
    if (!units.defined) throw new Error(units.reason);
    expect(kalpha.low).toBeLessThan(0.4765);
    expect(kalpha.high).toBeGreaterThan(0.4765);
    expect(units.high - units.low).toBeGreaterThan(kalpha.high - kalpha.low);
  });

  it('gives the same interval for the same seed, and another for another seed', () => {
    const a = krippendorffAlphaInterval(hayes, 'interval', { samples: 500, seed: 7 }, 0.667);
    const b = krippendorffAlphaInterval(hayes, 'interval', { samples: 500, seed: 7 }, 0.667);
    const c = krippendorffAlphaInterval(hayes, 'interval', { samples: 500, seed: 8 }, 0.667);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('reads KALPHA’s percentiles, and refuses an interval where too many resamples have no figure', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i / 1000);
    expect(percentileInterval(values, 0.5, 10)).toEqual({ defined: true, low: 0.024, high: 0.975, belowMinimum: 0.5, samples: 1000 });
    const holes = Float64Array.from(values, (v, i) => (i % 10 === 0 ? NaN : v));
    expect(percentileInterval(holes, null, 10)).toEqual({ defined: false, reason: expect.stringMatching(/undefined in 10 %/) });
    expect(percentileInterval(values, null, 1)).toEqual({ defined: false, reason: expect.stringMatching(/at least two documents/) });
  });

  const documents = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, name: `D${i}`, length: 200 + 37 * i }));
  const codings = fc
    .array(
      fc.record({ coderId: fc.constantFrom('A', 'B'), codeId: fc.constantFrom('x', 'y'), doc: fc.nat(11), start: fc.nat(150), len: fc.integer({ min: 5, max: 50 }) }),
      { minLength: 30, maxLength: 80 },
    )
    .map((list) => list.map(({ doc, len, ...c }) => ({ ...c, documentId: `d${doc}`, end: c.start + len })));
  const input = (list: AgreementInput['codings']): AgreementInput => ({
    documents,
    codes: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }],
    coders: [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
    // Both coders also agree on a common passage in every document, so no figure lacks variation.
    codings: [...list, ...documents.flatMap((d) => ['A', 'B'].flatMap((coderId) => ['x', 'y'].map((codeId) => ({ coderId, codeId, documentId: d.id, start: 160, end: 190 }))))],
  });

  it('contains the point estimate for data with variation in every resample (property)', () => {
    fc.assert(
      fc.property(codings, fc.nat(1000), (list, seed) => {
        const report = characterAgreement(input(list), 'A', 'B', { samples: 200, seed, minimum: 0.8 });
        for (const pooled of [report.overall, ...report.codes.map((c) => c.pooled)]) {
          for (const m of ['kappa', 'alpha'] as const) {
            const value = pooled[m];
            const interval = pooled.intervals![m];
            if (!value.defined || !interval.defined) throw new Error('expected defined figures');
            expect(interval.low).toBeLessThanOrEqual(value.value + 1e-12);
            expect(interval.high).toBeGreaterThanOrEqual(value.value - 1e-12);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is reproducible in a report: same seed, same intervals; presence mode resamples documents too', () => {
    fc.assert(
      fc.property(codings, (list) => {
        const one = characterAgreement(input(list), 'A', 'B', { samples: 100, seed: 3, minimum: 0.8 });
        const two = characterAgreement(input(list), 'A', 'B', { samples: 100, seed: 3, minimum: 0.8 });
        expect(two).toEqual(one);
      }),
      { numRuns: 10 },
    );
    const presence = presenceAgreement(input([]), 'A', 'B', { samples: 100, seed: 3, minimum: 0.8 });
    expect(presence.overall.intervals).toEqual({ kappa: expect.objectContaining({ defined: false }), alpha: expect.objectContaining({ defined: false }) });
    expect(characterAgreement(input([]), 'A', 'B').overall.intervals).toBeNull();
  });
});

describe('2×2 measures in closed form', () => {
  it('equal the general contingency-table measures, defined or not (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (both, onlyA, onlyB, neither) => {
        const t = { both, onlyA, onlyB, neither };
        const m = [
          [both, onlyA],
          [onlyB, neither],
        ];
        for (const [fast, slow] of [
          [percentOf(t), measured(() => percentAgreement(m))],
          [kappaOf(t), measured(() => cohenKappa(m))],
          [alphaOf(t), measured(() => krippendorffAlphaFromTable(m))],
        ] as const) {
          expect(fast.defined).toBe(slow.defined);
          if (fast.defined && slow.defined) expect(fast.value).toBeCloseTo(slow.value, 12);
          else expect(fast).toEqual(slow);
        }
      }),
    );
  });
});
