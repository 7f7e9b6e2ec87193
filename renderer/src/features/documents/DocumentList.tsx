import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AttributeDef } from '../../../../shared/domain/schemas';
import type { AttributeFilter, DocumentSummary } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { useApi } from '../../api/context';
import { MenuPopup } from '../../ui/MenuPopup';
import { useWindowedList } from '../../ui/useWindowedList';
import { WindowSpacer } from '../../ui/WindowSpacer';
import { useChanges, useProject, useViewActions } from '../workbench/state/contexts';
import { useDirectoryVersion, useDocumentDirectory } from '../workbench/state/useDocuments';
import { DeleteDocumentDialog, RenameDocumentDialog } from './DocumentDialogs';
import { DocumentSetsDialog } from '../sets/DocumentSetsDialog';
import type { SetMembersTarget } from '../sets/DocumentSetsDialog';
import { allRows, extendTo, isSelected, selectedCount, singleRow, toggleRow } from './listSelection';
import { selectedDocumentIds } from './selectedDocuments';
import { useListSelection } from './useListSelection';
import { DocumentOption, PendingOption } from './DocumentOption';
import { attributeSummary } from './attributes';
import { nextListIndex } from './listboxKeys';
import styles from './documents.module.css';

/** An option's height before it is measured: a name and a line of attributes. */
const OPTION_ESTIMATE = 64;

export interface DocumentListProps {
  /** The documents listed: those passing this filter, whose first page has come. */
  filter: AttributeFilter;
  /** How many pass it. */
  total: number;
  attributes: AttributeDef[];
  /** The document shown in the reader. */
  openId: string | null;
  onOpen: (documentId: string) => void;
}

/**
 * The project's documents as a listbox, its rows asked for a page at a time (a survey of 20,000
 * answers sends the rows on screen). Focus stays on the list (aria-activedescendant); arrow keys,
 * Home/End, Page keys and type-ahead (found by the backend, among every document) move the
 * selection, Enter or a click opens it. Several documents are selected as in a file manager
 * (Shift+click or Shift+arrows for a run, Ctrl/Cmd+click for one more, Ctrl+A for all, Escape
 * back to one), held as row ranges (listSelection.ts), so a run may reach rows never sent. Only
 * the options near the viewport are in the DOM, each saying where it stands (aria-posinset of
 * aria-setsize), and the focused one is always rendered so that it can be the active descendant;
 * a row whose page is on its way is an option marked busy. F2 renames the focused document,
 * Delete deletes it (after asking); a right-click or Shift+F10 offers both, and the sets of the
 * document or of all the selected ones.
 */
export function DocumentList({ filter, total, attributes, openId, onOpen }: DocumentListProps) {
  const api = useApi();
  const { showError } = useChanges();
  const { project } = useProject();
  const { say } = useViewActions();
  const directory = useDocumentDirectory();
  const version = useDirectoryVersion(directory);
  const baseId = useId();
  const [openAt, setOpenAt] = useState<{ filter: AttributeFilter; id: string; index: number | null } | null>(null);
  const [menu, setMenu] = useState<{ documentId: string; x: number; y: number } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SetMembersTarget | null>(null);
  const [setsFor, setSetsFor] = useState<SetMembersTarget | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);

  const rowAt = useCallback(
    (index: number): DocumentSummary | undefined => {
      const page = version >= 0 ? directory.page(filter, index) : undefined;
      return page?.rows[index - page.offset];
    },
    [directory, filter, version],
  );
  // Where the open document stands in this list: asked for whenever it, the filter or the documents change.
  const generation = directory.getGeneration();
  useEffect(() => {
    if (!openId) return;
    let live = true;
    api.call('documents.locate', { filter, locator: { id: openId } }).then(
      ({ index }) => live && setOpenAt({ filter, id: openId, index }),
      (err: unknown) => live && showError(err),
    );
    return () => {
      live = false;
    };
  }, [api, filter, openId, generation, showError]);
  const openIndex = openAt && openAt.filter === filter && openAt.id === openId ? (openAt.index ?? -1) : -1;
  const { selection, setSelection } = useListSelection(filter, total, project.documents, openIndex);
  const selectedIndex = selection.focus;
  const several = selectedCount(selection) > 1;

  const keyOf = useCallback((i: number) => rowAt(i)?.id ?? `#${i}`, [rowAt]);
  const { first, last, padTop, padBottom, setScroller, onScroll, measure, scrollToIndex } = useWindowedList({
    count: total,
    keyOf,
    estimate: OPTION_ESTIMATE,
    pinned: [selectedIndex],
  });
  useEffect(() => {
    directory.wantRows(filter, first, last);
    if (selectedIndex >= 0) directory.wantRows(filter, selectedIndex, selectedIndex);
  }, [directory, filter, first, last, selectedIndex, version]);

  const optionId = (index: number) => `${baseId}-doc-${index}`;

  function select(index: number, extend = false) {
    setSelection(extend ? extendTo(selection, index) : singleRow(index));
    scrollToIndex(index);
  }

  /** What a row's action acts on: every selected document when the row is among several selected, else the row's own. */
  async function actOn(doc: DocumentSummary, index: number, open: (target: SetMembersTarget) => void) {
    if (!several || !isSelected(selection, index)) return open({ ids: [doc.id], name: doc.name });
    try {
      const ids = await selectedDocumentIds(api, filter, selection.ranges, total);
      if (ids) open({ ids, name: null });
      else say('The list changed since these documents were selected: select them again.');
    } catch (err) {
      showError(err);
    }
  }

  function typeahead(char: string) {
    api.call('documents.locate', { filter, locator: { prefix: char, after: selectedIndex } }).then(({ index }) => {
      if (index !== null) select(index);
    }, showError);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const selectedDoc = rowAt(selectedIndex);
    if (selectedDoc && event.key === 'F2') {
      event.preventDefault();
      setRenaming(selectedDoc.id);
      return;
    }
    if (selectedDoc && event.key === 'Delete') {
      event.preventDefault();
      void actOn(selectedDoc, selectedIndex, setDeleting);
      return;
    }
    if (selectedDoc && (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      event.preventDefault();
      const box = document.getElementById(optionId(selectedIndex))?.getBoundingClientRect();
      if (box) setMenu({ documentId: selectedDoc.id, x: box.left + 16, y: box.bottom });
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a' && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      setSelection(allRows(total, Math.max(selectedIndex, 0)));
      return;
    }
    if (event.key === 'Escape' && several) {
      event.preventDefault();
      setSelection(singleRow(selectedIndex));
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      if (selectedDoc) {
        event.preventDefault();
        onOpen(selectedDoc.id);
      }
      return;
    }
    const next = nextListIndex(event.key, selectedIndex, total);
    if (next !== null) {
      event.preventDefault();
      select(next, event.shiftKey);
    } else if (event.key.length === 1 && event.key.trim() && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      typeahead(event.key);
    }
  }

  const options = [];
  for (let i = first; i <= last; i++) {
    const doc = rowAt(i);
    const common = { ref: measure, index: i, setSize: total, id: optionId(i), selected: isSelected(selection, i), active: i === selectedIndex };
    if (!doc) {
      options.push(<PendingOption key={`#${i}`} {...common} summary={attributes.length > 0} />);
      continue;
    }
    options.push(
      <DocumentOption
        key={doc.id}
        {...common}
        name={doc.name}
        summary={attributes.length > 0 ? attributeSummary(doc, attributes) : null}
        open={doc.id === openId}
        onClick={(how) => {
          // Shift extends the selection from its anchor, Ctrl/Cmd adds or takes out one row; a plain click opens the document.
          if (how.extend) return setSelection(extendTo(selection, i));
          if (how.toggle) return setSelection(toggleRow(selection, i));
          setSelection(singleRow(i));
          onOpen(doc.id);
        }}
        onContextMenu={(at) => {
          // A right-click inside the selection acts on all of it, as in a file manager.
          if (!isSelected(selection, i)) setSelection(singleRow(i));
          else setSelection({ ...selection, focus: i });
          setMenu({ documentId: doc.id, ...at });
        }}
      />,
    );
  }

  const menuDoc = menu ? directory.summary(menu.documentId) : undefined;
  const menuIndex = selectedIndex;
  const menuCount = several && isSelected(selection, menuIndex) ? selectedCount(selection) : 1;
  const renamingDoc = renaming ? directory.summary(renaming) : undefined;
  const closeDialog = () => {
    setRenaming(null);
    setDeleting(null);
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
        aria-multiselectable="true"
        tabIndex={0}
        data-pane-start=""
        className={styles.docList}
        data-several={several || undefined}
        aria-activedescendant={selectedIndex >= 0 ? optionId(selectedIndex) : undefined}
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
            { id: 'rename', label: 'Rename…', shortcut: 'F2', keys: 'F2', onSelect: () => setRenaming(menuDoc.id) },
            { id: 'sets', label: menuCount > 1 ? `Add ${plural(menuCount, 'document')} to set…` : 'Add to set…', onSelect: () => void actOn(menuDoc, menuIndex, setSetsFor) },
            {
              id: 'delete',
              label: menuCount > 1 ? `Delete ${plural(menuCount, 'document')}…` : 'Delete…',
              shortcut: 'Del',
              keys: 'Delete',
              danger: true,
              onSelect: () => void actOn(menuDoc, menuIndex, setDeleting),
            },
          ]}
          onClose={(picked) => {
            setMenu(null);
            if (!picked) listRef.current?.focus();
          }}
        />
      ) : null}
      {renamingDoc ? <RenameDocumentDialog document={renamingDoc} onDone={closeDialog} /> : null}
      {deleting ? <DeleteDocumentDialog target={deleting} onDone={closeDialog} /> : null}
      {setsFor ? (
        <DocumentSetsDialog
          target={setsFor}
          onDone={() => {
            setSetsFor(null);
            listRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
