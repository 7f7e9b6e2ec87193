import { useId } from 'react';
import type { ReactNode } from 'react';
import styles from './ui.module.css';

/** What the control inside a FieldFrame spreads onto itself: its id, and the hint that describes it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
}

export interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The label above a form control and the optional hint beneath it (the control's own styles in ui.css). */
export function FieldFrame({ label, hint, className, children }: FieldFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={[styles.field, className ?? ''].filter(Boolean).join(' ')}>
      <label className={styles.fieldLabel} htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}) })}
      {hint ? (
        <p className={styles.fieldHint} id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
