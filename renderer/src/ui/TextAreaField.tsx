import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';
import styles from './ui.module.css';
import overlayStyles from './overlay.module.css';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: ReactNode;
}

/** A labelled multi-line text field with an optional hint beneath. */
export function TextAreaField({ label, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} className={className}>
      {({ id, ...described }) => <textarea id={id} className={`${styles.fieldInput} ${overlayStyles.fieldTextarea}`} {...described} {...textarea} />}
    </FieldFrame>
  );
}
