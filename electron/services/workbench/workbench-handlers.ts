import type { Handlers } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { defineAttribute, deleteAttribute, setDocumentAttribute } from '../../../shared/operations/attribute-ops';
import { createCode, deleteCode, mergeCode, moveCode, updateCode } from '../../../shared/operations/code-ops';
import { applyCodings, removeCoding, setCodingExtent } from '../../../shared/operations/coding-ops';
import { createMemo, deleteMemo, updateMemo } from '../../../shared/operations/memo-ops';
import { CONSENSUS_CODER_NAME, assertResolvable, resolveDisagreement } from '../../../shared/operations/consensus-ops';
import { findDisagreements } from '../../../shared/agreement/project';
import { agreementInput, codeCells, computeAgreement, listDisagreements } from '../agreement/agreement-service';
import { chooseProjectCoders, exportCoderWork, importCoderWork, parseCoderExchange, readProjectCoders } from '../exchange/exchange-service';
import type { ServiceDeps } from '../deps';
import type { ProjectSession } from './project-session';
import { querySegments, searchText } from './retrieval';

type WorkbenchChannel =
  | 'document.get'
  | 'document.codings'
  | 'coding.apply'
  | 'coding.applyMany'
  | 'coding.remove'
  | 'coding.setExtent'
  | 'code.create'
  | 'code.update'
  | 'code.delete'
  | 'code.merge'
  | 'code.move'
  | 'memo.create'
  | 'memo.update'
  | 'memo.delete'
  | 'attribute.define'
  | 'attribute.delete'
  | 'document.setAttribute'
  | 'history.undo'
  | 'history.redo'
  | 'history.state'
  | 'segments.query'
  | 'search.text'
  | 'agreement.compute'
  | 'agreement.cells'
  | 'agreement.disagreements'
  | 'agreement.resolve'
  | 'exchange.exportCoder'
  | 'exchange.importCoder'
  | 'exchange.importProject';

/** The handlers that work inside an open project: coding, codebook, memos, attributes, retrieval, undo. */
export function workbenchHandlers(session: () => ProjectSession, deps: ServiceDeps): Pick<Handlers, WorkbenchChannel> {
  return {
    'document.get': async ({ documentId }) => session().store.documentContent(documentId),
    'document.codings': async ({ documentId }) => session().store.documentCodings(documentId),

    'coding.apply': async ({ documentId, codeId, start, end }) => {
      const s = session();
      const patch = applyCodings(s.context(), await s.coder(), codeId, [{ documentId, start, end }]);
      return s.change(patch, patch.coders?.[0]?.addedCodings.map((c) => c.id) ?? []);
    },
    'coding.applyMany': async ({ codeId, spans }) => {
      const s = session();
      const patch = applyCodings(s.context(), await s.coder(), codeId, spans);
      return s.change(patch, patch.coders?.[0]?.addedCodings.map((c) => c.id) ?? []);
    },
    'coding.remove': async ({ codingId }) => {
      const s = session();
      return s.change(removeCoding(s.context(), await s.coder(), codingId));
    },
    'coding.setExtent': async ({ codingId, start, end }) => {
      const s = session();
      return s.change(setCodingExtent(s.context(), await s.coder(), codingId, { start, end }));
    },

    'code.create': async (input) => {
      const s = session();
      const { patch, codeId } = createCode(s.context(), input);
      return s.change(patch, [codeId]);
    },
    'code.update': async (input) => session().change(updateCode(session().context(), input)),
    'code.delete': async ({ codeId }) => session().change(deleteCode(session().context(), codeId)),
    'code.merge': async ({ sourceId, targetId }) => session().change(mergeCode(session().context(), sourceId, targetId)),
    'code.move': async ({ codeId, parentId, index }) => session().change(moveCode(session().context(), codeId, parentId, index)),

    'memo.create': async ({ target, text }) => {
      const s = session();
      const { patch, memoId } = createMemo(s.context(), await s.coder(), target, text);
      return s.change(patch, [memoId]);
    },
    'memo.update': async ({ memoId, text }) => {
      const s = session();
      return s.change(updateMemo(s.context(), await s.coder(), memoId, text));
    },
    'memo.delete': async ({ memoId }) => {
      const s = session();
      return s.change(deleteMemo(s.context(), await s.coder(), memoId));
    },

    'attribute.define': async ({ name, type }) => session().change(defineAttribute(session().context(), name, type)),
    'attribute.delete': async ({ name }) => session().change(deleteAttribute(session().context(), name)),
    'document.setAttribute': async ({ documentId, name, value }) =>
      session().change(setDocumentAttribute(session().context(), documentId, name, value)),

    'history.undo': async () => session().undo(),
    'history.redo': async () => session().redo(),
    'history.state': async () => session().history.state(),

    'segments.query': async (query) => querySegments(session().store, query),
    'search.text': async ({ query, caseSensitive, wholeWord, attributes }) =>
      searchText(session().store, query, { caseSensitive, wholeWord }, attributes),

    'agreement.compute': async (request) => computeAgreement(session().store, request),
    'agreement.cells': async (request) => codeCells(session().store, request),
    'agreement.disagreements': async (request) => listDisagreements(session().store, request),
    'agreement.resolve': async ({ coderA, coderB, codeId, documentId, start, end, choice, note }) => {
      const s = session();
      const input = agreementInput(s.store, { coderIds: [coderA, coderB], codeIds: [codeId], documentIds: [documentId], attributes: {} });
      const passage = assertResolvable(
        findDisagreements(input, coderA, coderB, codeId).find((p) => p.start === start && p.end === end),
      );
      const consensus = await s.store.ensureCoder(CONSENSUS_CODER_NAME);
      return s.change(resolveDisagreement(s.context(), consensus.id, passage, choice, note));
    },

    'exchange.exportCoder': async ({ coderId }) => {
      const s = session();
      const id = coderId ?? (await s.coder());
      if (coderId === null && s.currentCoderId === null) {
        throw new AppError('NOT_FOUND', 'You have not coded in this project yet: there is no work of yours to export.');
      }
      return exportCoderWork(s, id, deps.now());
    },
    'exchange.importCoder': async ({ fileName, content }) =>
      importCoderWork(session(), [parseCoderExchange(content, fileName)], fileName, deps.now()),
    'exchange.importProject': async ({ path }) => {
      const s = session();
      const { take, skipped } = chooseProjectCoders(s, await readProjectCoders(path, deps.now()));
      if (take.length === 0) {
        const why = skipped.map((x) => `${x.coder}: ${x.reason}`).join('; ');
        throw new AppError('NOT_FOUND', `Nothing to import from ${path}${why ? ` (${why})` : ''}.`);
      }
      return importCoderWork(s, take, path, deps.now(), skipped);
    },
  };
}
