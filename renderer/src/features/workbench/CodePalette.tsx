import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ComponentProps, KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { filterPalette, newCodeOffer, paletteEntries } from './palette';
import type { NewCodeOffer, PaletteEntry } from './palette';
import styles from './workbench.module.css';
import { useProject, useDocument, useDocumentActions } from './state/contexts';

/** A line of the palette: a code, or (with a selection) the offer to create one. */
type Choice = { kind: 'code'; entry: PaletteEntry } | { kind: 'create'; offer: NewCodeOffer };

/**
 * Ctrl/Cmd+K: a filter box over every codable code. Type to filter by name or path, arrows to
 * move, Enter to code the selection at the highlighted code, Escape to close. With a selection,
 * a name no code has is offered as "Create code "NAME" and code the selection" (first when no code matches).
 */
export function CodePalette({ onClose }: { onClose: () => void }) {
  const { project, quickCodes } = useProject();
  const { selection } = useDocument();
  const { codeSelection, codeSelectionAtNewCode, setActiveCodeId } = useDocumentActions();
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const entries = useMemo(() => paletteEntries(project.codebook), [project.codebook]);
  const matches = useMemo(() => filterPalette(entries, query), [entries, query]);
  const offer = useMemo(() => (selection ? newCodeOffer(project.codebook, query) : null), [selection, project.codebook, query]);
  const choices = useMemo<Choice[]>(
    () => {
      const codes = matches.map((entry) => ({ kind: 'code' as const, entry }));
      // First when nothing matches what was typed; after the codes that do, so Enter still picks the best match.
      if (!offer) return codes;
      return codes.length === 0 ? [{ kind: 'create' as const, offer }] : [...codes, { kind: 'create' as const, offer }];
    },
    [offer, matches],
  );
  const current = Math.min(active, Math.max(0, choices.length - 1));
  const excerpt = useSelectionExcerpt();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector('input')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function choose(index: number) {
    const choice = choices[index];
    if (!choice) return;
    onClose();
    if (choice.kind === 'create') void codeSelectionAtNewCode(choice.offer.typed);
    else if (selection) void codeSelection(choice.entry.code.id);
    else setActiveCodeId(choice.entry.code.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive(choices.length ? (current + 1) % choices.length : 0);
        return;
      case 'ArrowUp':
        event.preventDefault();
        setActive(choices.length ? (current - 1 + choices.length) % choices.length : 0);
        return;
      case 'PageDown':
        event.preventDefault();
        setActive(Math.min(choices.length - 1, current + 8));
        return;
      case 'PageUp':
        event.preventDefault();
        setActive(Math.max(0, current - 8));
        return;
      case 'Enter':
        event.preventDefault();
        choose(current);
        return;
    }
  }

  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;
  const title = selection ? 'Code the selection' : 'Find a code';

  return createPortal(
    <dialog
      ref={ref}
      className={styles.palette}
      aria-labelledby={`${baseId}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className={styles.paletteHead}>
        <h2 className={styles.paletteTitle} id={`${baseId}-title`}>
          {title}
        </h2>
        <p className={styles.palettePassage}>
          {excerpt ? <>“{excerpt}”</> : 'Select a passage in the reader to code it; here you can find a code in the codebook.'}
        </p>
      </div>
      <input
        className={styles.paletteInput}
        type="text"
        role="combobox"
        aria-label="Filter codes"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={choices.length ? optionId(current) : undefined}
        placeholder="Type a code’s name…"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label="Codes" className={styles.paletteList}>
        {choices.map((choice, i) => {
          const common = {
            id: optionId(i),
            role: 'option',
            'aria-selected': i === current,
            'data-index': i,
            className: styles.paletteOption,
            onMouseMove: () => {
              if (i !== current) setActive(i);
            },
            onClick: () => choose(i),
          };
          if (choice.kind === 'create') return <CreateOption key="create" offer={choice.offer} {...common} />;
          const { entry } = choice;
          const key = quickCodes.indexOf(entry.code.id);
          return (
            <li key={entry.code.id} {...common}>
              <span className={styles.paletteSwatch} style={{ backgroundColor: entry.code.color }} aria-hidden="true" />
              <span className={styles.paletteName}>{entry.code.name}</span>
              {entry.path.length ? <span className={styles.palettePath}>{entry.path.join(' › ')}</span> : null}
              {key >= 0 ? (
                <kbd className={styles.paletteKey} title={`Quick code: key ${key + 1}`}>
                  {key + 1}
                </kbd>
              ) : null}
            </li>
          );
        })}
        {choices.length === 0 ? <li className={styles.paletteNone}>No code matches “{query.trim()}”.</li> : null}
      </ul>
      <p className={styles.paletteFoot} aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> {selection ? 'to code' : 'to select'} · <kbd>Esc</kbd> to close
      </p>
    </dialog>,
    document.body,
  );
}

/** "Create code "Burnout" under A healthy workforce and code the selection". */
function CreateOption({ offer, ...props }: { offer: NewCodeOffer } & ComponentProps<'li'>) {
  return (
    <li {...props}>
      <span className={styles.paletteCreateMark} aria-hidden="true">
        +
      </span>
      <span className={styles.paletteCreate}>
        Create code “{offer.name}”{offer.parents.length ? ` under ${offer.parents.join(' › ')}` : ''} and code the selection
      </span>
    </li>
  );
}

/** The first words of the selected passage, from the open reader's text on the page. */
function useSelectionExcerpt(): string | null {
  const { selection } = useDocument();
  const [excerpt] = useState(() => {
    if (!selection) return null;
    const fromChip = document.querySelector<HTMLElement>('[data-selection-excerpt]')?.dataset.selectionExcerpt;
    if (fromChip) return fromChip;
    const text = window.getSelection()?.toString().trim() ?? '';
    return text.length > 90 ? `${text.slice(0, 90)}…` : text || null;
  });
  return excerpt;
}
