import { useChanges, useProject } from '../workbench/state/contexts';
import styles from './ReaderHeader.module.css';

/**
 * "I have read this through": marks the open document done for the current coder. Agreement
 * compares the documents every chosen coder marked done, coded or not.
 */
export function DoneToggle({ documentId }: { documentId: string }) {
  const { project } = useProject();
  const { change } = useChanges();
  const done = project.currentCoderId !== null && (project.done[project.currentCoderId] ?? []).includes(documentId);
  return (
    <label className={styles.readerFacts}>
      <input type="checkbox" checked={done} disabled={project.readOnly !== null} onChange={(e) => void change('document.setDone', { documentId, done: e.target.checked })} /> Done: I have
      read this document through
    </label>
  );
}
