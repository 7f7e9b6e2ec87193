import { handlerModule } from '../handler-registry';
import type { ProjectSession } from './project-session';
import { querySegments, searchText } from './retrieval';

export function segmentsHandlers(session: () => ProjectSession) {
  return handlerModule('segments', {
    'segments.query': async (query) => querySegments(session().store, query),
  });
}

export function searchHandlers(session: () => ProjectSession) {
  return handlerModule('search', {
    'search.text': async ({ query, caseSensitive, wholeWord, attributes }) => searchText(session().store, query, { caseSensitive, wholeWord }, attributes),
  });
}
