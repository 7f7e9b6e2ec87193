import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { nextListIndex } from './listboxKeys';
import { useDocumentMatches } from './useDocumentMatches';
import styles from './DocumentPicker.module.css';
import uiStyles from '../../ui/ui.module.css';

export interface DocumentPickerProps {
  label: string;
  /** The document chosen, or null. */
  value: Pick<DocumentSummary, 'id' | 'name'> | null;
  onChange: (document: DocumentSummary) => void;
}

/**
 * One document, found by typing part of its name: a combobox whose list the backend fills with
 * the first matches (useDocumentMatches), so a survey of 20,000 answers is never fetched whole
 * to fill a picker. Arrow keys move through the matches, Enter or a click chooses one,
 * Escape closes the list.
 */
export function DocumentPicker({ label, value, onChange }: DocumentPickerProps) {
  const baseId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The chosen document's name in the box asks for every document (the box shows what is chosen, not a search).
  const matches = useDocumentMatches(text === value?.name ? '' : text, open);

  const rows = matches?.rows ?? [];
  const optionId = (index: number) => `${baseId}-opt-${index}`;
  // The active option stays in sight as the arrow keys move past the list's edge.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${baseId}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, baseId]);
  const listId = `${baseId}-list`;

  function choose(doc: DocumentSummary) {
    setText(doc.name);
    setOpen(false);
    setActive(-1);
    onChange(doc);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(value?.name ?? '');
      return;
    }
    if (event.key === 'Enter' && open && rows.length > 0) {
      event.preventDefault();
      choose(rows[Math.max(active, 0)]!);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'PageDown' && event.key !== 'PageUp') return;
    event.preventDefault();
    setOpen(true);
    const next = nextListIndex(event.key, active, rows.length);
    if (next !== null) setActive(next);
  }

  return (
    <span className={styles.picker}>
      <label htmlFor={`${baseId}-input`}>{label}</label>
      <input
        id={`${baseId}-input`}
        type="text"
        role="combobox"
        className={uiStyles.fieldInput}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && active < rows.length ? optionId(active) : undefined}
        autoComplete="off"
        placeholder="Type part of a name"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setText(value?.name ?? '');
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label={`${label}: matches`} className={styles.pickerList}>
          {rows.map((doc, i) => (
            <li
              key={doc.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={styles.pickerOption}
              // Keeps focus in the box, so its blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(doc)}
            >
              {doc.name}
            </li>
          ))}
          {matches && rows.length === 0 ? (
            <li role="presentation" className={styles.pickerNote}>
              No document’s name holds “{matches.query}”.
            </li>
          ) : null}
          {matches && matches.total > rows.length ? (
            <li role="presentation" className={styles.pickerNote}>
              {plural(matches.total - rows.length, 'more document')}: type more of the name.
            </li>
          ) : null}
        </ul>
      ) : null}
    </span>
  );
}
