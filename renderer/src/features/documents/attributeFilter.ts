import type { AttributeDef, AttributeType } from '../../../../shared/domain/schemas';
import { compareValues } from '../../../../shared/api/document-pages';
import type { AttributeFacet, AttributeFilter } from '../../../../shared/api/contract';
import { formatAttributeValue } from './attributes';

/** One value an attribute takes in the documents, as a filter choice. */
export interface FilterValueOption {
  value: string | number;
  label: string;
  /** How many documents have it. */
  count: number;
}

export interface FilterAttributeOptions {
  name: string;
  type: AttributeType;
  values: FilterValueOption[];
}

/** The filter's choices as the panel shows them: each value of each attribute (the backend's facets) with its label. */
export function attributeFilterOptions(facets: readonly AttributeFacet[]): FilterAttributeOptions[] {
  return facets.map(({ name, type, values }) => ({ name, type, values: values.map((v) => ({ ...v, label: formatAttributeValue(type, v.value) })) }));
}

/** The filter with one value of one attribute switched on or off; an attribute with no values left is dropped. */
export function toggleFilterValue(filter: AttributeFilter, name: string, value: string | number, on: boolean): AttributeFilter {
  const current = filter[name] ?? [];
  const next = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  const out: AttributeFilter = { ...filter };
  if (next.length === 0) delete out[name];
  else out[name] = next;
  return out;
}

/** How many attributes the filter constrains. */
export function activeFilterCount(filter: AttributeFilter): number {
  return Object.values(filter).filter((values) => values.length > 0).length;
}

/** The filter in words, one entry per attribute: { name: "Borough", values: "Hackney or Newham" }. */
export function describeFilter(filter: AttributeFilter, defs: readonly AttributeDef[]): Array<{ name: string; values: string }> {
  const typeOf = new Map(defs.map((d) => [d.name, d.type]));
  return Object.entries(filter)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => {
      const type = typeOf.get(name) ?? 'text';
      const labels = [...values].sort(compareValues).map((v) => formatAttributeValue(type, v));
      const words = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? '');
      return { name, values: words };
    });
}
