import type { SelectHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';
import styles from './ui.module.css';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({ label, options, className, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} className={className}>
      {({ id }) => (
        <select id={id} className={`${styles.fieldInput} ${styles.fieldSelect}`} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
