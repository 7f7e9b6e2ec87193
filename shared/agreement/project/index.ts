/** Agreement between coders in a project: character, segment, presence and unitized modes. */
export type { AgreementInput } from './input';
export { characterAgreement, characterCells } from './character-agreement';
export type { CharacterReport, CharacterTable, CharacterCodeResult, CharacterCell, PooledMeasures } from './character-agreement';
export type { UncertaintyOptions } from './intervals';
export { multiCoderAgreement, fleissFromHistogram, alphaFromHistogram } from './multi-coder-agreement';
export type { MultiCoderReport } from './multi-coder-agreement';
export { presenceAgreement, segmentAgreement } from './segment-agreement';
export type { PresenceReport, SegmentReport } from './segment-agreement';
export { unitizedAgreement } from './unitized-agreement';
export type { UnitizedReport } from './unitized-agreement';
export { findDisagreements } from './disagreements';
export type { DisagreementPassage } from './disagreements';
