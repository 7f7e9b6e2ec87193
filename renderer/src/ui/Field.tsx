import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';
import styles from './ui.module.css';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
}

/** A labelled text input with an optional hint beneath. */
export function Field({ label, hint, className, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} className={className}>
      {({ id, ...described }) => <input id={id} className={styles.fieldInput} {...described} {...input} />}
    </FieldFrame>
  );
}
