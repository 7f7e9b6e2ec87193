import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AttributeDef, DocumentMeta } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { DocumentOption } from './DocumentOption';
import { attributeSummaryParts } from './attributes';
import { nextListIndex } from './listboxKeys';
import styles from './documents.module.css';

export interface DocumentListProps {
  documents: DocumentMeta[];
  attributes: AttributeDef[];
  /** The document shown in the reader. */
  openId: string | null;
  onOpen: (documentId: string) => void;
}

/**
 * The project's documents as a single-select listbox. Focus stays on the list
 * (aria-activedescendant); arrow keys move the selection, Enter or a click opens it.
 */
export function DocumentList({ documents, attributes, openId, onOpen }: DocumentListProps) {
  const baseId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);

  if (documents.length === 0) {
    return <EmptyState title="No documents yet">Import transcripts to start coding.</EmptyState>;
  }

  const optionId = (docId: string) => `${baseId}-doc-${docId}`;
  const selectedId = documents.some((d) => d.id === chosenId) ? chosenId : openId;
  const selectedIndex = documents.findIndex((d) => d.id === selectedId);

  function select(index: number) {
    const doc = documents[index];
    if (!doc) return;
    setChosenId(doc.id);
    listRef.current?.querySelector(`[id="${optionId(doc.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key === 'Enter' || event.key === ' ') {
      const doc = documents[selectedIndex];
      if (doc) {
        event.preventDefault();
        onOpen(doc.id);
      }
      return;
    }
    const next = nextListIndex(event.key, selectedIndex, documents.length);
    if (next === null) return;
    event.preventDefault();
    select(next);
  }

  return (
    <ul
      ref={listRef}
      role="listbox"
      aria-label="Documents"
      tabIndex={0}
      className={styles.docList}
      aria-activedescendant={selectedIndex >= 0 ? optionId(documents[selectedIndex]!.id) : undefined}
      onKeyDown={onKeyDown}
    >
      {documents.map((doc) => (
        <DocumentOption
          key={doc.id}
          id={optionId(doc.id)}
          name={doc.name}
          summary={attributeSummaryParts(doc, attributes)}
          selected={doc.id === selectedId}
          open={doc.id === openId}
          onClick={() => {
            setChosenId(doc.id);
            onOpen(doc.id);
          }}
        />
      ))}
    </ul>
  );
}
