import { useId } from 'react';
import type { ReactNode } from 'react';
import './ui.css';

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
  const headingId = useId();
  return (
    <div className={['pane', className ?? ''].filter(Boolean).join(' ')} data-pane={title}>
      <div className="pane__header">
        <h2 className="pane__title" id={headingId}>
          {title}
        </h2>
        {count === undefined ? null : (
          <span className="pane__count">
            <span aria-hidden="true">{count}</span>
            <span className="sr-only">{countLabel ?? String(count)}</span>
          </span>
        )}
      </div>
      <div className="pane__body">{children}</div>
    </div>
  );
}
