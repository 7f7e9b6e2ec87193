import { attributeFacets, documentPage, documentSummary, locateDocument, namesTaken } from '../../../shared/api/document-pages';
import { handlerModule } from '../handler-registry';
import type { ProjectSession } from './project-session';

/** The Documents list's rows, found and counted here so that no reply carries every document. */
export function documentListHandlers(session: () => ProjectSession) {
  const documents = () => session().store.data.documents;
  const sets = () => session().store.data.sets;
  return handlerModule('documents', {
    'documents.page': async ({ filter, offset, limit, nameContains, sort }) => documentPage(documents(), filter, sets(), offset, limit, { nameContains, sort }),
    'documents.locate': async ({ filter, locator }) => ({ index: locateDocument(documents(), filter, sets(), locator) }),
    'documents.summaries': async ({ ids }) => {
      const table = session().store.state.tables.documents;
      return ids.flatMap((id) => {
        const doc = table.get(id);
        return doc ? [documentSummary(doc)] : [];
      });
    },
    'documents.namesTaken': async ({ names }) => namesTaken(documents(), names),
    'documents.facets': async () => attributeFacets(documents(), session().store.data.attributes),
  });
}
