import { findDisagreements } from '../../../shared/agreement/project';
import { CONSENSUS_CODER_NAME, assertResolvable, resolveDisagreement } from '../../../shared/operations/consensus-ops';
import { joinPatches } from '../../../shared/domain/patch';
import { agreementSheets } from '../export/agreement-sheets';
import { workbookBytes } from '../export/workbook';
import { exportFile, exportFileName, XLSX_TYPE } from '../export/export-file';
import { handlerModule } from '../handler-registry';
import type { ProjectSession } from '../workbench/project-session';
import { agreementInput, agreementReportJson, agreementReportTables, codeCells, computeAgreement, listDisagreements, readDoneMarks, scopedInput } from './agreement-service';
import { startConsensus } from '../../../shared/operations/start-consensus';

/** Inter-coder agreement: figures, their tables as files, the disagreements, and settling them. */
export function agreementHandlers(session: () => ProjectSession, userName: () => string | null) {
  return handlerModule('agreement', {
    'agreement.compute': async (request) => computeAgreement(session().store, request),
    'agreement.export': async ({ format, ...request }) => {
      const { store } = session();
      const name = exportFileName(store.data.name, `agreement (${request.mode})`, format);
      if (format === 'json') return exportFile(name, 'application/json', agreementReportJson(store, request));
      const out = await workbookBytes(agreementSheets(agreementReportTables(store, request)));
      return exportFile(name, XLSX_TYPE, out.bytes, out.notes);
    },
    'agreement.cells': async (request) => codeCells(session().store, request),
    'agreement.disagreements': async (request) => listDisagreements(session().store, request),
    'agreement.resolve': async ({ coderA, coderB, codeId, documentId, start, end, choice, note }) => {
      const s = session();
      const input = agreementInput(s.store, { coderIds: [coderA, coderB], codeIds: [codeId], documentIds: [documentId], attributes: {} });
      const passage = assertResolvable(findDisagreements(input, coderA, coderB, codeId).find((p) => p.start === start && p.end === end));
      const consensus = s.coderNamed(CONSENSUS_CODER_NAME);
      const patch = resolveDisagreement(s.context(), { consensusCoderId: consensus.id, passage, coderA, coderB, choice, note, decidedBy: userName() ?? 'Unknown' });
      return s.change(consensus.adds ? joinPatches(patch.label, [{ label: patch.label, project: consensus.adds }, patch]) : patch);
    },
    'agreement.startConsensus': async ({ coderA, coderB, codeIds, documentIds, attributes, allDocuments }) => {
      const s = session();
      const selection = { coderIds: [coderA, coderB], codeIds, documentIds, attributes };
      const { input } = scopedInput(s.store, selection, allDocuments, readDoneMarks(s.store, selection.coderIds));
      const consensus = s.coderNamed(CONSENSUS_CODER_NAME);
      const patch = startConsensus(s.context(), input, consensus.id, coderA, coderB);
      return s.change(consensus.adds && patch.coders ? joinPatches(patch.label, [{ label: patch.label, project: consensus.adds }, patch]) : patch);
    },
  });
}
