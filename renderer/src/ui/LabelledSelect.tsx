import { useId } from 'react';
import viewPage from './viewPage.module.css';
import uiStyles from './ui.module.css';

/** One choice; choices with a group are shown under its heading (an optgroup). */
export interface LabelledOption {
  value: string;
  label: string;
  group?: string;
}

export interface LabelledSelectProps {
  label: string;
  value: string;
  options: readonly LabelledOption[];
  onChange: (value: string) => void;
  className?: string;
}

/**
 * A select with its label beside it, as a view's toolbar shows its choices ("Coder: All coders").
 * Forms, whose label stands above the control, use SelectField.
 */
export function LabelledSelect({ label, value, options, onChange, className }: LabelledSelectProps) {
  const id = useId();
  // Consecutive choices of one group go under one heading.
  const runs: { group: string | undefined; options: LabelledOption[] }[] = [];
  for (const option of options) {
    const run = runs.at(-1);
    if (run && run.group === option.group) run.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  const list = (items: LabelledOption[]) =>
    items.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <span className={[viewPage.select, className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={value} onChange={(event) => onChange(event.target.value)}>
        {runs.map((run, i) =>
          run.group === undefined ? (
            list(run.options)
          ) : (
            <optgroup key={`${i}-${run.group}`} label={run.group}>
              {list(run.options)}
            </optgroup>
          ),
        )}
      </select>
    </span>
  );
}
