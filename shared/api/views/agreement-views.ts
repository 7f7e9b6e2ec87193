import type { ResampleSettings } from '../../agreement/bootstrap';
import type { BandScheme } from '../../agreement/interpretation';
import type { CharacterCell, CharacterReport, DisagreementPassage, MultiCoderReport, PresenceReport, SegmentReport, UnitizedReport } from '../../agreement/project';
import type { AgreementScope } from '../../agreement/scope';
import type { Decision } from '../../domain/schemas';

/** Agreement between coders as the screen shows it: per-code results, cells and disagreements on demand. */

export type AgreementMode = 'character' | 'unitized' | 'segment' | 'presence';

/** The choices a report was computed with, as used (defaults filled in). */
export interface AgreementSettingsUsed {
  mode: AgreementMode;
  /** Segment mode's overlap threshold (share of the union). */
  threshold: number;
  /** Segment mode's q for κ_n, as used. */
  q: number | null;
  /** The minimum a chance-corrected figure is held to (Krippendorff's 0.800 by default). */
  minimum: number;
  /** Which interpretation bands label the figures. */
  bands: BandScheme;
  /** How the 95 % intervals were drawn; null when none were. */
  resampling: ResampleSettings | null;
}

/**
 * An agreement report with everything needed to read it: names, paths, the settings used, and
 * which documents were compared. Per-code and overall figures only: the code × document cells
 * come from `agreement.cells`, the passages from `agreement.disagreements`.
 */
export interface AgreementResult {
  report: CharacterReport | MultiCoderReport | SegmentReport | PresenceReport | UnitizedReport;
  coders: { id: string; name: string }[];
  codes: { id: string; name: string; path: string[]; color: string }[];
  /** The documents compared (after the scope rule). */
  documents: { id: string; name: string; length: number }[];
  scope: AgreementScope;
  settings: AgreementSettingsUsed;
  /** What was compared and how, in words, for the report's header and exports. */
  description: string[];
}

/** Character mode's code × document tables of one code, each measured. */
export interface AgreementCells {
  codeId: string;
  cells: CharacterCell[];
}

export interface DisagreementView extends DisagreementPassage {
  /** The Consensus coder's latest decision on this passage, from its decision log; null while open. */
  decision: Decision | null;
  text: string;
  before: string;
  after: string;
  speaker: string | null;
}

/** One page of the passages where two coders differ at one code, with the counts over all of them. */
export interface DisagreementPage {
  passages: DisagreementView[];
  /** Where this page starts among all the passages (document order, then position). */
  offset: number;
  /** Every passage where the two differ at the code, in the documents compared. */
  total: number;
  /** How many of them carry a decision in the Consensus coder's log. */
  settled: number;
}
