import { unitizedAlpha } from '../unitized-alpha';
import type { UnitizedResult, UnitizedUnit } from '../unitized-alpha';
import { UndefinedMeasure } from '../undefined-measure';
import type { MeasureValue } from '../undefined-measure';
import { CodedSpans } from './input';
import type { AgreementInput } from './input';

export interface UnitizedReport {
  mode: 'unitized';
  coderIds: string[];
  documents: number;
  codes: { codeId: string; alphaU: MeasureValue }[];
  overall: MeasureValue;
}

/**
 * α_U with the chosen documents laid end to end as one continuum, each code a category and each
 * coder's codings of a code unioned first (α_U requires a coder's units not to overlap).
 */
export function unitizedAgreement(input: AgreementInput): UnitizedReport {
  const spans = new CodedSpans(input);
  const units: UnitizedUnit[] = [];
  let offset = 0;
  for (const doc of input.documents) {
    for (const coder of input.coders) {
      for (const code of input.codes) {
        for (const s of spans.of(coder.id, code.id, doc.id)) {
          units.push({ coder: coder.id, category: code.id, begin: offset + s.start, length: s.end - s.start });
        }
      }
    }
    offset += doc.length;
  }
  const coderIds = input.coders.map((c) => c.id);
  const categories = input.codes.map((c) => c.id);
  const undefinedAll = (reason: string): UnitizedReport => ({
    mode: 'unitized',
    coderIds,
    documents: input.documents.length,
    codes: categories.map((codeId) => ({ codeId, alphaU: { defined: false, reason } })),
    overall: { defined: false, reason },
  });
  if (offset === 0) return undefinedAll('the documents chosen hold no text');
  let result: UnitizedResult;
  try {
    result = unitizedAlpha({ length: offset, units, coders: coderIds, categories });
  } catch (err) {
    if (err instanceof UndefinedMeasure) return undefinedAll(err.reason);
    throw err;
  }
  const codes = categories.map((codeId) => {
    const value = result.byCategory[codeId];
    const alphaU: MeasureValue =
      value !== undefined ? { defined: true, value } : { defined: false, reason: result.undefinedCategories[codeId] ?? 'not computed' };
    return { codeId, alphaU };
  });
  return { mode: 'unitized', coderIds, documents: input.documents.length, codes, overall: { defined: true, value: result.overall } };
}
