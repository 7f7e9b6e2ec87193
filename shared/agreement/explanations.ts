/** What each mode compares, unit by unit: the word the explanations use. */
export type AgreementUnit = 'characters' | 'documents' | 'segments';

/**
 * Plain-language notes on each measure, shown beside the figures and written into exports;
 * each names the unit the current mode counts in.
 */
const explanations = {
  percent: (unit: AgreementUnit) =>
    `Percent agreement: the share of units (here ${unit}) on which both coders made the same decision${unit === 'segments' ? ': segments the other coder matched' : ', coded or not coded'}. Easy to read, but it does not allow for agreement by chance${unit === 'characters' ? ', so it runs high when most text is uncoded' : ''}.`,
  kappa: (unit: AgreementUnit) =>
    `Cohen's κ: agreement beyond what the two coders' own coding rates would give by chance, counted in ${unit}. 1 is perfect, 0 is chance level, below 0 worse than chance. Undefined when there is no variation (nobody coded the code, or everyone coded everything).`,
  alpha: (unit: AgreementUnit) =>
    `Krippendorff's α: agreement beyond chance judged from both coders' decisions pooled, counted in ${unit}; works for any number of coders and is the measure most journals in content analysis ask for. α ≥ 0.800 is usually taken as reliable, 0.667–0.800 as tentative.`,
  alphaU: () =>
    "Krippendorff's α_U (1995/2004): compares where each coder's passages begin and end, not just which characters they cover, so a passage cut in two counts as a disagreement. This is the form DKPro and INCEpTION compute; ATLAS.ti's newer uα family gives different numbers on the same data.",
  fleiss: (unit: AgreementUnit) => `Fleiss' κ: chance-corrected agreement for three or more coders, each of the ${unit} judged coded or not by every coder.`,
  segment: () =>
    'Segment agreement (as MAXQDA): a coded segment agrees when the other coder gave the same code to a segment overlapping it by at least the threshold of their combined extent.',
  kappaN: (unit: AgreementUnit) =>
    `Brennan & Prediger's κ_n: chance is taken as 1/q, spreading decisions evenly over q categories, counted in ${unit}; q is stated with every figure because tools choose it differently.`,
  presence: () => 'Code presence: per document, did each coder use the code at all? Agreement over documents, not passages.',
  pooled: () => 'Pooled: the character tables of all documents are added up first, then the measure is computed once; long documents count for more.',
  lengthWeighted: () => 'Length-weighted mean: the per-document values averaged, each weighted by the document’s length.',
  unweighted: () => 'Unweighted mean: the per-document values averaged, each document counting once (NVivo users often average this way by hand).',
  interval: () =>
    '95 % interval: the range the figure keeps to in 95 % of resampled sets of documents (a percentile bootstrap, resampling whole documents, seeded so the report can be reproduced). P(below minimum) is the share of resamples below the minimum, as KALPHA reports it.',
} as const;

export type ExplainedMeasure = keyof typeof explanations;

export function measureExplanation(measure: ExplainedMeasure, unit: AgreementUnit): string {
  return explanations[measure](unit);
}
