import type { AgreementInput } from '../agreement/project/input';
import { CodedSpans } from '../agreement/project/input';
import { joinPatches } from '../domain/patch';
import type { Patch } from '../domain/patch';
import { intersectSpanLists } from '../text/spans';
import { plural } from '../text/plural';
import { applyCodings } from './coding-ops';
import type { DocumentSpan } from './coding-ops';
import type { OperationContext } from './context';

/**
 * "Start consensus": what two coders agree on needs no talk, so every character both coded at
 * the same code (in the documents compared) goes to the Consensus coder in one undoable step;
 * what only one of them coded stays a disagreement to settle card by card.
 */
export function startConsensus(ctx: OperationContext, input: AgreementInput, consensusCoderId: string, coderA: string, coderB: string): Patch {
  const spans = new CodedSpans(input);
  const inScope = new Set(input.documents.map((d) => d.id));
  const patches: Patch[] = [];
  let passages = 0;
  for (const code of input.codes) {
    const agreed: DocumentSpan[] = [];
    for (const documentId of spans.documentsAt(code.id)) {
      if (!inScope.has(documentId)) continue;
      for (const s of intersectSpanLists(spans.of(coderA, code.id, documentId), spans.of(coderB, code.id, documentId))) agreed.push({ documentId, ...s });
    }
    if (agreed.length === 0) continue;
    passages += agreed.length;
    patches.push(applyCodings(ctx, consensusCoderId, code.id, agreed));
  }
  return joinPatches(`Start consensus: ${plural(passages, 'passage')} both coders coded`, patches);
}
