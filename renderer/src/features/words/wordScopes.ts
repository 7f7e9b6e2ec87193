import type { AttributeFacet, Input } from '../../../../shared/api/contract';
import type { ProjectSnapshot } from '../../../../shared/api/views';
import { codePath } from '../../../../shared/domain/codebook';
import { attributeValues } from '../query/attributeValues';

export type WordScope = Input<'words.frequencies'>['scope'];

/** The choice that stands for one document, picked by name beside the list (DocumentPicker). */
export const ONE_DOCUMENT = 'doc';

/** One choice of "Count words in": its group in the list, its label and the scope it stands for (null: one document, not yet picked). */
export interface ScopeOption {
  value: string;
  group: string;
  label: string;
  scope: WordScope | null;
}

/**
 * What word frequencies can be counted in: every document, a document set, the documents with
 * an attribute value, the text coded at a code (every coder's codings), or one document (found by
 * name, so that a survey of 20,000 answers is not 20,000 choices).
 */
export function wordScopeOptions(project: Pick<ProjectSnapshot, 'sets' | 'codebook' | 'documents'>, facets: readonly AttributeFacet[]): ScopeOption[] {
  if (project.documents.count === 0) return [];
  const options: ScopeOption[] = [
    { value: 'all', group: 'Documents', label: 'All documents', scope: { kind: 'all' } },
    { value: ONE_DOCUMENT, group: 'Documents', label: 'One document…', scope: null },
  ];
  for (const set of project.sets) {
    if (set.documentIds.length > 0) options.push({ value: `set:${set.id}`, group: 'Document sets', label: set.name, scope: { kind: 'documents', documentIds: set.documentIds } });
  }
  for (const { name, values } of attributeValues(facets)) {
    for (const value of values) {
      options.push({ value: `attr:${JSON.stringify([name, value])}`, group: 'Attribute values', label: `${name} = ${value}`, scope: { kind: 'attribute', name, value } });
    }
  }
  for (const code of project.codebook) {
    options.push({ value: `code:${code.id}`, group: 'Coded at (every coder, sub-codes included)', label: codePath(project.codebook, code.id).join(' › '), scope: { kind: 'code', codeId: code.id, coderIds: null } });
  }
  return options;
}
