import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { isApplePlatform } from './shortcuts';
import styles from './workbench.module.css';

/** Every key the workbench answers to, grouped as a coder meets them. */
function groups(command: string): { title: string; keys: [string, string][] }[] {
  return [
    {
      title: 'Selecting in the text',
      keys: [
        ['F7, or Enter in the text', 'Put a caret on a word in the reader'],
        ['← →', 'Move to the previous or next word'],
        ['Shift+← →', 'Extend the selection by a character'],
        [`Shift+${command}+← →`, 'Extend the selection by a word'],
        ['Shift+↑ ↓', 'Extend the selection by a line'],
        ['Alt while selecting with the mouse', 'Keep the exact characters (not whole words)'],
        ['Escape', 'Drop the selection'],
      ],
    },
    {
      title: 'Coding',
      keys: [
        ['1 – 9', 'Code the selection at a pinned quick code'],
        [`${command}+K`, 'Choose a code for the selection'],
      ],
    },
    {
      title: 'Documents list',
      keys: [
        ['Shift+↑ ↓, Shift+click', 'Select a run of documents'],
        [`${command}+click`, 'Add a document to the selection, or take it out'],
        [`${command}+A`, 'Select every document in the list'],
        ['Shift+F10', 'Actions for the selected documents (sets, rename, delete)'],
      ],
    },
    {
      title: 'Changes',
      keys: [
        [`${command}+Z`, 'Undo your last change'],
        [`Shift+${command}+Z`, 'Redo'],
      ],
    },
    {
      title: 'Moving around',
      keys: [
        ['F6', 'Go to the next pane (top bar, documents, centre view, codebook)'],
        ['Shift+F6', 'Go to the previous pane'],
      ],
    },
    { title: 'Help', keys: [['?', 'This sheet']] },
  ];
}

/** The sheet of keyboard shortcuts (the ? key, or the button in the status bar). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const command = isApplePlatform(navigator.platform) ? 'Cmd' : 'Ctrl';
  return (
    <DialogModal title="Keyboard shortcuts" wide onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      {groups(command).map((group) => (
        <section key={group.title} className={styles.shortcutGroup}>
          <h3 className={styles.shortcutTitle}>{group.title}</h3>
          <dl className={styles.shortcutList}>
            {group.keys.map(([keys, what]) => (
              <div key={keys} className={styles.shortcutRow}>
                <dt>
                  <kbd className={styles.shortcutKeys}>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </DialogModal>
  );
}
