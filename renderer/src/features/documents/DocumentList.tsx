import { useCallback, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AttributeDef } from '../../../../shared/domain/schemas';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { typeaheadIndex } from '../../lib/typeahead';
import { EmptyState } from '../../ui/EmptyState';
import { MenuPopup } from '../../ui/MenuPopup';
import { useWindowedList } from '../../ui/useWindowedList';
import { WindowSpacer } from '../../ui/WindowSpacer';
import { DeleteDocumentDialog, RenameDocumentDialog } from './DocumentDialogs';
import { DocumentSetsDialog } from '../sets/DocumentSetsDialog';
import { DocumentOption } from './DocumentOption';
import { attributeSummaryParts } from './attributes';
import { nextListIndex } from './listboxKeys';
import styles from './documents.module.css';

/** An option's height before it is measured: a name and a line of attributes. */
const OPTION_ESTIMATE = 64;

export interface DocumentListProps {
  documents: DocumentSummary[];
  attributes: AttributeDef[];
  /** The document shown in the reader. */
  openId: string | null;
  onOpen: (documentId: string) => void;
}

/**
 * The project's documents as a single-select listbox. Focus stays on the list
 * (aria-activedescendant); arrow keys, Home/End, Page keys and type-ahead move the selection,
 * Enter or a click opens it. A long list is windowed: only the options near the viewport are in
 * the DOM, each saying where it stands (aria-posinset of aria-setsize), and the selected one is
 * always rendered so that it can be the active descendant. F2 renames the selected document,
 * Delete deletes it (after asking); a right-click offers both, and the document's sets.
 */
export function DocumentList({ documents, attributes, openId, onOpen }: DocumentListProps) {
  const baseId = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ documentId: string; x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'rename' | 'delete' | 'sets'; documentId: string } | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  const selectedId = documents.some((d) => d.id === chosenId) ? chosenId : openId;
  const selectedIndex = documents.findIndex((d) => d.id === selectedId);
  const keyOf = useCallback((i: number) => documents[i]!.id, [documents]);
  const { first, last, padTop, padBottom, setScroller, onScroll, measure, scrollToIndex } = useWindowedList({
    count: documents.length,
    keyOf,
    estimate: OPTION_ESTIMATE,
    pinned: [selectedIndex],
  });

  if (documents.length === 0) {
    return <EmptyState title="No documents yet">Import transcripts to start coding.</EmptyState>;
  }

  const optionId = (docId: string) => `${baseId}-doc-${docId}`;

  function select(index: number) {
    const doc = documents[index];
    if (!doc) return;
    setChosenId(doc.id);
    scrollToIndex(index);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const selectedDoc = documents[selectedIndex];
    if (selectedDoc && (event.key === 'F2' || event.key === 'Delete')) {
      event.preventDefault();
      setDialog({ kind: event.key === 'F2' ? 'rename' : 'delete', documentId: selectedDoc.id });
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const doc = documents[selectedIndex];
      if (doc) {
        event.preventDefault();
        onOpen(doc.id);
      }
      return;
    }
    const next =
      nextListIndex(event.key, selectedIndex, documents.length) ??
      (event.key.length === 1 && !event.altKey && !event.ctrlKey && !event.metaKey ? typeaheadIndex(documents.length, (i) => documents[i]!.name, selectedIndex, event.key) : -1);
    if (next === null || next < 0) return;
    event.preventDefault();
    select(next);
  }

  const options = [];
  for (let i = first; i <= last; i++) {
    const doc = documents[i]!;
    options.push(
      <DocumentOption
        key={doc.id}
        ref={measure}
        index={i}
        setSize={documents.length}
        id={optionId(doc.id)}
        name={doc.name}
        summary={attributeSummaryParts(doc, attributes)}
        selected={doc.id === selectedId}
        open={doc.id === openId}
        onClick={() => {
          setChosenId(doc.id);
          onOpen(doc.id);
        }}
        onContextMenu={(at) => {
          setChosenId(doc.id);
          setMenu({ documentId: doc.id, ...at });
        }}
      />,
    );
  }

  const menuDoc = menu ? documents.find((d) => d.id === menu.documentId) : undefined;
  const dialogDoc = dialog ? documents.find((d) => d.id === dialog.documentId) : undefined;
  const closeDialog = () => {
    setDialog(null);
    listRef.current?.focus();
  };
  const setList = (el: HTMLUListElement | null) => {
    listRef.current = el;
    setScroller(el);
  };

  return (
    <>
    <ul
      ref={setList}
      role="listbox"
      aria-label="Documents"
      tabIndex={0}
      data-pane-start=""
      className={styles.docList}
      aria-activedescendant={selectedIndex >= 0 ? optionId(documents[selectedIndex]!.id) : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      <WindowSpacer height={padTop} />
      {options}
      <WindowSpacer height={padBottom} />
    </ul>
    {menu && menuDoc ? (
      <MenuPopup
        label={`Actions for ${menuDoc.name}`}
        x={menu.x}
        y={menu.y}
        items={[
          { id: 'rename', label: 'Rename…', shortcut: 'F2', keys: 'F2', onSelect: () => setDialog({ kind: 'rename', documentId: menuDoc.id }) },
          { id: 'sets', label: 'Add to set…', onSelect: () => setDialog({ kind: 'sets', documentId: menuDoc.id }) },
          { id: 'delete', label: 'Delete…', shortcut: 'Del', keys: 'Delete', danger: true, onSelect: () => setDialog({ kind: 'delete', documentId: menuDoc.id }) },
        ]}
        onClose={(chosen) => {
          setMenu(null);
          if (!chosen) listRef.current?.focus();
        }}
      />
    ) : null}
    {dialog && dialogDoc ? (
      dialog.kind === 'rename' ? (
        <RenameDocumentDialog document={dialogDoc} onDone={closeDialog} />
      ) : dialog.kind === 'sets' ? (
        <DocumentSetsDialog document={dialogDoc} onDone={closeDialog} />
      ) : (
        <DeleteDocumentDialog document={dialogDoc} onDone={closeDialog} />
      )
    ) : null}
    </>
  );
}
