/** Inter-coder agreement measures: pure functions, each documented with its source. */
export { UndefinedMeasure, measured } from './undefined-measure';
export type { MeasureValue } from './undefined-measure';
export { bennettS, cohenKappa, gwetAC1, holsti, krippendorffAlphaFromTable, percentAgreement, scottPi } from './contingency';
export { fleissKappa } from './fleiss';
export { krippendorffAlpha } from './krippendorff-alpha';
export type { MeasurementLevel, Rating } from './krippendorff-alpha';
export { unitizedAlpha } from './unitized-alpha';
export type { UnitizedInput, UnitizedResult, UnitizedUnit } from './unitized-alpha';
