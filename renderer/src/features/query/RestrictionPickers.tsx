import { useId, useMemo } from 'react';
import type { QueryRestrictions } from './queryRestrictions';
import { attributeValues } from './attributeValues';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useChanges, useProject } from '../workbench/state/contexts';
import { useAllDocuments } from '../workbench/state/useDocuments';

const selectClass = `${uiStyles.fieldInput} ${uiStyles.fieldSelect}`;

/** Coder, document set and attribute value a query is restricted to (added to it as WHERE conditions). */
export function RestrictionPickers({ value, onChange }: { value: QueryRestrictions; onChange: (next: QueryRestrictions) => void }) {
  const { project } = useProject();
  const id = useId();
  const { showError } = useChanges();
  const documents = useAllDocuments(showError);
  const attributes = useMemo(() => attributeValues(project.attributes, documents ?? []), [project.attributes, documents]);
  const attributeKey = value.attribute ? JSON.stringify([value.attribute.name, value.attribute.value]) : '';
  return (
    <div className={viewPage.controls}>
      <span className={viewPage.select}>
        <label htmlFor={`${id}-coder`}>Coder</label>
        <select id={`${id}-coder`} className={selectClass} value={value.coder ?? ''} onChange={(e) => onChange({ ...value, coder: e.target.value || null })}>
          <option value="">All coders</option>
          {project.coders.map((c) => (
            <option key={c.id} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </span>
      <span className={viewPage.select}>
        <label htmlFor={`${id}-set`}>Document set</label>
        <select id={`${id}-set`} className={selectClass} value={value.set ?? ''} onChange={(e) => onChange({ ...value, set: e.target.value || null })}>
          <option value="">All documents</option>
          {project.sets.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </span>
      <span className={viewPage.select}>
        <label htmlFor={`${id}-attribute`}>Attribute</label>
        <select
          id={`${id}-attribute`}
          className={selectClass}
          value={attributeKey}
          onChange={(e) => {
            const picked = e.target.value ? (JSON.parse(e.target.value) as [string, string]) : null;
            onChange({ ...value, attribute: picked && { name: picked[0], value: picked[1] } });
          }}
        >
          <option value="">Any value</option>
          {attributes.map((a) => (
            <optgroup key={a.name} label={a.name}>
              {a.values.map((v) => (
                <option key={v} value={JSON.stringify([a.name, v])}>
                  {`${a.name} = ${v}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </span>
    </div>
  );
}
