/**
 * What a chance-corrected figure is usually taken to mean, so a reader sees at once which codes
 * need a talk. Two conventions are in use and a report names the one it shows:
 *
 * * Krippendorff (2004, p. 241; 2019): rely on variables with α ≥ 0.800; draw only tentative
 *   conclusions from 0.667 ≤ α < 0.800; discard data below 0.667. Applied to every
 *   chance-corrected figure (κ, α, α_U, Fleiss' κ, κ_n), it is the stricter and the default.
 * * Landis & Koch (1977), for κ: below 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60
 *   moderate, 0.61–0.80 substantial, 0.81–1 almost perfect. Widely quoted, though its authors
 *   called the divisions arbitrary.
 */

export type BandScheme = 'krippendorff' | 'landis-koch';

export interface Band {
  /** A short label: "reliable", "tentative", "moderate". */
  label: string;
  /** Where the band sits, worst first: for colour or sorting. */
  rank: number;
  /** How many ranks the scheme has. */
  of: number;
}

export const bandSchemeNames: Record<BandScheme, string> = {
  krippendorff: 'Krippendorff (2004): α ≥ 0.800 reliable, 0.667–0.800 tentative, below 0.667 unreliable',
  'landis-koch': 'Landis & Koch (1977): poor < 0, slight ≤ 0.20, fair ≤ 0.40, moderate ≤ 0.60, substantial ≤ 0.80, almost perfect above',
};

const KRIPPENDORFF: { from: number; label: string }[] = [
  { from: -Infinity, label: 'unreliable' },
  { from: 0.667, label: 'tentative' },
  { from: 0.8, label: 'reliable' },
];

/** Landis & Koch's upper bounds are inclusive (0.20 is slight), so each band starts just above the last. */
const LANDIS_KOCH: { above: number; label: string }[] = [
  { above: -Infinity, label: 'poor' },
  { above: 0 - Number.EPSILON, label: 'slight' },
  { above: 0.2, label: 'fair' },
  { above: 0.4, label: 'moderate' },
  { above: 0.6, label: 'substantial' },
  { above: 0.8, label: 'almost perfect' },
];

/** The band a chance-corrected figure falls in. */
export function bandOf(value: number, scheme: BandScheme): Band {
  if (scheme === 'krippendorff') {
    const rank = KRIPPENDORFF.reduce((r, b, i) => (value >= b.from ? i : r), 0);
    return { label: KRIPPENDORFF[rank]!.label, rank, of: KRIPPENDORFF.length };
  }
  const rank = LANDIS_KOCH.reduce((r, b, i) => (value > b.above ? i : r), 0);
  return { label: LANDIS_KOCH[rank]!.label, rank, of: LANDIS_KOCH.length };
}

/** The minimum most reports are held to: Krippendorff's 0.800. */
export const DEFAULT_MINIMUM = 0.8;
