import { subtreeIds } from '../domain/codebook';
import { codedSpans } from '../domain/coded-spans';
import { sourcesInOrder } from '../domain/project-view';
import type { ProjectView, SourceView } from '../domain/project-view';
import { runQuery } from '../query';
import { passagesAt } from '../text/passages';
import type { Passage } from '../text/passages';
import { intersectSpanLists, unionSpans } from '../text/spans';
import type { Span } from '../text/spans';
import { wordCounter, wordReader } from './frequencies';
import type { TextStretches, WordFrequencies, WordOptions } from './frequencies';

/** Which text words are counted in. */
export type WordScope =
  /** Every document (a survey's 20,000 answers, without naming each one). */
  | { kind: 'all' }
  /** Whole documents: one, or a set. */
  | { kind: 'documents'; documentIds: readonly string[] }
  /** Whole documents whose attribute has this value. */
  | { kind: 'attribute'; name: string; value: string | number }
  /** The text coded at a code or its sub-codes, by these coders (null: every coder). */
  | { kind: 'code'; codeId: string; coderIds: readonly string[] | null }
  /** The passages a coding query finds. */
  | { kind: 'query'; query: string };

/** The spans of each document a scope covers, in project order. */
async function scopeSpans(view: ProjectView, scope: WordScope): Promise<Map<string, Span[]>> {
  // Takes the documents themselves: looking each one up by id costs a pass per document (20,000² for a survey).
  const whole = (docs: readonly { id: string; length: number }[]) => new Map(docs.map((d) => [d.id, [{ start: 0, end: d.length }]]));
  switch (scope.kind) {
    case 'all':
      return whole(view.documents);
    case 'documents': {
      const wanted = new Set(scope.documentIds);
      return whole(view.documents.filter((d) => wanted.has(d.id)));
    }
    case 'attribute':
      return whole(view.documents.filter((d) => d.attributes[scope.name] != null && String(d.attributes[scope.name]) === String(scope.value)));
    case 'code': {
      const coders = scope.coderIds ?? view.coders.map((c) => c.id);
      const coded = codedSpans(view, new Set(subtreeIds(view.codebook, scope.codeId)), coders, new Set(view.documents.map((d) => d.id)));
      return new Map(view.documents.filter((d) => coded.has(d.id)).map((d) => [d.id, coded.get(d.id)!]));
    }
    case 'query': {
      const out = new Map<string, Span[]>();
      for (const p of (await runQuery(view, scope.query)).passages) out.set(p.documentId, [...(out.get(p.documentId) ?? []), p]);
      return out;
    }
  }
}

/** A transcript's text without its speaker labels ("Facilitator:" is not a word anyone said). */
function spokenText(source: SourceView): Span[] {
  return source.turns.length > 0 ? unionSpans(source.turns) : [{ start: 0, end: source.text.length }];
}

/** The text of each document in the scope, in order (a few read ahead), speaker labels left out. */
async function* stretchesOf(view: ProjectView, scope: WordScope): AsyncGenerator<{ stretch: TextStretches; source: SourceView }> {
  const scoped = [...(await scopeSpans(view, scope))];
  const sources = sourcesInOrder(view, scoped.map(([documentId]) => documentId));
  for (const [documentId, spans] of scoped) {
    const source = (await sources.next()).value as SourceView;
    yield { stretch: { documentId, text: source.text, spans: intersectSpanLists(unionSpans(spans), spokenText(source)) }, source };
  }
}

/** Word frequencies in a document, a set of documents, an attribute value, a code or a query's results. */
export async function wordFrequenciesIn(view: ProjectView, scope: WordScope, options: WordOptions): Promise<WordFrequencies> {
  const counter = wordCounter(options);
  for await (const { stretch } of stretchesOf(view, scope)) counter.add(stretch);
  return counter.result();
}

/**
 * The occurrences, in the scope, of the word a table row stands for (its `key`: any form that
 * folds or stems to it), the first `limit` as passages with their context, and how many there
 * are in all: what a click on a word shows (a common word occurs tens of thousands of times).
 */
export async function passagesForWord(view: ProjectView, scope: WordScope, key: string, options: WordOptions, limit = Infinity): Promise<{ passages: Passage[]; total: number }> {
  const passages: Passage[] = [];
  const byId = new Map(view.documents.map((d) => [d.id, d]));
  const read = wordReader(options);
  let total = 0;
  for await (const { stretch, source } of stretchesOf(view, scope)) {
    const hits: Span[] = [];
    read(stretch, (_, start, end, _folded, tokenKey) => tokenKey === key && hits.push({ start, end }));
    total += hits.length;
    if (passages.length < limit) passages.push(...passagesAt(byId.get(stretch.documentId)!, source, hits.slice(0, limit - passages.length)));
  }
  return { passages, total };
}
