import { useState } from 'react';
import { Button } from '../../ui/Button';
import styles from './ExtentEditBar.module.css';
import { useChanges, useDocument, useDocumentActions } from '../workbench/state/contexts';

/** While the user picks a coding's new extent: what to do, and Apply once a passage is selected. */
export function ExtentEditBar({ documentId }: { documentId: string }) {
  const { change } = useChanges();
  const { extentEdit, selection: anySelection } = useDocument();
  const { setExtentEdit } = useDocumentActions();
  const [busy, setBusy] = useState(false);
  if (!extentEdit) return null;
  const selection = anySelection?.documentId === documentId ? anySelection : null;

  async function apply() {
    if (!selection || !extentEdit) return;
    setBusy(true);
    try {
      const result = await change('coding.setExtent', { codingId: extentEdit.codingId, start: selection.start, end: selection.end });
      if (result) setExtentEdit(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.extentBar} role="group" aria-label="Change a coding’s extent">
      <p className={styles.extentBarText}>
        {selection ? (
          <>Apply the selected passage as the new extent of this <strong>{extentEdit.codeName}</strong> coding?</>
        ) : (
          <>
            Select the new extent of this <strong>{extentEdit.codeName}</strong> coding in the text.
          </>
        )}
      </p>
      <Button size="sm" onClick={() => setExtentEdit(null)}>
        Cancel
      </Button>
      <Button size="sm" variant="primary" disabled={!selection || busy} onClick={() => void apply()}>
        Apply
      </Button>
    </div>
  );
}
