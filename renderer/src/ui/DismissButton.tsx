import { cx } from '../lib/cx';
import styles from './ui.module.css';
/** The × that dismisses an alert or a notice; `className` names the caller's own hover colours (styles in ui.css). */
export function DismissButton({ className, onClick }: { className?: string | undefined; onClick: () => void }) {
  return (
    <button type="button" className={cx(styles.dismissButton, className)} onClick={onClick} aria-label="Dismiss">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}
