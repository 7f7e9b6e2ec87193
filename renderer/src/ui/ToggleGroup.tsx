import { useId } from 'react';
import styles from './overlay.module.css';

export interface ToggleGroupProps<T extends string> {
  /** The group's visible label ("Counts"). */
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string; title?: string }>;
  onChange: (value: T) => void;
  className?: string;
}

/** A small segmented control: one pressed button among a few, under a visible label. */
export function ToggleGroup<T extends string>({ label, value, options, onChange, className }: ToggleGroupProps<T>) {
  const labelId = useId();
  return (
    <div className={[styles.toggleGroup, className ?? ''].filter(Boolean).join(' ')} role="group" aria-labelledby={labelId}>
      <span id={labelId}>{label}</span>
      <span className={styles.toggleGroupButtons}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            className={styles.toggleGroupButton}
            aria-pressed={o.value === value}
            title={o.title}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </span>
    </div>
  );
}
