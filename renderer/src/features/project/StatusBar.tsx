import { plural } from '../../../../shared/text/plural';
import styles from './StatusBar.module.css';
import { useProject, useDocument, useStatus, useViewActions } from '../workbench/state/contexts';

/** The bottom line: what the last action did (announced politely), and what is selected. */
export function StatusBar() {
  const { project } = useProject();
  const { coderView, selection } = useDocument();
  const status = useStatus();
  const { setShortcutsOpen } = useViewActions();
  const viewing =
    coderView.mode === 'me'
      ? 'Showing your codings'
      : coderView.mode === 'all'
        ? 'Showing all coders’ codings'
        : `Showing ${project.coders.find((c) => c.id === coderView.coderId)?.name ?? 'a coder'}’s codings`;
  return (
    <footer className={styles.statusbar}>
      <p className={styles.statusbarMessage} role="status" aria-live="polite">
        {/* A new node per message: live regions announce what is added, so a repeated message is read again. */}
        {status ? <span key={status.serial}>{status.text}</span> : null}
      </p>
      <p className={styles.statusbarFacts}>
        {selection ? <span>{plural(selection.end - selection.start, 'character')} selected · 1–9 or Ctrl+K to code</span> : null}
        <span>{viewing}</span>
        <button type="button" className={styles.statusbarKeys} onClick={() => setShortcutsOpen(true)}>
          Keyboard shortcuts (?)
        </button>
      </p>
    </footer>
  );
}
