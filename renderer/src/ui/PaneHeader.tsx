import type { ReactNode } from 'react';
import styles from './ui.module.css';

export interface PaneHeaderProps {
  title: string;
  count?: number | undefined;
  /** Accessible wording for the count, e.g. "17 documents". */
  countLabel?: string;
  children?: ReactNode;
}

/** A side panel's title line, as Pane draws it, for panels that lay out their own body. */
export function PaneHeader({ title, count, countLabel, children }: PaneHeaderProps) {
  return (
    <div className={styles.paneHeader} data-pane-header="">
      <h2 className={styles.paneTitle}>{title}</h2>
      {count === undefined ? null : (
        <span className={styles.paneCount}>
          <span aria-hidden="true">{count}</span>
          <span className={'sr-only'}>{countLabel ?? String(count)}</span>
        </span>
      )}
      {children}
    </div>
  );
}
