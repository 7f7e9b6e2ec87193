import type { AttributeFilter, SearchResult, SegmentView } from '../../../shared/api/contract';
import { subtreeIds } from '../../../shared/domain/codebook';
import { documentMatches } from '../../../shared/domain/filters';
import { isConsensusCoder } from '../../../shared/operations/consensus-ops';
import { contextAround, speakerAt } from '../../../shared/text/context';
import { findAll, searchPattern } from '../../../shared/text/search';
import type { SearchOptions } from '../../../shared/text/search';
import type { ProjectStore } from '../project/project-store';

export const SEARCH_LIMIT = 5000;

export interface SegmentQuery {
  codeIds: string[];
  includeSubcodes: boolean;
  /** null: every coder but the Consensus coder (as the analyses count them). */
  coderIds: string[] | null;
  attributes: AttributeFilter;
  /** Only these documents; null: every document passing the filter. */
  documentIds?: string[] | null;
}

/** Every coded passage at the codes asked for, in document order, with its text and context. */
export async function querySegments(store: ProjectStore, query: SegmentQuery): Promise<SegmentView[]> {
  const codeIds = new Set(query.includeSubcodes ? query.codeIds.flatMap((id) => subtreeIds(store.data.codebook, id)) : query.codeIds);
  const coders = store.data.coders.filter((c) => (query.coderIds === null ? !isConsensusCoder(c) : query.coderIds.includes(c.id)));
  const documents = store.data.documents.filter((d) => (!query.documentIds || query.documentIds.includes(d.id)) && documentMatches(d, query.attributes));
  const segments: SegmentView[] = [];
  for (const doc of documents) {
    const codings = coders.flatMap((coder) =>
      store.codingsOf(coder.id).filter((c) => c.documentId === doc.id && codeIds.has(c.codeId)).map((c) => ({ ...c, coderId: coder.id })),
    );
    if (codings.length === 0) continue;
    const { text, turns } = await store.readSource(doc.id);
    codings.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const c of codings) {
      segments.push({
        codingId: c.id,
        coderId: c.coderId,
        codeId: c.codeId,
        documentId: doc.id,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        ...contextAround(text, c.start, c.end),
        speaker: speakerAt(turns, c.start),
        createdAt: c.createdAt,
      });
    }
  }
  return segments;
}

/** Literal text search across the documents passing the filter, in document order. */
export async function searchText(
  store: ProjectStore,
  query: string,
  options: SearchOptions,
  attributes: AttributeFilter,
): Promise<SearchResult> {
  const pattern = searchPattern(query, options);
  const hits: SearchResult['hits'] = [];
  for (const doc of store.data.documents.filter((d) => documentMatches(d, attributes))) {
    const { text, turns } = await store.readSource(doc.id);
    for (const span of findAll(text, pattern, SEARCH_LIMIT + 1 - hits.length)) {
      const { before, after } = contextAround(text, span.start, span.end);
      hits.push({ documentId: doc.id, ...span, before, match: text.slice(span.start, span.end), after, speaker: speakerAt(turns, span.start) });
    }
    if (hits.length > SEARCH_LIMIT) return { hits: hits.slice(0, SEARCH_LIMIT), truncated: true };
  }
  return { hits, truncated: false };
}
