import type { ReactNode } from 'react';
import { cx } from '../lib/cx';
import { PaneHeader } from './PaneHeader';
import styles from './ui.module.css';

export interface PaneProps {
  title: string;
  /** Shown muted beside the title; omitted when undefined. */
  count?: number | undefined;
  /** Accessible wording for the count, e.g. "17 documents". */
  countLabel?: string;
  children: ReactNode;
  className?: string;
}

/** A side pane: a header with title and count, and a body that scrolls on its own. */
export function Pane({ title, count, countLabel, children, className }: PaneProps) {
  return (
    <div className={cx(styles.pane, className)} data-pane={title}>
      <PaneHeader title={title} count={count} {...(countLabel === undefined ? {} : { countLabel })} />
      <div className={styles.paneBody}>{children}</div>
    </div>
  );
}
