import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { useView, useViewActions } from '../workbench/state/contexts';
import { DoneToggle } from './DoneToggle';
import styles from './ReaderHeader.module.css';

export interface ReaderHeaderProps {
  meta: DocumentSummary;
  /** Words in the text, once its outline has arrived. */
  words: number | null;
  /** Codings shown under the current coder view, once loaded. */
  codingCount: number | null;
  /** Controls at the header's end (the stripe filters). */
  tools?: ReactNode;
}

export function ReaderHeader({ meta, words, codingCount, tools }: ReaderHeaderProps) {
  const { snapWords } = useView();
  const { setSnapWords } = useViewActions();
  const facts = [
    words === null ? null : plural(words, 'word'),
    meta.turnCount > 0 ? plural(meta.turnCount, 'turn') : null,
    codingCount === null ? null : `${plural(codingCount, 'coding')} shown`,
  ].filter((f): f is string => f !== null);

  return (
    <header className={styles.readerHeader}>
      <h2 className={styles.readerTitle}>{meta.name}</h2>
      {facts.length > 0 ? <p className={styles.readerFacts}>{facts.join(' · ')}</p> : null}
      <label className={styles.readerOption} title="Selections widen to whole words; hold Alt while selecting to keep the exact characters">
        <input type="checkbox" checked={snapWords} onChange={(event) => setSnapWords(event.target.checked)} />
        Select whole words
      </label>
      <DoneToggle documentId={meta.id} />
      {tools}
    </header>
  );
}
