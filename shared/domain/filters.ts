import { SET_FILTER_KEY } from '../api/limits';
import type { AttributeFilter } from '../api/contract';
import type { DocumentMeta, DocumentSet } from './schemas';

type Filterable = Pick<DocumentMeta, 'id' | 'attributes'>;

/**
 * A test for the documents passing a filter: for every attribute in it, the document's value is
 * one of those listed; for the set criterion, the document is in one of the sets listed (a set
 * since deleted holds nothing).
 */
export function documentFilter(filter: AttributeFilter, sets: readonly Pick<DocumentSet, 'id' | 'documentIds'>[]): (doc: Filterable) => boolean {
  const setIds = filter[SET_FILTER_KEY] ?? [];
  const inSets = setIds.length > 0 ? new Set(sets.filter((s) => setIds.includes(s.id)).flatMap((s) => s.documentIds)) : null;
  const attributes = Object.entries(filter).filter(([name, allowed]) => name !== SET_FILTER_KEY && allowed.length > 0);
  return (doc) =>
    (inSets === null || inSets.has(doc.id)) &&
    attributes.every(([name, allowed]) => {
      const value = doc.attributes[name];
      return value !== undefined && value !== null && allowed.includes(value);
    });
}

/** The matrix's column for documents without a value of its attribute. */
export const NO_VALUE = '(no value)';

/** The column a document falls in when the matrix's columns are an attribute's values: its value, or "(no value)". */
export function attributeColumnKey(doc: Pick<DocumentMeta, 'attributes'>, name: string): string {
  const value = doc.attributes[name];
  return value === null || value === undefined || value === '' ? NO_VALUE : String(value);
}
