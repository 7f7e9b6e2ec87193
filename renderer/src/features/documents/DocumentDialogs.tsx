import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { Field } from '../../ui/Field';
import overlayStyles from '../../ui/overlay.module.css';
import { useChanges } from '../workbench/state/contexts';
import styles from './documents.module.css';

interface DocumentDialogProps {
  document: DocumentSummary;
  /** Called after the change went through, or on cancel. */
  onDone: () => void;
}

/** Renames a document (undoable). */
export function RenameDocumentDialog({ document, onDone }: DocumentDialogProps) {
  const { change } = useChanges();
  const [name, setName] = useState(document.name);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();

  async function submit() {
    if (!trimmed || trimmed === document.name) return onDone();
    setBusy(true);
    const result = await change('document.rename', { documentId: document.id, name: trimmed });
    setBusy(false);
    if (result) onDone();
  }

  return (
    <DialogModal
      title={`Rename “${document.name}”`}
      onSubmit={submit}
      onClose={onDone}
      actions={
        <>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || !trimmed}>
            Rename
          </Button>
        </>
      }
    >
      <Field label="Name" value={name} maxLength={300} onChange={(event) => setName(event.target.value)} />
    </DialogModal>
  );
}

/**
 * Asks before deleting a document, saying how many codings by how many coders go with it, that
 * it can be undone while the project is open, and that closing the project purges its text.
 */
export function DeleteDocumentDialog({ document, onDone }: DocumentDialogProps) {
  const api = useApi();
  const { change, showError } = useChanges();
  const [work, setWork] = useState<{ codings: number; coders: number } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('document.work', { documentId: document.id }).then(
      (w) => live && setWork(w),
      (err: unknown) => live && showError(err),
    );
    return () => {
      live = false;
    };
  }, [api, document.id, showError]);

  async function submit() {
    setBusy(true);
    const result = await change('document.delete', { documentId: document.id });
    setBusy(false);
    if (result) onDone();
  }

  const what =
    work === null
      ? 'Counting the codings in it…'
      : work.codings === 0
        ? `This deletes “${document.name}”. Nobody has coded it yet.`
        : `This deletes “${document.name}” and the ${plural(work.codings, 'coding')} made in it by ${plural(work.coders, 'coder')}.`;

  return (
    <DialogModal
      title={`Delete “${document.name}”?`}
      description={what}
      onSubmit={submit}
      onClose={onDone}
      actions={
        <>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" className={overlayStyles.btnDanger} disabled={busy || work === null} data-autofocus="">
            Delete document
          </Button>
        </>
      }
    >
      <p className={styles.docDialogNote}>
        You can undo this (Ctrl+Z) while the project is open. When the project closes, the document’s text is purged from the project and its backups
        for good.
      </p>
    </DialogModal>
  );
}
