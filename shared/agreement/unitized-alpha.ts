import { dictionary } from '../domain/dictionary';
import { UndefinedMeasure } from './undefined-measure';

export interface UnitizedUnit {
  coder: string;
  category: string;
  begin: number;
  length: number;
}

export interface UnitizedInput {
  /** Start of the continuum (default 0). */
  begin?: number;
  length: number;
  units: UnitizedUnit[];
  /** Every coder, including any who marked nothing; default: the coders named in `units`. */
  coders?: string[];
  /** Every category to report; default: the categories named in `units`. */
  categories?: string[];
}

export interface UnitizedResult {
  overall: number;
  byCategory: Record<string, number>;
  /** Categories whose α_U is undefined, with the reason (e.g. nobody used the category). */
  undefinedCategories: Record<string, string>;
  observed: Record<string, number>;
  expected: Record<string, number>;
}

interface Section {
  begin: number;
  length: number;
  coded: boolean;
}

/** One coder's continuum for one category: coded sections and the gaps between them. */
function sections(units: UnitizedUnit[], begin: number, end: number): Section[] {
  const sorted = [...units].sort((a, b) => a.begin - b.begin);
  const out: Section[] = [];
  let pos = begin;
  for (const u of sorted) {
    if (u.begin < pos) throw new RangeError(`coder ${u.coder} has overlapping units of category ${u.category}: merge them first`);
    if (u.begin > pos) out.push({ begin: pos, length: u.begin - pos, coded: false });
    out.push({ begin: u.begin, length: u.length, coded: true });
    pos = u.begin + u.length;
  }
  if (pos < end) out.push({ begin: pos, length: end - pos, coded: false });
  return out;
}

/**
 * Krippendorff's distance between two overlapping sections of two coders: squared boundary
 * differences for two coded sections, l² for a coded section lying inside the other's gap.
 */
export function sectionDistance(a: Section, b: Section): number {
  const beginDiff = a.begin - b.begin;
  const lengthDiff = a.length - b.length;
  if (a.coded && b.coded && -a.length < beginDiff && beginDiff < b.length) {
    return beginDiff ** 2 + (beginDiff + lengthDiff) ** 2;
  }
  if (a.coded && !b.coded && -lengthDiff >= beginDiff && beginDiff >= 0) return a.length ** 2;
  if (!a.coded && b.coded && -lengthDiff <= beginDiff && beginDiff <= 0) return b.length ** 2;
  return 0;
}

function observedDisagreement(perCoder: Section[][], L: number): number {
  const R = perCoder.length;
  let sum = 0;
  for (let r1 = 0; r1 < R; r1++) {
    for (let r2 = r1 + 1; r2 < R; r2++) {
      const s1 = perCoder[r1]!;
      const s2 = perCoder[r2]!;
      let i = 0;
      let j = 0;
      while (i < s1.length && j < s2.length) {
        const a = s1[i]!;
        const b = s2[j]!;
        sum += sectionDistance(a, b);
        const endA = a.begin + a.length;
        const endB = b.begin + b.length;
        if (endA <= endB) i++;
        if (endB <= endA) j++;
      }
    }
  }
  return (2 * sum) / (R * (R - 1) * L * L);
}

function expectedDisagreement(perCoder: Section[][], L: number): number {
  const R = perCoder.length;
  const coded = perCoder.flat().filter((s) => s.coded).map((s) => s.length);
  const gaps = perCoder.flat().filter((s) => !s.coded).map((s) => s.length);
  const N = coded.length;
  const squared = coded.reduce((a, l) => a + l * (l - 1), 0);
  let sum = 0;
  for (const l of coded) {
    const within = ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
    const inGaps = gaps.reduce((a, g) => (g >= l ? a + g - l + 1 : a), 0) * l * l;
    sum += within + inGaps;
  }
  return ((2 / L) * sum) / (R * L * (R * L - 1) - squared);
}

/**
 * Krippendorff's α_U for unitized spans (1995; 2004, Quality & Quantity 38:787–800, the form
 * DKPro and INCEpTION use): per category, D_o compares every pair of coders' coded sections
 * and gaps; D_e is the closed form over all possible unitizations. Overall α_U =
 * 1 − Σ_c D_o(c) / Σ_c D_e(c). Not the 2016/2019 "uα" family ATLAS.ti builds on.
 */
export function unitizedAlpha(input: UnitizedInput): UnitizedResult {
  const begin = input.begin ?? 0;
  const L = input.length;
  if (!(L > 0)) throw new RangeError('the continuum must have a positive length');
  for (const u of input.units) {
    if (!(u.length > 0) || u.begin < begin || u.begin + u.length > begin + L) {
      throw new RangeError(`unit [${u.begin}, ${u.begin + u.length}) of ${u.coder} lies outside the continuum`);
    }
  }
  const coders = input.coders ?? [...new Set(input.units.map((u) => u.coder))];
  const categories = input.categories ?? [...new Set(input.units.map((u) => u.category))];
  if (coders.length < 2) throw new UndefinedMeasure('α_U needs at least two coders');

  const result: UnitizedResult = { overall: 0, byCategory: dictionary(), undefinedCategories: dictionary(), observed: dictionary(), expected: dictionary() };
  let observedSum = 0;
  let expectedSum = 0;
  for (const category of categories) {
    const perCoder = coders.map((coder) =>
      sections(input.units.filter((u) => u.coder === coder && u.category === category), begin, begin + L),
    );
    const Do = observedDisagreement(perCoder, L);
    const De = expectedDisagreement(perCoder, L);
    result.observed[category] = Do;
    result.expected[category] = De;
    observedSum += Do;
    expectedSum += De;
    if (De > 0) result.byCategory[category] = 1 - Do / De;
    else result.undefinedCategories[category] = 'nobody marked anything in this category, so there is no disagreement to expect';
  }
  if (!(expectedSum > 0)) throw new UndefinedMeasure('no coder marked anything in any category');
  result.overall = 1 - observedSum / expectedSum;
  return result;
}
