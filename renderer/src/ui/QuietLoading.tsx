import styles from './ui.module.css';

/** A loading note that only fades in if the wait is long enough to notice. */
export function QuietLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className={styles.quietLoading} role="status">
      {label}
    </p>
  );
}
