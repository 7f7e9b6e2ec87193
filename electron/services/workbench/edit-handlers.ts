import { defineAttribute, deleteAttribute, setAttributeColumn, setDocumentAttribute } from '../../../shared/operations/attribute-ops';
import { createCode, deleteCode, mergeCode, moveCode, updateCode } from '../../../shared/operations/code-ops';
import { AppError } from '../../../shared/api/errors';
import { autocode } from '../../../shared/operations/autocode-ops';
import { codeInVivo, createCodeAndCode } from '../../../shared/operations/code-while-coding';
import { applyCodings, removeCoding, setCodingExtent } from '../../../shared/operations/coding-ops';
import { deleteDocument, deleteDocumentsLabel, documentWork, renameDocument } from '../../../shared/operations/document-ops';
import { renameCoder } from '../../../shared/operations/coder-ops';
import { changeSetMembers, createSet, deleteSet, renameSet } from '../../../shared/operations/set-ops';
import { setDocumentDone } from '../../../shared/operations/done-ops';
import { createMemo, deleteMemo, updateMemo } from '../../../shared/operations/memo-ops';
import { addedCodingIds } from '../../../shared/domain/patch';
import { boundedCodings } from '../../../shared/text/coding-pieces';
import { plural } from '../../../shared/text/plural';
import { codeQueryResults } from '../../../shared/operations/query-ops';
import { QueryError, runQuery } from '../../../shared/query';
import { handlerModule } from '../handler-registry';
import { projectView } from '../project/project-view';
import type { ProjectSession } from './project-session';
import { AUTOCODE_LIMIT, findMatches } from './retrieval';

type Session = () => ProjectSession;

/** How many codings there are, per code id then per coder id. */
function countsByCodeAndCoder(codings: readonly { codeId: string; coderId: string }[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const { codeId, coderId } of codings) {
    const perCoder = (counts[codeId] ??= {});
    perCoder[coderId] = (perCoder[coderId] ?? 0) + 1;
  }
  return counts;
}

export function documentHandlers(session: Session) {
  return handlerModule('document', {
    'document.get': async ({ documentId, coderIds, from }) => session().store.documentOutline(documentId, coderIds, from),
    'document.text': async ({ documentId, start, end }) => session().store.documentText(documentId, start, end),
    'document.codings': async ({ documentId, coderIds, range }) => {
      const codings = session().store.documentCodings(documentId, coderIds, range);
      return range ? boundedCodings(codings, range) : codings;
    },
    'document.codingCounts': async ({ documentId }) => countsByCodeAndCoder(session().store.documentCodings(documentId)),
    'document.rename': async ({ documentId, name }) => session().change(renameDocument(session().context(), documentId, name)),
    'document.work': async ({ documentIds }) => documentWork(session().context(), documentIds),
    'document.delete': async ({ documentIds }) => {
      const s = session();
      const ids = [...new Set(documentIds)];
      if (ids.length === 1) return s.change(deleteDocument(s.context(), ids[0]!));
      // Each part sees the documents before it gone (a set holding two loses both): one step to undo.
      return s.changeInSteps(deleteDocumentsLabel(s.context(), ids), ids.map((id) => (ctx) => deleteDocument(ctx, id)));
    },
    'document.setDone': async ({ documentId, done }) => {
      const s = session();
      return s.change(setDocumentDone(s.context(), s.coder(), documentId, done));
    },
    'document.setAttribute': async ({ documentId, name, value }) => session().change(setDocumentAttribute(session().context(), documentId, name, value)),
  });
}

export function codingHandlers(session: Session) {
  return handlerModule('coding', {
    'coding.apply': async ({ documentId, codeId, start, end }) => {
      const s = session();
      const patch = applyCodings(s.context(), s.coder(), codeId, [{ documentId, start, end }]);
      return s.change(patch, addedCodingIds(patch));
    },
    'coding.applyMany': async ({ codeId, spans }) => {
      const s = session();
      const patch = applyCodings(s.context(), s.coder(), codeId, spans);
      return s.change(patch, addedCodingIds(patch));
    },
    'coding.autocode': async ({ unit, codeId, ...request }) => {
      const s = session();
      const { documents, truncated } = await findMatches(s.store, request, AUTOCODE_LIMIT);
      if (truncated) {
        throw new AppError('INVALID_INPUT', `“${request.query}” matches more than ${plural(AUTOCODE_LIMIT, 'time')}: narrow the search (whole words, a longer phrase, an attribute filter) before coding all results.`);
      }
      const patch = autocode(s.context(), s.coder(), codeId, documents, unit, request.query);
      return s.change(patch, addedCodingIds(patch));
    },
    'coding.codeQuery': async ({ query, codeId }) => {
      const s = session();
      const outcome = await runQuery(projectView(s.store), query).catch((err: unknown) => {
        throw err instanceof QueryError ? new AppError('INVALID_INPUT', `The query cannot be run: ${err.message}`) : err;
      });
      const patch = codeQueryResults(s.context(), s.coder(), codeId, query, outcome.passages);
      return s.change(patch, addedCodingIds(patch));
    },
    'coding.createCodeAndApply': async ({ name, documentId, start, end }) => {
      const s = session();
      const plan = createCodeAndCode(s.context(), s.coder(), name, { documentId, start, end });
      return s.changeInSteps(plan.label, plan.steps, plan.createdIds);
    },
    'coding.inVivo': async ({ documentId, start, end }) => {
      const s = session();
      const { text } = await s.store.readSource(documentId);
      const plan = codeInVivo(s.context(), s.coder(), { documentId, start, end }, text);
      return s.changeInSteps(plan.label, plan.steps, plan.createdIds);
    },
    'coding.remove': async ({ codingId }) => {
      const s = session();
      return s.change(removeCoding(s.context(), s.coder(), codingId));
    },
    'coding.setExtent': async ({ codingId, start, end }) => {
      const s = session();
      return s.change(setCodingExtent(s.context(), s.coder(), codingId, { start, end }));
    },
  });
}

export function codeHandlers(session: Session) {
  return handlerModule('code', {
    'code.create': async (input) => {
      const s = session();
      const { patch, codeId } = createCode(s.context(), input);
      return s.change(patch, [codeId]);
    },
    'code.update': async (input) => session().change(updateCode(session().context(), input)),
    'code.delete': async ({ codeId }) => session().change(deleteCode(session().context(), codeId)),
    'code.merge': async ({ sourceId, targetId }) => session().change(mergeCode(session().context(), sourceId, targetId)),
    'code.move': async ({ codeId, parentId, index }) => session().change(moveCode(session().context(), codeId, parentId, index)),
  });
}

export function memoHandlers(session: Session) {
  return handlerModule('memo', {
    'memo.create': async ({ target, text }) => {
      const s = session();
      const { patch, memoId } = createMemo(s.context(), s.coder(), target, text);
      return s.change(patch, [memoId]);
    },
    'memo.update': async ({ memoId, text }) => {
      const s = session();
      return s.change(updateMemo(s.context(), s.coder(), memoId, text));
    },
    'memo.delete': async ({ memoId }) => {
      const s = session();
      return s.change(deleteMemo(s.context(), s.coder(), memoId));
    },
  });
}

export function attributeHandlers(session: Session) {
  return handlerModule('attribute', {
    'attribute.define': async ({ name, type }) => session().change(defineAttribute(session().context(), name, type)),
    'attribute.delete': async ({ name }) => session().change(deleteAttribute(session().context(), name)),
    'attribute.setColumn': async ({ name, values }) => session().change(setAttributeColumn(session().context(), name, values)),
  });
}

export function coderHandlers(session: Session) {
  return handlerModule('coder', {
    'coder.rename': async ({ coderId, name }) => session().change(renameCoder(session().context(), coderId, name, session().currentCoderId)),
  });
}

export function setHandlers(session: Session) {
  return handlerModule('set', {
    'set.create': async ({ name, documentIds }) => {
      const { patch, setId } = createSet(session().context(), name, documentIds);
      return session().change(patch, [setId]);
    },
    'set.rename': async ({ setId, name }) => session().change(renameSet(session().context(), setId, name)),
    'set.delete': async ({ setId }) => session().change(deleteSet(session().context(), setId)),
    'set.members': async ({ setId, documentIds, member }) => session().change(changeSetMembers(session().context(), setId, documentIds, member)),
  });
}

export function historyHandlers(session: Session) {
  return handlerModule('history', {
    'history.undo': async () => session().undo(),
    'history.redo': async () => session().redo(),
    'history.state': async () => session().historyState(),
  });
}
