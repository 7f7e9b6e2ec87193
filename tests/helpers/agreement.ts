import type { AgreementResult } from '../../shared/api/contract';
import type { AgreementInput } from '../../shared/agreement/project';

/** A hand-built comparison: Ann and Ben at three codes (nobody codes "Empty") in the documents given. */
export function annAndBen(documents: AgreementInput['documents'], codings: AgreementInput['codings']): AgreementInput {
  return {
    documents,
    codes: [
      { id: 'stigma', name: 'Tackling stigma' },
      { id: 'same', name: 'Same' },
      { id: 'empty', name: 'Empty' },
    ],
    coders: [
      { id: 'ann', name: 'Ann' },
      { id: 'ben', name: 'Ben' },
    ],
    codings,
  };
}

/** A report as the backend sends it, around a report computed from `input`. */
export function resultOf(input: AgreementInput, report: AgreementResult['report'], settings: Partial<AgreementResult['settings']> = {}, scope: Partial<AgreementResult['scope']> = {}): AgreementResult {
  return {
    report,
    coders: input.coders,
    codes: input.codes.map((c) => ({ id: c.id, name: c.name, path: [c.name], color: '#123456' })),
    documents: input.documents,
    scope: { rule: 'all', documentIds: input.documents.map((d) => d.id), leftOut: [], summary: '', ...scope },
    settings: { mode: report.mode === 'character-multi' ? 'character' : report.mode, threshold: 0.9, q: null, minimum: 0.8, bands: 'krippendorff', resampling: null, ...settings },
    description: ['test'],
  };
}
