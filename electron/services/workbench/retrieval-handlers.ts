import { countAutocode } from '../../../shared/operations/autocode-ops';
import { handlerModule } from '../handler-registry';
import type { ProjectSession } from './project-session';
import { AUTOCODE_LIMIT, findMatches, querySegments, searchText } from './retrieval';

export function segmentsHandlers(session: () => ProjectSession) {
  return handlerModule('segments', {
    'segments.query': async (query) => querySegments(session().store, query),
  });
}

export function searchHandlers(session: () => ProjectSession) {
  return handlerModule('search', {
    'search.text': async (request) => searchText(session().store, request),
    'search.autocodePreview': async ({ unit, codeId, ...request }) => {
      const s = session();
      const { documents, truncated } = await findMatches(s.store, request, AUTOCODE_LIMIT);
      return { ...countAutocode(s.context(), s.currentCoderId, codeId, documents, unit), truncated };
    },
  });
}
