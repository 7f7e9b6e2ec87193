import { SET_FILTER_KEY } from '../../../../shared/api/limits';
import type { AttributeFacet, AttributeFilter, ProjectSnapshot } from '../../../../shared/api/contract';
import { compareValues } from '../../../../shared/api/document-pages';
import type { AttributeType, DocumentSet } from '../../../../shared/domain/schemas';
import { formatAttributeValue } from './attributes';

/** One value an attribute takes in the documents, as a filter choice. */
export interface FilterValueOption {
  value: string | number;
  label: string;
  /** How many documents have it. */
  count: number;
}

export interface FilterAttributeOptions {
  /** The filter's key: the attribute's name, or `SET_FILTER_KEY` for document sets. */
  key: string;
  name: string;
  type: AttributeType;
  values: FilterValueOption[];
}

/** The filter's choices as the panel shows them: each value of each attribute (the backend's facets) with its label. */
export function attributeFilterOptions(facets: readonly AttributeFacet[]): FilterAttributeOptions[] {
  return facets.map(({ name, type, values }) => ({ key: name, name, type, values: values.map((v) => ({ ...v, label: formatAttributeValue(type, v.value) })) }));
}

/** The project's document sets as one more filter group (none when there are no sets), in their order. */
export function setFilterOptions(sets: readonly DocumentSet[]): FilterAttributeOptions[] {
  if (sets.length === 0) return [];
  const values = [...sets].sort((a, b) => a.rank - b.rank).map((s) => ({ value: s.id, label: s.name, count: s.documentIds.length }));
  return [{ key: SET_FILTER_KEY, name: 'Document set', type: 'text', values }];
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

/** The filter in words, one entry per attribute, then the sets: { name: "Borough", values: "Hackney or Newham" }. */
export function describeFilter(filter: AttributeFilter, project: Pick<ProjectSnapshot, 'attributes' | 'sets'>): Array<{ name: string; values: string }> {
  const typeOf = new Map(project.attributes.map((d) => [d.name, d.type]));
  const setName = new Map(project.sets.map((s) => [s.id, s.name]));
  const either = (labels: string[]) => (labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? ''));
  const parts = Object.entries(filter)
    .filter(([name, values]) => name !== SET_FILTER_KEY && values.length > 0)
    .map(([name, values]) => {
      const type = typeOf.get(name) ?? 'text';
      return { name, values: either([...values].sort(compareValues).map((v) => formatAttributeValue(type, v))) };
    });
  const sets = (filter[SET_FILTER_KEY] ?? []).map((id) => setName.get(String(id)) ?? 'a deleted set');
  return sets.length > 0 ? [...parts, { name: 'Document set', values: either(sets) }] : parts;
}
