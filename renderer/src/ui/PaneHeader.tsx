import type { ReactNode } from 'react';
import './ui.css';

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
    <div className="pane__header">
      <h2 className="pane__title">{title}</h2>
      {count === undefined ? null : (
        <span className="pane__count">
          <span aria-hidden="true">{count}</span>
          <span className="sr-only">{countLabel ?? String(count)}</span>
        </span>
      )}
      {children}
    </div>
  );
}
