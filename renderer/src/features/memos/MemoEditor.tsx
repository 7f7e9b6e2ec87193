import { useId, useState } from 'react';
import { Button } from '../../ui/Button';
import './memos.css';

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
    <div className="memo-editor">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea
        id={id}
        className="field__input field__textarea memo-editor__text"
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
      <div className="memo-editor__actions">
        <span className="memo-editor__hint">Ctrl+Enter saves</span>
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
