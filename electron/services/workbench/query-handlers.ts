import { QUERY_PASSAGES_SHOWN, WORD_PASSAGES_SHOWN } from '../../../shared/api/contract';
import { WORDS_SHOWN } from '../../../shared/api/limits';
import type { QueryOutcome } from '../../../shared/api/contract';
import { deleteQuery, saveQuery, updateQuery } from '../../../shared/operations/query-ops';
import { QueryError, runQuery } from '../../../shared/query';
import { passagesForWord, wordFrequenciesIn, wordOptions } from '../../../shared/words';
import { handlerModule } from '../handler-registry';
import { projectView } from '../project/project-view';
import type { ProjectSession } from './project-session';

type Session = () => ProjectSession;

/** A query's passages, or where and why it cannot be run: a mistake in a query is an answer, not a failure. */
async function queryOutcome(session: ProjectSession, query: string): Promise<QueryOutcome> {
  try {
    const { passages, ...result } = await runQuery(projectView(session.store), query);
    return { ok: true, ...result, passages: passages.slice(0, QUERY_PASSAGES_SHOWN), total: passages.length };
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, message: err.message, start: err.at.start, end: err.at.end };
    throw err;
  }
}

/** Coding queries: run, and kept by name (saved queries are patches, so undoable). */
export function queryHandlers(session: Session) {
  return handlerModule('query', {
    'query.run': async ({ query }) => queryOutcome(session(), query),
    'query.save': async ({ name, query }) => {
      const s = session();
      const ctx = s.context();
      const id = ctx.newId();
      return s.change(saveQuery(ctx, id, name, query), [id]);
    },
    'query.update': async ({ queryId, name, query }) => session().change(updateQuery(session().context(), queryId, { name, query })),
    'query.delete': async ({ queryId }) => session().change(deleteQuery(session().context(), queryId)),
  });
}

/** Word frequencies and the passages of a word. */
export function wordHandlers(session: Session) {
  return handlerModule('words', {
    'words.frequencies': async ({ scope, stopWords, stem }) => {
      const { words, totalWords } = await wordFrequenciesIn(projectView(session().store), scope, wordOptions(stopWords, stem));
      return { words: words.slice(0, WORDS_SHOWN), distinctWords: words.length, totalWords };
    },
    'words.passages': async ({ scope, key, stopWords, stem }) => {
      return passagesForWord(projectView(session().store), scope, key, wordOptions(stopWords, stem), WORD_PASSAGES_SHOWN);
    },
  });
}
