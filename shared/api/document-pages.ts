import type { AttributeFilter, DocumentSort } from './contract';
import { documentFilter } from '../domain/filters';
import { looseNameKey } from '../text/normalise';
import type { AttributeType, AttributeDef, AttributeValue, DocumentMeta, DocumentSet } from '../domain/schemas';
import type { DocumentPage, DocumentSummary, DocumentTally } from './views';

/**
 * The Documents list's rows, asked for a page at a time: a project of 20,000 survey answers
 * sends the rows on screen, never all 20,000 summaries. Every function takes the documents in
 * rank order (the list's order) and costs one pass over them at most.
 */

/** A document as the Documents list shows it: what a page of the list carries per row. */
export function documentSummary({ id, name, length, turnCount, attributes, rank }: DocumentMeta): DocumentSummary {
  return { id, name, length, turnCount, attributes, rank };
}

/** How many documents there are and which comes first: what the snapshot says of them. */
export function documentTally(documents: readonly DocumentMeta[]): DocumentTally {
  return { count: documents.length, firstId: documents[0]?.id ?? null };
}

/** The sets a filter's set criterion may name. */
type Sets = readonly Pick<DocumentSet, 'id' | 'documentIds'>[];

/** The documents passing the filter (attributes and sets), in rank order (all of them when the filter is empty). */
function passing(documents: readonly DocumentMeta[], filter: AttributeFilter, sets: Sets): readonly DocumentMeta[] {
  return Object.values(filter).some((values) => values.length > 0) ? documents.filter(documentFilter(filter, sets)) : documents;
}

/** The documents in another order than rank (see DocumentSort): a stable sort, so ties keep rank order. */
function sorted(documents: readonly DocumentMeta[], sort: DocumentSort | undefined): readonly DocumentMeta[] {
  if (!sort) return documents;
  const key = (d: DocumentMeta): AttributeValue | undefined => (sort.attribute === null ? d.name : d.attributes[sort.attribute]);
  const sign = sort.descending ? -1 : 1;
  return [...documents].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (isEmpty(x) || isEmpty(y)) return Number(isEmpty(x)) - Number(isEmpty(y));
    return sign * compareValues(x, y);
  });
}

/**
 * Rows `offset`… (at most `limit`) of the documents passing the filter (and whose names hold
 * `nameContains`, case ignored), in rank order or `sort`'s, with how many pass.
 */
export function documentPage(
  documents: readonly DocumentMeta[],
  filter: AttributeFilter,
  sets: Sets,
  offset: number,
  limit: number,
  { nameContains = '', sort }: { nameContains?: string | undefined; sort?: DocumentSort | undefined } = {},
): DocumentPage {
  const needle = nameContains.trim().toLocaleLowerCase();
  const passed = passing(documents, filter, sets);
  const shown = sorted(needle ? passed.filter((d) => d.name.toLocaleLowerCase().includes(needle)) : passed, sort);
  return { rows: shown.slice(offset, offset + limit).map(documentSummary), offset, total: shown.length, count: documents.length };
}

/** Which of `names` name a document, matched as an attribute table's rows are (case and spaces ignored). */
export function namesTaken(documents: readonly Pick<DocumentMeta, 'name'>[], names: readonly string[]): string[] {
  const taken = new Set(documents.map((d) => looseNameKey(d.name)));
  return names.filter((name) => taken.has(looseNameKey(name)));
}

/** What to find among the documents passing a filter: one by id, or (type-ahead) the next after `after` whose name starts with `prefix`. */
export type DocumentLocator = { id: string } | { prefix: string; after: number };

/**
 * Where a document stands among those passing the filter, or null. Type-ahead wraps round to
 * the top, and compares as the list shows names (case ignored).
 */
export function locateDocument(documents: readonly DocumentMeta[], filter: AttributeFilter, sets: Sets, locator: DocumentLocator): number | null {
  const shown = passing(documents, filter, sets);
  if ('id' in locator) {
    const index = shown.findIndex((d) => d.id === locator.id);
    return index < 0 ? null : index;
  }
  const needle = locator.prefix.toLocaleLowerCase();
  if (!needle.trim() || shown.length === 0) return null;
  for (let step = 1; step <= shown.length; step++) {
    const i = (((locator.after + step) % shown.length) + shown.length) % shown.length;
    if (shown[i]!.name.toLocaleLowerCase().startsWith(needle)) return i;
  }
  return null;
}

/** One value an attribute takes in the documents, and how many documents have it. */
export interface FacetValue {
  value: string | number;
  count: number;
}

/** An attribute's values among the documents: the choices of the attribute filter. */
export interface AttributeFacet {
  name: string;
  type: AttributeType;
  values: FacetValue[];
}

// One collator for every comparison: localeCompare with options builds a new one per call, which
// made the attribute filter's choices cost 35-70 ms at 1,000 documents (at app load). Made when
// first needed: the page imports this module at start.
let textOrder: Intl.Collator | undefined;

/** Attribute values in the order a list shows them: numbers and dates in order, text alphabetically. */
export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  textOrder ??= new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  return textOrder.compare(a, b);
}

function isEmpty(value: AttributeValue | undefined): value is null | undefined {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * For each attribute the project defines, the values present in its documents (empty ones left
 * out) with their counts, sorted: numbers and dates in order, text alphabetically. Attributes no
 * document has a value for are left out.
 */
export function attributeFacets(documents: readonly Pick<DocumentMeta, 'attributes'>[], defs: readonly AttributeDef[]): AttributeFacet[] {
  const out: AttributeFacet[] = [];
  for (const def of defs) {
    const counts = new Map<string | number, number>();
    for (const doc of documents) {
      const value = doc.attributes[def.name];
      if (!isEmpty(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    const values = [...counts.entries()].sort(([a], [b]) => compareValues(a, b)).map(([value, count]) => ({ value, count }));
    out.push({ name: def.name, type: def.type, values });
  }
  return out;
}
