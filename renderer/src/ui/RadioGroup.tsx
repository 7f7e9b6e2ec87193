import { useId } from 'react';
import { cx } from '../lib/cx';
import styles from './radioGroup.module.css';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

export interface RadioGroupProps<T extends string> {
  /** The group's question ("The rows are"); without one, the caller's own fieldset names it. */
  legend?: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
  /** Side by side rather than one under another. */
  inline?: boolean;
}

/** One choice among a few, as native radio buttons (the keyboard and screen readers know them). */
export function RadioGroup<T extends string>({ legend, value, options, onChange, inline = false }: RadioGroupProps<T>) {
  const name = useId();
  const radios = options.map((o) => (
    <label key={o.value} className={styles.radio}>
      <input type="radio" name={name} value={o.value} checked={value === o.value} disabled={o.disabled} onChange={() => onChange(o.value)} />
      <span>{o.label}</span>
    </label>
  ));
  const className = cx(styles.group, inline && styles.inline);
  if (legend === undefined) return <div className={className}>{radios}</div>;
  return (
    <fieldset className={cx(className, styles.fieldset)}>
      <legend className={styles.legend}>{legend}</legend>
      {radios}
    </fieldset>
  );
}
