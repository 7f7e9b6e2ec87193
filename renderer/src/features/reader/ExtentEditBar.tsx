import { useState } from 'react';
import { Button } from '../../ui/Button';
import { useWorkbench } from '../workbench/context';
import { useWorkbenchInternals } from '../workbench/internals';
import styles from './reader.module.css';

/** While the user picks a coding's new extent: what to do, and Apply once a passage is selected. */
export function ExtentEditBar({ documentId }: { documentId: string }) {
  const workbench = useWorkbench();
  const { extentEdit, setExtentEdit } = useWorkbenchInternals();
  const [busy, setBusy] = useState(false);
  if (!extentEdit) return null;
  const selection = workbench.selection?.documentId === documentId ? workbench.selection : null;

  async function apply() {
    if (!selection || !extentEdit) return;
    setBusy(true);
    try {
      const result = await workbench.change('coding.setExtent', { codingId: extentEdit.codingId, start: selection.start, end: selection.end });
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
