import { useEffect, useId, useRef, useState } from 'react';
import styles from './ChecklistPicker.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';

export interface ChecklistItem {
  id: string;
  label: string;
  /** Indent level, for a tree (codes). */
  depth?: number;
  color?: string;
  folder?: boolean;
  /** Included because a parent is checked: shown checked, not separately choosable. */
  implied?: boolean;
}

export interface ChecklistPickerProps {
  /** "Codes", "Documents". */
  label: string;
  /** What is chosen now, in words: "All codes", "Tackling stigma". */
  summary: string;
  /** The button that clears the choice: "All codes". */
  allLabel: string;
  items: ChecklistItem[];
  checked: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onClear: () => void;
  /** A remark under the list ("A code includes its sub-codes."). */
  hint?: string;
  /** The caller finds the items for what is typed in the find box (the backend, among 20,000 documents): they are shown as given. */
  onQuery?: (query: string) => void;
}

/**
 * A compact chooser: a button saying what is chosen, opening a checklist below it. Nothing
 * checked means all. Escape or a click outside closes it; focus goes back to the button.
 */
export function ChecklistPicker({ label, summary, allLabel, items, checked, onToggle, onClear, hint, onQuery }: ChecklistPickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const labelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes it wherever focus is (a button that turned disabled leaves focus on the page).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      const active = document.activeElement;
      if (!active || active === document.body || rootRef.current?.contains(active)) buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const needle = query.trim().toLocaleLowerCase();
  const shown = needle && !onQuery ? items.filter((i) => i.label.toLocaleLowerCase().includes(needle)) : items;

  return (
    <div ref={rootRef} className={styles.agrPicker}>
      <span className={agreementStyles.agrPickerLabel} id={labelId}>
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect} ${styles.agrPickerButton}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`${label}: ${summary}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={styles.agrPickerSummary}>{summary}</span>
      </button>
      {open ? (
        <div className={styles.agrPickerPanel} id={panelId} role="group" aria-labelledby={labelId}>
          <div className={styles.agrPickerTools}>
            {items.length > 12 || onQuery ? (
              <input
                type="search"
                className={`${uiStyles.fieldInput} ${styles.agrPickerSearch}`}
                placeholder={`Find ${label.toLocaleLowerCase()}…`}
                aria-label={`Find ${label.toLocaleLowerCase()}`}
                value={query}
                onChange={(event) => {
                  setQuery(event.target.value);
                  onQuery?.(event.target.value);
                }}
              />
            ) : null}
            <button type="button" className={agreementStyles.agrLink} onClick={onClear} disabled={checked.size === 0}>
              {allLabel}
            </button>
          </div>
          <ul className={agreementStyles.agrPickerList}>
            {shown.map((item) => (
              <li key={item.id} style={{ paddingLeft: `${(item.depth ?? 0) * 16}px` }}>
                <label className={[agreementStyles.agrCheck, item.implied ? styles.agrCheckImplied : ''].filter(Boolean).join(' ')}>
                  <input
                    type="checkbox"
                    checked={checked.has(item.id) || Boolean(item.implied)}
                    disabled={item.implied}
                    onChange={(event) => onToggle(item.id, event.target.checked)}
                  />
                  {item.color ? (
                    <span
                      className={item.folder ? `${styles.agrCheckSwatch} ${styles.agrCheckSwatchFolder}` : styles.agrCheckSwatch}
                      style={item.folder ? { borderColor: item.color } : { backgroundColor: item.color }}
                      aria-hidden="true"
                    />
                  ) : null}
                  <span>{item.label}</span>
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className={styles.agrPickerNone}>Nothing matches “{query}”.</li> : null}
          </ul>
          {hint ? <p className={styles.agrPickerHint}>{hint}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
