import { DismissButton } from '../ui/DismissButton';
import styles from './app.module.css';

/** A message that something was repaired or restored: informative, not an error; dismissible. */
export function Notice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <div role="status" className={styles.notice}>
      <svg className={styles.noticeIcon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M5 8.2l2 2 4-4.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className={styles.noticeText}>{text}</p>
      <DismissButton className={styles.noticeDismiss} onClick={onDismiss} />
    </div>
  );
}
