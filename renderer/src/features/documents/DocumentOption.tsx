import { Fragment } from 'react';
import type { Ref } from 'react';
import styles from './documents.module.css';

export interface DocumentOptionProps {
  ref?: Ref<HTMLLIElement>;
  /** Where the option stands in the whole list (the list may be windowed). */
  index: number;
  setSize: number;
  id: string;
  name: string;
  /** Attribute values, shown as "Hackney · Young people · 14 Mar 2017". */
  summary: string[];
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
      <span className={styles.docOptionIcon} aria-hidden="true">
        <svg viewBox="0 0 16 16" width="14" height="14">
          <path
            d="M4 1.75h5.5L12.25 4.5v9.25a.5.5 0 0 1-.5.5h-7.5a.5.5 0 0 1-.5-.5V2.25a.5.5 0 0 1 .5-.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.2"
          />
          <path d="M6 7.5h4M6 10h4" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" />
        </svg>
      </span>
      <span className={styles.docOptionText}>
        <span className={styles.docOptionName}>{name}</span>
        {summary.length > 0 ? (
          <span className={styles.docOptionSummary}>
            {summary.map((part, i) => (
              // Each value stays on one line, its separator with it; lines break between values.
              <Fragment key={i}>
                {i > 0 ? ' ' : null}
                <span className={styles.docOptionPart}>{i < summary.length - 1 ? `${part} ·` : part}</span>
              </Fragment>
            ))}
          </span>
        ) : null}
      </span>
    </li>
  );
}

/** A row whose page is on its way: an option in its place (the list's count and positions stay whole), marked busy. */
export function PendingOption({ ref, index, setSize, id, selected, active }: Pick<DocumentOptionProps, 'ref' | 'index' | 'setSize' | 'id' | 'selected' | 'active'>) {
  return (
    <li
      ref={ref}
      {...optionPlace({ id, index, setSize, selected })}
      aria-busy="true"
      className={[styles.docOption, styles.docOptionPending, selected ? styles.docOptionSelected : '', active ? styles.docOptionActive : ''].filter(Boolean).join(' ')}
    >
      <span className={styles.docOptionText}>
        <span className={styles.docOptionName}>Loading…</span>
      </span>
    </li>
  );
}
