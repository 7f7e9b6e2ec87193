import { useId } from 'react';
import styles from './ProgressBar.module.css';
import importStyles from './import.module.css';

export interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** What the bar means right now ("1 of 3 files: ID1.docx"), shown beside the label and read out. */
  text: string;
  /** Work is going on between steps: the bar moves even while `value` stays put. */
  busy?: boolean;
}

/** A labelled determinate progress bar (role="progressbar"), with its state in words. */
export function ProgressBar({ label, value, max, text, busy }: ProgressBarProps) {
  const labelId = useId();
  const fraction = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div className={styles.importProgress}>
      <div className={styles.importProgressLine}>
        <span id={labelId} className={styles.importProgressLabel}>
          {label}
        </span>
        <span className={styles.importProgressText} aria-live="polite">
          {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        className={[styles.importProgressTrack, busy ? importStyles.importProgressTrackBusy : ''].filter(Boolean).join(' ')}
      >
        <div className={styles.importProgressFill} style={{ width: `${Math.round(fraction * 1000) / 10}%` }} />
      </div>
    </div>
  );
}
