import { contract } from '../../../shared/api/contract';
import type { AgreementCells, AgreementResult, AttributeFilter, DisagreementPage, DisagreementView, Handlers, Input } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import {
  characterAgreement,
  characterCells,
  findDisagreements,
  multiCoderAgreement,
  presenceAgreement,
  segmentAgreement,
  unitizedAgreement,
} from '../../../shared/agreement/project';
import type { AgreementInput, CharacterCell, UncertaintyOptions } from '../../../shared/agreement/project';
import { agreementJson, agreementTables } from '../../../shared/agreement/report-tables';
import type { ReportTable } from '../../../shared/agreement/report-tables';
import { agreementScope } from '../../../shared/agreement/scope';
import type { AgreementScope } from '../../../shared/agreement/scope';
import { codePath, subtreeIds } from '../../../shared/domain/codebook';
import { documentFilter } from '../../../shared/domain/filters';
import { contextAround, speakerAt } from '../../../shared/text/context';
import type { ProjectStore } from '../project/project-store';
import { plural } from '../../../shared/text/plural';
import { doneDocuments } from '../../../shared/operations/done-ops';
import { decisionLogTable, latestDecisions } from './consensus-service';

export interface AgreementSelection {
  coderIds: string[];
  /** Codes with their sub-codes; null = every codable code. */
  codeIds: string[] | null;
  /** null = every document passing the attribute filter. */
  documentIds: string[] | null;
  attributes: AttributeFilter;
}

/** The request as the contract delivers it, defaults filled in. */
export type AgreementRequest = Required<Input<'agreement.compute'>>;

/** A full request from the fields given, the contract's defaults for the rest (for the CLI and the workbook). */
export function agreementRequest(fields: Input<'agreement.compute'>): AgreementRequest {
  return contract['agreement.compute'].input.parse(fields);
}

/** Per coder, the documents they marked "done" (read through, coded or not). */
export type DoneMarks = ReadonlyMap<string, ReadonlySet<string>>;

/** The one place the agreement scope reads "done" marks from: each coder's file. */
export function readDoneMarks(store: ProjectStore, coderIds: readonly string[]): DoneMarks {
  return new Map(coderIds.map((id) => [id, new Set(doneDocuments(store, id))]));
}

/** Gathers what a comparison reads from the project: documents, codable codes, coders, their codings. */
export function agreementInput(store: ProjectStore, selection: AgreementSelection): AgreementInput {
  const { codebook, coders, documents, sets } = store.data;
  for (const id of selection.coderIds) {
    if (!coders.some((c) => c.id === id)) throw new AppError('NOT_FOUND', `There is no coder with id ${id} in this project.`);
  }
  if (new Set(selection.coderIds).size !== selection.coderIds.length) throw new AppError('INVALID_INPUT', 'Choose different coders to compare.');
  const wanted = selection.codeIds ? new Set(selection.codeIds.flatMap((id) => subtreeIds(codebook, id))) : null;
  const codes = codebook.filter((c) => c.codable && (!wanted || wanted.has(c.id)));
  const chosen = selection.documentIds ? new Set(selection.documentIds) : null;
  const passes = documentFilter(selection.attributes, sets);
  const docs = documents.filter((d) => (!chosen || chosen.has(d.id)) && passes(d));
  const codeIds = new Set(codes.map((c) => c.id));
  const docIds = new Set(docs.map((d) => d.id));
  const codings: AgreementInput['codings'] = [];
  for (const coderId of selection.coderIds) {
    for (const c of store.codingsOf(coderId)) {
      if (codeIds.has(c.codeId) && docIds.has(c.documentId)) codings.push({ coderId, documentId: c.documentId, codeId: c.codeId, start: c.start, end: c.end });
    }
  }
  return {
    documents: docs.map((d) => ({ id: d.id, name: d.name, length: d.length })),
    codes: codes.map((c) => ({ id: c.id, name: c.name })),
    coders: selection.coderIds.map((id) => ({ id, name: coders.find((c) => c.id === id)!.name })),
    codings,
  };
}

/** The input narrowed to the documents the scope rule keeps (see shared/agreement/scope.ts). */
export function scopedInput(store: ProjectStore, selection: AgreementSelection, includeAll: boolean, done: DoneMarks): { input: AgreementInput; scope: AgreementScope } {
  const input = agreementInput(store, selection);
  const coded = new Map(
    input.coders.map((c) => {
      const documents = new Set<string>();
      for (const x of store.codingsOf(c.id)) documents.add(x.documentId);
      return [c.id, documents];
    }),
  );
  const scope = agreementScope({ documents: input.documents, coders: input.coders, coded, done, includeAll });
  const kept = new Set(scope.documentIds);
  return {
    input: { ...input, documents: input.documents.filter((d) => kept.has(d.id)), codings: input.codings.filter((c) => kept.has(c.documentId)) },
    scope,
  };
}

function describe(input: AgreementInput, request: AgreementRequest, scope: AgreementScope): string[] {
  const names = input.coders.map((c) => c.name).join(', ');
  const what = `${plural(input.codes.length, 'code')} × ${plural(input.documents.length, 'document')}; coders: ${names}.`;
  const lines = (() => {
    switch (request.mode) {
      case 'character':
        return input.coders.length === 2
          ? [`Character mode: each code is a yes/no decision per character, per document (as NVivo's coding comparison). ${what}`, "Measures: percent agreement, Cohen's κ, Krippendorff's α (nominal). Aggregations over documents: pooled, length-weighted mean, unweighted mean."]
          : [`Character mode, ${input.coders.length} coders: each character coded or not by each coder. ${what}`, "Measures: Fleiss' κ and Krippendorff's α per code and overall (characters pooled over documents), and Cohen's κ for every pair of coders."];
      case 'unitized':
        return [`Unitized mode: Krippendorff's α_U (1995/2004) per code, the documents laid end to end as one continuum. ${what}`];
      case 'segment':
        return [`Segment mode (as MAXQDA): a segment agrees when the other coder's segment at the same code overlaps it by at least ${Math.round(request.threshold * 100)} % of their union. ${what}`, `Measures: percent agreement and Brennan & Prediger's κ_n with q = ${request.q ?? Math.max(2, input.codes.length)}${request.q ? '' : ' (the number of codes compared)'}.`];
      case 'presence':
        return [`Code presence per document: did each coder use the code in the document at all? ${what}`, "Measures over documents: percent agreement, Cohen's κ, Krippendorff's α."];
    }
  })();
  const intervals =
    request.samples > 0 && request.mode !== 'unitized'
      ? `95 % confidence intervals: percentile bootstrap, ${plural(request.samples, 'resample')} of the documents (seed ${request.seed}); minimum held to: ${request.minimum.toFixed(3)}.`
      : `Minimum held to: ${request.minimum.toFixed(3)}.`;
  return [...lines, scope.summary, intervals];
}

/** The agreement report for a request: per-code and overall figures, no cells. */
export function computeAgreement(store: ProjectStore, request: AgreementRequest, done: DoneMarks = readDoneMarks(store, request.coderIds)): AgreementResult {
  const { input, scope } = scopedInput(store, request, request.allDocuments, done);
  const pair = () => {
    if (input.coders.length !== 2) throw new AppError('INVALID_INPUT', `The ${request.mode} mode compares exactly two coders.`);
    return [input.coders[0]!.id, input.coders[1]!.id] as const;
  };
  const uncertainty: UncertaintyOptions | null = request.samples > 0 ? { samples: request.samples, seed: request.seed, minimum: request.minimum } : null;
  const report = (() => {
    switch (request.mode) {
      case 'character':
        return input.coders.length === 2 ? characterAgreement(input, ...pair(), uncertainty) : multiCoderAgreement(input, uncertainty);
      case 'unitized':
        return unitizedAgreement(input);
      case 'segment':
        return segmentAgreement(input, ...pair(), request.threshold, request.q ?? undefined, uncertainty);
      case 'presence':
        return presenceAgreement(input, ...pair(), uncertainty);
    }
  })();
  const { codebook } = store.data;
  const q = request.mode === 'segment' ? (request.q ?? Math.max(2, input.codes.length)) : null;
  return {
    report,
    coders: input.coders,
    codes: input.codes.map((c) => ({ id: c.id, name: c.name, path: codePath(codebook, c.id), color: codebook.find((x) => x.id === c.id)!.color })),
    documents: input.documents,
    scope,
    settings: {
      mode: request.mode,
      threshold: request.threshold,
      q,
      minimum: request.minimum,
      bands: request.bands,
      resampling: uncertainty && request.mode !== 'unitized' ? { samples: uncertainty.samples, seed: uncertainty.seed } : null,
    },
    description: describe(input, request, scope),
  };
}

/** Character mode's code × document cells, per code: for the detail tables, on demand. */
export function agreementCells(store: ProjectStore, request: AgreementRequest, codeIds: string[] | null = null, done: DoneMarks = readDoneMarks(store, request.coderIds)): Map<string, CharacterCell[]> {
  if (request.mode !== 'character' || request.coderIds.length !== 2) {
    throw new AppError('INVALID_INPUT', 'Per-document cells exist in character mode with two coders only.');
  }
  const { input } = scopedInput(store, { ...request, codeIds: codeIds ?? request.codeIds }, request.allDocuments, done);
  return characterCells(input, request.coderIds[0]!, request.coderIds[1]!);
}

/** Character mode's per-document cells, for the files that list them; null in the other modes. */
function cellsForFiles(store: ProjectStore, request: AgreementRequest): Map<string, CharacterCell[]> | null {
  return request.mode === 'character' && request.coderIds.length === 2 ? agreementCells(store, request) : null;
}

/** The report as sheets (the workbook, the CLI's tables), the code × document detail and the Consensus decision log included. */
export function agreementReportTables(store: ProjectStore, request: AgreementRequest): ReportTable[] {
  const tables = agreementTables(computeAgreement(store, request), cellsForFiles(store, request));
  const log = decisionLogTable(store);
  return log.rows.length > 0 ? [...tables, log] : tables;
}

/** The whole report as JSON, the code × document cells included. */
export function agreementReportJson(store: ProjectStore, request: AgreementRequest): string {
  return agreementJson(computeAgreement(store, request), cellsForFiles(store, request));
}

/** One code's cells, as the `agreement.cells` channel sends them. */
export function codeCells(store: ProjectStore, request: AgreementRequest & { codeId: string }): AgreementCells {
  if (!store.data.codebook.some((c) => c.id === request.codeId && c.codable)) throw new AppError('NOT_FOUND', `There is no codable code with id ${request.codeId}.`);
  const cells = agreementCells(store, request, [request.codeId]).get(request.codeId) ?? [];
  return { codeId: request.codeId, cells };
}

/** One page of the passages where two coders differ at one code; only the page's documents are read. */
export async function listDisagreements(store: ProjectStore, request: Parameters<Handlers['agreement.disagreements']>[0]): Promise<DisagreementPage> {
  const selection = { coderIds: [request.coderA, request.coderB], codeIds: [request.codeId], documentIds: request.documentIds, attributes: request.attributes };
  const { input } = scopedInput(store, selection, request.allDocuments, readDoneMarks(store, selection.coderIds));
  const decisionOn = latestDecisions(store, request.coderA, request.coderB);
  const all = findDisagreements(input, request.coderA, request.coderB, request.codeId).map((p) => ({ ...p, decision: decisionOn(p) }));
  const passages: DisagreementView[] = [];
  for (const p of all.slice(request.offset, request.offset + request.limit)) {
    const { text, turns } = await store.readSource(p.documentId);
    passages.push({ ...p, text: text.slice(p.start, p.end), ...contextAround(text, p.start, p.end), speaker: speakerAt(turns, p.start) });
  }
  return { passages, offset: request.offset, total: all.length, settled: all.filter((p) => p.decision !== null).length };
}
