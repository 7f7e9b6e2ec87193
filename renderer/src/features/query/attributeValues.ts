import type { AttributeDef } from '../../../../shared/domain/schemas';

/** Each attribute's values as the documents have them, sorted: what "Attribute = value" pickers offer. */
export function attributeValues(attributes: readonly AttributeDef[], documents: readonly { attributes: Record<string, unknown> }[]): { name: string; values: string[] }[] {
  return attributes
    .map((a) => {
      const values = new Set<string>();
      for (const d of documents) {
        const v = d.attributes[a.name];
        if (v !== null && v !== undefined && v !== '') values.add(String(v));
      }
      return { name: a.name, values: [...values].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })) };
    })
    .filter((a) => a.values.length > 0);
}
