import type { AttributeFilter } from '../api/contract';
import type { DocumentMeta } from './schemas';

/** A document passes when, for every attribute in the filter, its value is one of those listed. */
export function documentMatches(doc: Pick<DocumentMeta, 'attributes'>, filter: AttributeFilter): boolean {
  return Object.entries(filter).every(([name, allowed]) => {
    if (allowed.length === 0) return true;
    const value = doc.attributes[name];
    return value !== undefined && value !== null && allowed.includes(value);
  });
}
