import { codedSpans } from '../domain/coded-spans';
import { sourcesInOrder } from '../domain/project-view';
import type { ProjectView, SourceView } from '../domain/project-view';
import type { DocumentMeta } from '../domain/schemas';
import { paragraphSpans } from '../text/paragraphs';
import { passagesAt } from '../text/passages';
import type { Passage } from '../text/passages';
import { complementSpans, intersectSpanLists, trimSpan, unionSpans } from '../text/spans';
import type { Span } from '../text/spans';
import type { QueryWindow } from './ast';
import { formatQuery } from './format';
import { parseQuery } from './parser';
import { characterWindow, followedBySpans, nearSpans, unitWindow } from './proximity';
import type { Window } from './proximity';
import { bindQuery } from './resolve';
import type { QueryPlan } from './resolve';

/**
 * What a query means, per document in scope, on the text each part picks out:
 *
 * * a code: the text coded at it or at any of its sub-codes (by the coders that count);
 * * A AND B: text picked out by both; A OR B: by either; NOT A: the rest of the document;
 *   A AND NOT B: text of A not in B;
 * * A NEAR(n) B: where a passage of A and one of B lie within n characters of each other
 *   (overlapping or touching counts as 0), the text from the first one's start to the last one's
 *   end; NEAR(turn) / NEAR(paragraph): both in one speaker turn / paragraph;
 * * A FOLLOWED BY B: each passage of A with the first passage of B starting at or after its end,
 *   from A's start to B's end; with a window, only if that B is within it.
 *
 * Overlapping results are merged, and each result is trimmed of white space at its ends.
 */

export interface QueryResult {
  /** The query written out in full, as it was understood (see formatQuery). */
  understood: string;
  /** By document in project order, then by position. */
  passages: Passage[];
  documentsSearched: number;
  documentsWithPassages: number;
  /** Characters in all passages. */
  characters: number;
}

function usesUnits(plan: QueryPlan): boolean {
  switch (plan.kind) {
    case 'code':
      return false;
    case 'not':
      return usesUnits(plan.expr);
    case 'and':
    case 'or':
      return usesUnits(plan.left) || usesUnits(plan.right);
    case 'near':
    case 'followedBy':
      return (plan.window !== null && plan.window.kind !== 'characters') || usesUnits(plan.left) || usesUnits(plan.right);
  }
}

function codeNodes(plan: QueryPlan): Extract<QueryPlan, { kind: 'code' }>[] {
  switch (plan.kind) {
    case 'code':
      return [plan];
    case 'not':
      return codeNodes(plan.expr);
    default:
      return [...codeNodes(plan.left), ...codeNodes(plan.right)];
  }
}

/** For each code in the plan, its coded text per document in scope, merged across coders. */
function codedText(view: ProjectView, plan: QueryPlan, documents: readonly DocumentMeta[]): Map<QueryPlan, Map<string, Span[]>> {
  const inScope = new Set(documents.map((d) => d.id));
  return new Map(codeNodes(plan).map((node) => [node, codedSpans(view, node.codeIds, node.coderIds, inScope)]));
}

interface DocumentScope {
  id: string;
  length: number;
  coded: Map<QueryPlan, Map<string, Span[]>>;
  source: SourceView | null;
}

function windowIn(doc: DocumentScope, window: QueryWindow): Window {
  if (window.kind === 'characters') return characterWindow(window.count);
  // Loaded beforehand whenever the query has a turn or paragraph window (see usesUnits).
  const source = doc.source!;
  return unitWindow(window.kind === 'turn' ? source.turns : paragraphSpans(source.text));
}

function evaluate(plan: QueryPlan, doc: DocumentScope): Span[] {
  switch (plan.kind) {
    case 'code':
      return doc.coded.get(plan)?.get(doc.id) ?? [];
    case 'not':
      return complementSpans(evaluate(plan.expr, doc), doc.length);
    case 'and':
      return intersectSpanLists(evaluate(plan.left, doc), evaluate(plan.right, doc));
    case 'or':
      return unionSpans([...evaluate(plan.left, doc), ...evaluate(plan.right, doc)]);
    case 'near':
      return nearSpans(evaluate(plan.left, doc), evaluate(plan.right, doc), windowIn(doc, plan.window));
    case 'followedBy':
      return followedBySpans(evaluate(plan.left, doc), evaluate(plan.right, doc), plan.window && windowIn(doc, plan.window));
  }
}

/**
 * Runs a query on a project: parses it, binds its names, and returns the passages it picks out
 * with their document, speaker and context. Throws QueryError (with the place in the query) for
 * a query that cannot be understood; reads each document's text only when it is needed.
 */
export async function runQuery(view: ProjectView, query: string): Promise<QueryResult> {
  const ast = parseQuery(query);
  const { plan, documents } = bindQuery(view, ast);
  const coded = codedText(view, plan, documents);
  const needsUnits = usesUnits(plan);
  const passages: Passage[] = [];
  let documentsWithPassages = 0;
  // Turns and paragraphs are in every document's source: read them a few ahead.
  const sources = needsUnits ? sourcesInOrder(view, documents.map((d) => d.id)) : null;
  for (const doc of documents) {
    let source = sources ? ((await sources.next()).value as SourceView) : null;
    const spans = evaluate(plan, { id: doc.id, length: doc.length, coded, source });
    if (spans.length === 0) continue;
    source ??= await view.readSource(doc.id);
    const { text } = source;
    const found = passagesAt(doc, source, spans.flatMap((s) => trimSpan(text, s) ?? []));
    if (found.length === 0) continue;
    documentsWithPassages++;
    passages.push(...found);
  }
  return {
    understood: formatQuery(ast),
    passages,
    documentsSearched: documents.length,
    documentsWithPassages,
    characters: passages.reduce((sum, p) => sum + p.end - p.start, 0),
  };
}
