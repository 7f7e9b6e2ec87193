import type { Span } from '../text/spans';
import { unionSpans } from '../text/spans';
import type { ProjectView } from './project-view';

/**
 * The text coded at any of `codeIds` by any of `coderIds`, per document among `documentIds`:
 * each document's spans merged (a passage two coders coded counts once), sorted and disjoint.
 */
export function codedSpans(
  view: ProjectView,
  codeIds: ReadonlySet<string>,
  coderIds: readonly string[],
  documentIds: ReadonlySet<string>,
): Map<string, Span[]> {
  const perDocument = new Map<string, Span[]>();
  for (const coderId of coderIds) {
    for (const coding of view.codingsOf(coderId)) {
      if (!codeIds.has(coding.codeId) || !documentIds.has(coding.documentId)) continue;
      const list = perDocument.get(coding.documentId);
      if (list) list.push(coding);
      else perDocument.set(coding.documentId, [coding]);
    }
  }
  for (const [id, list] of perDocument) perDocument.set(id, unionSpans(list));
  return perDocument;
}
