import type { Input } from '../../../../shared/api/contract';
import type { DocumentSummary, ProjectSnapshot } from '../../../../shared/api/views';
import { codePath } from '../../../../shared/domain/codebook';
import { attributeValues } from '../query/attributeValues';

export type WordScope = Input<'words.frequencies'>['scope'];

/** One choice of "Count words in": its group in the list, its label and the scope it stands for. */
export interface ScopeOption {
  value: string;
  group: string;
  label: string;
  scope: WordScope;
}

/**
 * What word frequencies can be counted in: every document, a document set, one document, the
 * documents with an attribute value, or the text coded at a code (every coder's codings).
 */
export function wordScopeOptions(project: Pick<ProjectSnapshot, 'sets' | 'attributes' | 'codebook'>, documents: readonly DocumentSummary[]): ScopeOption[] {
  const options: ScopeOption[] = [];
  if (documents.length > 0) {
    options.push({ value: 'all', group: 'Documents', label: 'All documents', scope: { kind: 'documents', documentIds: documents.map((d) => d.id) } });
  }
  for (const set of project.sets) {
    if (set.documentIds.length > 0) options.push({ value: `set:${set.id}`, group: 'Document sets', label: set.name, scope: { kind: 'documents', documentIds: set.documentIds } });
  }
  for (const { name, values } of attributeValues(project.attributes, documents)) {
    for (const value of values) {
      options.push({ value: `attr:${JSON.stringify([name, value])}`, group: 'Attribute values', label: `${name} = ${value}`, scope: { kind: 'attribute', name, value } });
    }
  }
  for (const code of project.codebook) {
    options.push({ value: `code:${code.id}`, group: 'Coded at', label: codePath(project.codebook, code.id).join(' › '), scope: { kind: 'code', codeId: code.id, coderIds: null } });
  }
  for (const doc of documents) {
    options.push({ value: `doc:${doc.id}`, group: 'One document', label: doc.name, scope: { kind: 'documents', documentIds: [doc.id] } });
  }
  return options;
}
