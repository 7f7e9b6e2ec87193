import { useId, useState } from 'react';
import { Button } from '../../ui/Button';
import styles from './memos.module.css';
import uiStyles from '../../ui/ui.module.css';
import overlayStyles from '../../ui/overlay.module.css';

export interface MemoEditorProps {
  /** The text box's label ("New journal entry", "Edit memo"). */
  label: string;
  initialText?: string;
  saveLabel?: string;
  /** Resolves true when saved (the editor then closes or clears). */
  onSave: (text: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A memo's text box with Save and Cancel; Ctrl+Enter saves, Escape cancels. */
export function MemoEditor({ label, initialText = '', saveLabel = 'Save memo', onSave, onCancel, autoFocus }: MemoEditorProps) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [busy, setBusy] = useState(false);
  const empty = text.trim() === '';

  async function save() {
    if (empty || busy) return;
    setBusy(true);
    try {
      if (await onSave(text)) setText('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.memoEditor}>
      <label htmlFor={id} className={uiStyles.fieldLabel}>
        {label}
      </label>
      <textarea
        id={id}
        className={`${uiStyles.fieldInput} ${overlayStyles.fieldTextarea} ${styles.memoEditorText}`}
        value={text}
        rows={4}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div className={styles.memoEditorActions}>
        <span className={styles.memoEditorHint}>Ctrl+Enter saves</span>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button size="sm" variant="primary" disabled={empty || busy} onClick={() => void save()}>
          {saveLabel}
        </Button>
      </div>
    </div>
  );
}
