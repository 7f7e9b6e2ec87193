import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { Field } from '../../ui/Field';
import overlayStyles from '../../ui/overlay.module.css';
import type { SetMembersTarget } from '../sets/DocumentSetsDialog';
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
 * Asks before deleting one document or several selected, saying how many codings by how many
 * coders go with them, that it can be undone while the project is open, and that closing the
 * project purges their text.
 */
export function DeleteDocumentDialog({ target, onDone }: { target: SetMembersTarget; onDone: () => void }) {
  const api = useApi();
  const { change, showError } = useChanges();
  const [work, setWork] = useState<{ codings: number; coders: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const { ids, name } = target;

  useEffect(() => {
    let live = true;
    api.call('document.work', { documentIds: [...ids] }).then(
      (w) => live && setWork(w),
      (err: unknown) => live && showError(err),
    );
    return () => {
      live = false;
    };
  }, [api, ids, showError]);

  async function submit() {
    setBusy(true);
    const result = await change('document.delete', { documentIds: [...ids] });
    setBusy(false);
    if (result) onDone();
  }

  const these = name === null ? plural(ids.length, 'document') : `“${name}”`;
  const what =
    work === null
      ? `Counting the codings in ${name === null ? 'them' : 'it'}…`
      : work.codings === 0
        ? `This deletes ${these}. Nobody has coded ${name === null ? 'them' : 'it'} yet.`
        : `This deletes ${these} and the ${plural(work.codings, 'coding')} made in ${name === null ? 'them' : 'it'} by ${plural(work.coders, 'coder')}.`;

  return (
    <DialogModal
      title={`Delete ${these}?`}
      description={what}
      onSubmit={submit}
      onClose={onDone}
      actions={
        <>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" className={overlayStyles.btnDanger} disabled={busy || work === null} data-autofocus="">
            {name === null ? `Delete ${plural(ids.length, 'document')}` : 'Delete document'}
          </Button>
        </>
      }
    >
      <p className={styles.docDialogNote}>
        You can undo this (Ctrl+Z) while the project is open. When the project closes, {name === null ? 'their texts are' : 'the document’s text is'} purged
        from the project and its backups for good.
      </p>
    </DialogModal>
  );
}
