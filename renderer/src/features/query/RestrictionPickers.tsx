import type { QueryRestrictions } from './queryRestrictions';
import { attributeValues } from './attributeValues';
import viewPage from '../../ui/viewPage.module.css';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { useChanges, useProject } from '../workbench/state/contexts';
import { useDocumentFacets } from '../workbench/state/useDocuments';

/**
 * Coder, document set and attribute value a query is restricted to (added to it as WHERE
 * conditions). The attribute values come from the facets, so no document list is fetched.
 */
export function RestrictionPickers({ value, onChange }: { value: QueryRestrictions; onChange: (next: QueryRestrictions) => void }) {
  const { project } = useProject();
  const { showError } = useChanges();
  const attributes = attributeValues(useDocumentFacets(showError) ?? []);
  const attributeOptions = attributes.flatMap((a) => a.values.map((v) => ({ value: JSON.stringify([a.name, v]), label: `${a.name} = ${v}`, group: a.name })));
  return (
    <div className={viewPage.controls}>
      <LabelledSelect
        label="Coder"
        value={value.coder ?? ''}
        options={[{ value: '', label: 'All coders' }, ...project.coders.map((c) => ({ value: c.name, label: c.name }))]}
        onChange={(coder) => onChange({ ...value, coder: coder || null })}
      />
      <LabelledSelect
        label="Document set"
        value={value.set ?? ''}
        options={[{ value: '', label: 'All documents' }, ...project.sets.map((s) => ({ value: s.name, label: s.name }))]}
        onChange={(set) => onChange({ ...value, set: set || null })}
      />
      <LabelledSelect
        label="Attribute"
        value={value.attribute ? JSON.stringify([value.attribute.name, value.attribute.value]) : ''}
        options={[{ value: '', label: 'Any value' }, ...attributeOptions]}
        onChange={(key) => {
          const picked = key ? (JSON.parse(key) as [string, string]) : null;
          onChange({ ...value, attribute: picked && { name: picked[0], value: picked[1] } });
        }}
      />
    </div>
  );
}
