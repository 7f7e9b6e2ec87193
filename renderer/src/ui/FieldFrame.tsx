import { useId } from 'react';
import type { ReactNode } from 'react';

/** What the control inside a FieldFrame spreads onto itself: its id, and the hint that describes it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
}

export interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The label above a form control and the optional hint beneath it (the control's own styles in ui.css). */
export function FieldFrame({ label, hint, className, children }: FieldFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}) })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
