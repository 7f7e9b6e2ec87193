import type { AgreementMode, AgreementResult, AttributeFilter, DisagreementView } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import {
  characterAgreement,
  findDisagreements,
  multiCoderAgreement,
  presenceAgreement,
  segmentAgreement,
  unitizedAgreement,
} from '../../../shared/agreement/project';
import type { AgreementInput } from '../../../shared/agreement/project';
import { codePath, subtreeIds } from '../../../shared/domain/codebook';
import { documentMatches } from '../../../shared/domain/filters';
import { contextAround, speakerAt } from '../../../shared/text/context';
import type { ProjectStore } from '../project/project-store';
import { plural } from '../../../shared/text/plural';

export interface AgreementSelection {
  coderIds: string[];
  /** Codes with their sub-codes; null = every codable code. */
  codeIds: string[] | null;
  /** null = every document passing the attribute filter. */
  documentIds: string[] | null;
  attributes: AttributeFilter;
}

/** Gathers what a comparison reads from the project: documents, codable codes, coders, their codings. */
export function agreementInput(store: ProjectStore, selection: AgreementSelection): AgreementInput {
  const { codebook, coders, documents } = store.data;
  for (const id of selection.coderIds) {
    if (!coders.some((c) => c.id === id)) throw new AppError('NOT_FOUND', `There is no coder with id ${id} in this project.`);
  }
  if (new Set(selection.coderIds).size !== selection.coderIds.length) throw new AppError('INVALID_INPUT', 'Choose different coders to compare.');
  const wanted = selection.codeIds ? new Set(selection.codeIds.flatMap((id) => subtreeIds(codebook, id))) : null;
  const codes = codebook.filter((c) => c.codable && (!wanted || wanted.has(c.id)));
  const docs = documents.filter((d) => (!selection.documentIds || selection.documentIds.includes(d.id)) && documentMatches(d, selection.attributes));
  const codeIds = new Set(codes.map((c) => c.id));
  const docIds = new Set(docs.map((d) => d.id));
  return {
    documents: docs.map((d) => ({ id: d.id, name: d.name, length: d.length })),
    codes: codes.map((c) => ({ id: c.id, name: c.name })),
    coders: selection.coderIds.map((id) => ({ id, name: coders.find((c) => c.id === id)!.name })),
    codings: selection.coderIds.flatMap((coderId) =>
      store.codingsOf(coderId).filter((c) => codeIds.has(c.codeId) && docIds.has(c.documentId)).map((c) => ({ ...c, coderId })),
    ),
  };
}

function describe(input: AgreementInput, mode: AgreementMode, threshold: number, q: number | null): string[] {
  const names = input.coders.map((c) => c.name).join(', ');
  const scope = `${plural(input.codes.length, 'code')} × ${plural(input.documents.length, 'document')}; coders: ${names}.`;
  switch (mode) {
    case 'character':
      return input.coders.length === 2
        ? [`Character mode: each code is a yes/no decision per character, per document (as NVivo's coding comparison). ${scope}`, "Measures: percent agreement, Cohen's κ, Krippendorff's α (nominal). Aggregations over documents: pooled, length-weighted mean, unweighted mean."]
        : [`Character mode, ${input.coders.length} coders: each character coded or not by each coder. ${scope}`, "Measures: Fleiss' κ and Krippendorff's α per code and overall (characters pooled over documents), and Cohen's κ for every pair of coders."];
    case 'unitized':
      return [`Unitized mode: Krippendorff's α_U (1995/2004) per code, the documents laid end to end as one continuum. ${scope}`];
    case 'segment':
      return [`Segment mode (as MAXQDA): a segment agrees when the other coder's segment at the same code overlaps it by at least ${Math.round(threshold * 100)} % of their union. ${scope}`, `Measures: percent agreement and Brennan & Prediger's κ_n with q = ${q ?? Math.max(2, input.codes.length)}${q ? '' : ' (the number of codes compared)'}.`];
    case 'presence':
      return [`Code presence per document: did each coder use the code in the document at all? ${scope}`, "Measures over documents: percent agreement, Cohen's κ, Krippendorff's α."];
  }
}

export function computeAgreement(
  store: ProjectStore,
  request: AgreementSelection & { mode: AgreementMode; threshold: number; q: number | null },
): AgreementResult {
  const input = agreementInput(store, request);
  const pair = () => {
    if (input.coders.length !== 2) throw new AppError('INVALID_INPUT', `The ${request.mode} mode compares exactly two coders.`);
    return [input.coders[0]!.id, input.coders[1]!.id] as const;
  };
  const report = (() => {
    switch (request.mode) {
      case 'character':
        return input.coders.length === 2 ? characterAgreement(input, ...pair()) : multiCoderAgreement(input);
      case 'unitized':
        return unitizedAgreement(input);
      case 'segment':
        return segmentAgreement(input, ...pair(), request.threshold, request.q ?? undefined);
      case 'presence':
        return presenceAgreement(input, ...pair());
    }
  })();
  const { codebook } = store.data;
  return {
    report,
    coders: input.coders,
    codes: input.codes.map((c) => ({ id: c.id, name: c.name, path: codePath(codebook, c.id), color: codebook.find((x) => x.id === c.id)!.color })),
    documents: input.documents,
    description: describe(input, request.mode, request.threshold, request.q),
  };
}

export async function listDisagreements(
  store: ProjectStore,
  request: { coderA: string; coderB: string; codeId: string; documentIds: string[] | null; attributes: AttributeFilter },
): Promise<DisagreementView[]> {
  const input = agreementInput(store, { coderIds: [request.coderA, request.coderB], codeIds: [request.codeId], documentIds: request.documentIds, attributes: request.attributes });
  const passages = findDisagreements(input, request.coderA, request.coderB, request.codeId);
  const views: DisagreementView[] = [];
  for (const p of passages) {
    const { text, turns } = await store.readSource(p.documentId);
    views.push({ ...p, text: text.slice(p.start, p.end), ...contextAround(text, p.start, p.end), speaker: speakerAt(turns, p.start) });
  }
  return views;
}
