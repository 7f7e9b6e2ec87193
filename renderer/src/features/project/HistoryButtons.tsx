import { isApplePlatform } from '../workbench/shortcuts';
import styles from './HistoryButtons.module.css';
import { useProject, useChanges } from '../workbench/state/contexts';

/** Undo and Redo, titled with what they would do. */
export function HistoryButtons() {
  const { history } = useProject();
  const { redo, undo } = useChanges();
  const mod = isApplePlatform(navigator.platform) ? '⌘' : 'Ctrl+';
  const undoTitle = history.undoLabel ? `Undo: ${history.undoLabel} (${mod}Z)` : 'Nothing to undo';
  const redoTitle = history.redoLabel ? `Redo: ${history.redoLabel} (${mod}Shift+Z)` : 'Nothing to redo';
  return (
    <div className={styles.topbarHistory} role="group" aria-label="History">
      <button type="button" className={styles.toolButton} aria-label="Undo" title={undoTitle} disabled={!history.canUndo} onClick={() => void undo()}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M5.5 3.5L2.5 6.5l3 3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M3 6.5h6.5a3.5 3.5 0 0 1 0 7H7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
      <button type="button" className={styles.toolButton} aria-label="Redo" title={redoTitle} disabled={!history.canRedo} onClick={() => void redo()}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M10.5 3.5l3 3-3 3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M13 6.5H6.5a3.5 3.5 0 0 0 0 7H9" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
