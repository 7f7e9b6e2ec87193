import type { AttributeFacet } from '../../../../shared/api/contract';

/**
 * Each attribute's values as the documents have them, in the attribute filter's order: what
 * "Attribute = value" pickers offer. From the facets (documents.facets), so no picker needs every
 * document to know them.
 */
export function attributeValues(facets: readonly AttributeFacet[]): { name: string; values: string[] }[] {
  return facets.map((f) => ({ name: f.name, values: f.values.map((v) => String(v.value)) }));
}
