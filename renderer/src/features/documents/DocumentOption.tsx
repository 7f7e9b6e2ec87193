import type { Ref } from 'react';
import styles from './DocumentOption.module.css';

export interface DocumentOptionProps {
  ref?: Ref<HTMLLIElement>;
  /** Where the option stands in the whole list (the list may be windowed). */
  index: number;
  setSize: number;
  id: string;
  name: string;
  /** Attribute values, shown as "Hackney · Young people · 14 Mar 2017"; null when the project has no attributes (no line for them). */
  summary: string | null;
  /** In the selection (one row, or several picked with Shift and Ctrl). */
  selected: boolean;
  /** The row the keyboard is on. */
  active: boolean;
  open: boolean;
  /** A click; `extend` with Shift held, `toggle` with Ctrl (Cmd on a Mac). */
  onClick: (how: { extend: boolean; toggle: boolean }) => void;
  /** A right-click: the document's actions (rename, delete) at the pointer. */
  onContextMenu: (at: { x: number; y: number }) => void;
}

/** What every option of the list says of where it stands (the list may be windowed and its rows still coming). */
function optionPlace({ id, index, setSize, selected }: Pick<DocumentOptionProps, 'id' | 'index' | 'setSize' | 'selected'>) {
  return { id, role: 'option', 'data-index': index, 'aria-setsize': setSize, 'aria-posinset': index + 1, 'aria-selected': selected } as const;
}

/**
 * One document in the list, named by what it shows: its name, then its attributes (WCAG 2.5.3,
 * Label in Name: a voice-control user says what they see, and a screen reader reads the same).
 * Each is one line (cut short with an ellipsis, the whole in its tooltip and the accessible
 * name), so every option has one height and a row whose page comes later (PendingOption) has it
 * too: rows never move under the pointer as names arrive.
 */
export function DocumentOption({ ref, index, setSize, id, name, summary, selected, active, open, onClick, onContextMenu }: DocumentOptionProps) {
  const classes = [styles.docOption, selected ? styles.docOptionSelected : '', active ? styles.docOptionActive : '', open ? styles.docOptionOpen : ''];
  return (
    <li
      ref={ref}
      {...optionPlace({ id, index, setSize, selected })}
      aria-current={open ? 'true' : undefined}
      className={classes.filter(Boolean).join(' ')}
      title={name}
      onClick={(event) => onClick({ extend: event.shiftKey, toggle: event.ctrlKey || event.metaKey })}
      onContextMenu={(event) => {
        event.preventDefault();
        onContextMenu({ x: event.clientX, y: event.clientY });
      }}
    >
      {/* Drawn by its style (a mask), not an SVG of its own: three fewer elements in every row. */}
      <span className={styles.docOptionIcon} aria-hidden="true" />
      <span className={styles.docOptionText}>
        <span className={styles.docOptionName}>{name}</span>
        {summary !== null ? <span className={styles.docOptionSummary} title={summary || undefined}>
            {summary || '\u00a0'}
          </span> : null}
      </span>
    </li>
  );
}

/**
 * A row whose page is on its way: an option in its place (the list's count and positions stay
 * whole), marked busy, drawn as a skeleton of the same lines as a loaded option, so it has its
 * height.
 */
export function PendingOption({ ref, index, setSize, id, selected, active, summary }: Pick<DocumentOptionProps, 'ref' | 'index' | 'setSize' | 'id' | 'selected' | 'active'> & { summary: boolean }) {
  return (
    <li
      ref={ref}
      {...optionPlace({ id, index, setSize, selected })}
      aria-busy="true"
      aria-label="Loading…"
      className={[styles.docOption, styles.docOptionPending, selected ? styles.docOptionSelected : '', active ? styles.docOptionActive : ''].filter(Boolean).join(' ')}
    >
      <span className={styles.docOptionIconSkeleton} aria-hidden="true" />
      <span className={styles.docOptionText} aria-hidden="true">
        <span className={`${styles.docOptionName} ${styles.docOptionSkeleton}`}>{'\u00a0'}</span>
        {summary ? <span className={`${styles.docOptionSummary} ${styles.docOptionSkeleton}`}>{'\u00a0'}</span> : null}
      </span>
    </li>
  );
}
