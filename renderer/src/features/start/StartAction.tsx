import { useId } from 'react';
import styles from './start.module.css';

export interface StartActionProps {
  title: string;
  description: string;
  busyLabel?: string;
  busy?: boolean;
  active?: boolean;
  primary?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** A large action tile. Its accessible name is exactly the title; the description is its description. */
export function StartAction({ title, description, busyLabel, busy, active, primary, disabled, onClick }: StartActionProps) {
  const descriptionId = useId();
  const classes = [styles.startAction, primary ? styles.startActionPrimary : '', active ? styles.startActionActive : ''];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      aria-describedby={descriptionId}
      aria-expanded={active === undefined ? undefined : active}
      aria-busy={busy || undefined}
      disabled={disabled}
      onClick={onClick}
    >
      <span className={styles.startActionTitle}>{title}</span>
      <span className={styles.startActionDescription} id={descriptionId} aria-hidden="true">
        {busy && busyLabel ? busyLabel : description}
      </span>
    </button>
  );
}
