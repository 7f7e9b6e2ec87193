import { useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { nextListIndex } from '../documents/listboxKeys';
import { CodeGlyph } from './CodeGlyph';
import { filterCodeOptions } from './codeOptions';
import type { CodeOption } from './codeOptions';
import styles from './CodePicker.module.css';
import codebookStyles from './codebook.module.css';
import uiStyles from '../../ui/ui.module.css';

export interface CodePickerProps {
  /** The label of the filter box ("Find a code"). */
  label: string;
  /** The listbox's accessible name ("Codes"). */
  listLabel?: string;
  options: readonly CodeOption[];
  value: string | null;
  onChange: (codeId: string) => void;
  /** Enter on a chosen code (e.g. submits the dialog). */
  onConfirm?: (codeId: string) => void;
}

/**
 * A filterable list of codes: type to narrow it, arrow keys to choose (focus stays in the box,
 * the list follows with aria-activedescendant), or click a code. Each option is named by its
 * path, so two codes of the same name stay apart.
 */
export function CodePicker({ label, listLabel = 'Codes', options, value, onChange, onConfirm }: CodePickerProps) {
  const baseId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterCodeOptions(options, query), [options, query]);
  const optionId = (id: string) => `${baseId}-opt-${id}`;
  const selectedIndex = shown.findIndex((o) => o.id === value);

  function choose(index: number) {
    const option = shown[index];
    if (!option) return;
    onChange(option.id);
    listRef.current?.querySelector(`[id="${optionId(option.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLUListElement>) {
    if (event.key === 'Enter') {
      if (selectedIndex < 0 && shown.length > 0) {
        event.preventDefault();
        choose(0);
        return;
      }
      if (selectedIndex >= 0 && onConfirm) {
        event.preventDefault();
        onConfirm(shown[selectedIndex]!.id);
      }
      return;
    }
    if ((event.key === 'Home' || event.key === 'End') && event.currentTarget instanceof HTMLInputElement) return;
    const next = nextListIndex(event.key, selectedIndex, shown.length, 8);
    if (next === null) return;
    event.preventDefault();
    choose(next);
  }

  const listId = `${baseId}-list`;
  const active = selectedIndex >= 0 ? optionId(shown[selectedIndex]!.id) : undefined;

  return (
    <div className={styles.codePicker}>
      <label className={uiStyles.fieldLabel} htmlFor={`${baseId}-filter`}>
        {label}
      </label>
      <input
        id={`${baseId}-filter`}
        type="text"
        className={uiStyles.fieldInput}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={active}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder="Type to filter"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={listLabel}
        tabIndex={-1}
        className={styles.codePickerList}
        onKeyDown={onKeyDown}
      >
        {shown.length === 0 ? (
          <li role="presentation" className={styles.codePickerEmpty}>
            No code matches “{query}”.
          </li>
        ) : null}
        {shown.map((o) => (
          <li
            key={o.id}
            id={optionId(o.id)}
            role="option"
            aria-selected={o.id === value}
            className={codebookStyles.codePickerOption}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChange(o.id)}
            onDoubleClick={() => {
              onChange(o.id);
              onConfirm?.(o.id);
            }}
          >
            <CodeGlyph color={o.color} folder={!o.codable} />
            <span className={styles.codePickerName}>{o.name}</span>
            {o.parents.length > 0 ? <span className={styles.codePickerPath}>{o.parents.join(' › ')}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
