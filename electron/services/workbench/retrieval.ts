import type { AttributeFilter, SearchResult, SegmentView } from '../../../shared/api/contract';
import type { DocumentMatches } from '../../../shared/operations/autocode-ops';
import { subtreeIds } from '../../../shared/domain/codebook';
import { attributeColumnKey, documentFilter } from '../../../shared/domain/filters';
import { isConsensusCoder } from '../../../shared/operations/consensus-ops';
import { contextAround, speakerAt } from '../../../shared/text/context';
import { findAll, searchPattern } from '../../../shared/text/search';
import type { SearchOptions } from '../../../shared/text/search';
import type { ProjectStore } from '../project/project-store';
import { findInTexts } from './pattern-search';

export const SEARCH_LIMIT = 5000;
/** Matches "code all results" takes in one step (coding.applyMany's limit too). */
export const AUTOCODE_LIMIT = 100_000;

export interface SegmentQuery {
  codeIds: string[];
  includeSubcodes: boolean;
  /** null: every coder but the Consensus coder (as the analyses count them). */
  coderIds: string[] | null;
  attributes: AttributeFilter;
  /** Only these documents; null: every document passing the filter. */
  documentIds?: string[] | null;
  /** Only the documents of one column of the matrix by attribute (see attributeColumnKey). */
  column?: { attribute: string; value: string } | undefined;
  /** Only these codings (where memos on codings sit); null: every coding at the codes. */
  codingIds?: string[] | null;
}

/** Every coded passage at the codes asked for, in document order, with its text and context. */
export async function querySegments(store: ProjectStore, query: SegmentQuery): Promise<SegmentView[]> {
  const codeIds = new Set(query.includeSubcodes ? query.codeIds.flatMap((id) => subtreeIds(store.data.codebook, id)) : query.codeIds);
  const coders = store.data.coders.filter((c) => (query.coderIds === null ? !isConsensusCoder(c) : query.coderIds.includes(c.id)));
  const passes = documentFilter(query.attributes, store.data.sets);
  const onlyDocuments = query.documentIds ? new Set(query.documentIds) : null;
  const { column } = query;
  const documents = store.data.documents.filter((d) => (!onlyDocuments || onlyDocuments.has(d.id)) && (!column || attributeColumnKey(d, column.attribute) === column.value) && passes(d));
  const onlyCodings = query.codingIds ? new Set(query.codingIds) : null;
  const segments: SegmentView[] = [];
  for (const doc of documents) {
    const codings = coders.flatMap((coder) =>
      store
        .codingsOf(coder.id)
        .filter((c) => c.documentId === doc.id && codeIds.has(c.codeId) && (!onlyCodings || onlyCodings.has(c.id)))
        .map((c) => ({ ...c, coderId: coder.id })),
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

export interface SearchRequest extends SearchOptions {
  query: string;
  attributes: AttributeFilter;
}

/**
 * The matches of a search in each document passing the filter (those with none left out), at
 * most `limit` in all; `truncated` when there were more. Patterns run in a worker with a time
 * limit (pattern-search.ts); literal text, escaped, runs here.
 */
export async function findMatches(store: ProjectStore, request: SearchRequest, limit: number): Promise<{ documents: DocumentMatches[]; truncated: boolean }> {
  const pattern = searchPattern(request.query, request);
  const docs = store.data.documents.filter(documentFilter(request.attributes, store.data.sets));
  const sources = [];
  for (const doc of docs) sources.push(await store.readSource(doc.id));
  let left = limit + 1;
  const found = request.pattern
    ? await findInTexts(request.query, pattern, sources.map((s) => s.text), left)
    : sources.map((s) => {
        const matches = findAll(s.text, pattern, left);
        left -= matches.length;
        return matches;
      });
  const documents: DocumentMatches[] = [];
  let total = 0;
  for (const [i, doc] of docs.entries()) {
    const matches = found[i]!.slice(0, Math.max(0, limit - total));
    total += found[i]!.length;
    if (matches.length > 0) documents.push({ documentId: doc.id, text: sources[i]!.text, turns: sources[i]!.turns, matches });
  }
  return { documents, truncated: total > limit };
}

/** Text search across the documents passing the filter, in document order, with each hit's context. */
export async function searchText(store: ProjectStore, request: SearchRequest): Promise<SearchResult> {
  const { documents, truncated } = await findMatches(store, request, SEARCH_LIMIT);
  const hits = documents.flatMap(({ documentId, text, turns, matches }) =>
    matches.map((span) => ({ documentId, ...span, ...contextAround(text, span.start, span.end), match: text.slice(span.start, span.end), speaker: speakerAt(turns, span.start) })),
  );
  return { hits, truncated };
}
