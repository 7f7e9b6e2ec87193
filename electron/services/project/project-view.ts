import type { ProjectView } from '../../../shared/domain/project-view';
import type { ProjectStore } from './project-store';

/** The open project as the read-only view queries, word counts and reports read. */
export function projectView(store: ProjectStore): ProjectView {
  return {
    get codebook() {
      return store.data.codebook;
    },
    get coders() {
      return store.data.coders;
    },
    get attributes() {
      return store.data.attributes;
    },
    get documents() {
      return store.data.documents;
    },
    get sets() {
      return store.data.sets;
    },
    codingsOf: (coderId) => store.codingsOf(coderId),
    readSource: (documentId) => store.readSource(documentId),
  };
}
