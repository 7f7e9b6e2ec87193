import type { MeasureValue } from './undefined-measure';

/**
 * The two-coder measures on a 2×2 table in closed form: both coders said yes (`both`), only A,
 * only B, neither. The same values as percentAgreement, cohenKappa and krippendorffAlphaFromTable
 * on [[both, onlyA], [onlyB, neither]] (a property test holds them to it), without building
 * margins or throwing, because character mode and its bootstrap evaluate them hundreds of
 * thousands of times. The raw forms give NaN where a measure is undefined.
 */
export interface TwoByTwo {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

const EMPTY = 'there are no units to compare (the table is empty)';
const KAPPA_FLAT = "Cohen's κ needs variation: every unit fell in one category, so chance agreement is already 1";
const ALPHA_FLAT = "Krippendorff's α needs variation: every unit fell in one category";

export function rawPercent(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  return n > 0 ? (both + neither) / n : NaN;
}

/** Cohen's κ: p_e = p(A yes)·p(B yes) + p(A no)·p(B no). */
export function rawKappa(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  if (!(n > 0)) return NaN;
  const observed = (both + neither) / n;
  const expected = ((both + onlyA) * (both + onlyB) + (onlyB + neither) * (onlyA + neither)) / (n * n);
  return expected < 1 ? (observed - expected) / (1 - expected) : NaN;
}

/**
 * Krippendorff's α (nominal) for two coders without missing values: 2n values, of which
 * 2·both + onlyA + onlyB are "yes"; α = 1 − (2n − 1)(onlyA + onlyB) / (n_yes · n_no).
 */
export function rawAlpha(both: number, onlyA: number, onlyB: number, neither: number): number {
  const n = both + onlyA + onlyB + neither;
  const yes = 2 * both + onlyA + onlyB;
  const no = 2 * neither + onlyA + onlyB;
  if (!(n > 0) || yes === 0 || no === 0) return NaN;
  return 1 - ((2 * n - 1) * (onlyA + onlyB)) / (yes * no);
}

function value(x: number, reason: string): MeasureValue {
  return Number.isNaN(x) ? { defined: false, reason } : { defined: true, value: x };
}

export function percentOf(t: TwoByTwo): MeasureValue {
  return value(rawPercent(t.both, t.onlyA, t.onlyB, t.neither), EMPTY);
}

export function kappaOf(t: TwoByTwo): MeasureValue {
  return value(rawKappa(t.both, t.onlyA, t.onlyB, t.neither), t.both + t.onlyA + t.onlyB + t.neither > 0 ? KAPPA_FLAT : EMPTY);
}

export function alphaOf(t: TwoByTwo): MeasureValue {
  return value(rawAlpha(t.both, t.onlyA, t.onlyB, t.neither), t.both + t.onlyA + t.onlyB + t.neither > 0 ? ALPHA_FLAT : EMPTY);
}
