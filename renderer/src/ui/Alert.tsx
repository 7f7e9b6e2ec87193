import type { ReactNode } from 'react';
import { DismissButton } from './DismissButton';
import styles from './ui.module.css';

export interface AlertProps {
  title: ReactNode;
  /** The file at fault, when the error names one. */
  file?: string | undefined;
  children?: ReactNode;
  onDismiss?: () => void;
  className?: string;
}

/** An error message a researcher can read: what happened, and which file, if any. */
export function Alert({ title, file, children, onDismiss, className }: AlertProps) {
  return (
    <div role="alert" className={[styles.alert, className ?? ''].filter(Boolean).join(' ')}>
      <svg className={styles.alertIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5v4.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        <circle cx="8" cy="11.4" r="0.95" fill="currentColor" />
      </svg>
      <div className={styles.alertBody}>
        <p className={styles.alertTitle}>{title}</p>
        {file ? (
          <p className={styles.alertFile}>
            File: <code>{file}</code>
          </p>
        ) : null}
        {children}
      </div>
      {onDismiss ? (
        <DismissButton className={styles.alertDismiss} onClick={onDismiss} />
      ) : null}
    </div>
  );
}
