import { useState } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import type { DocumentSet } from '../../../../shared/domain/schemas';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { Field } from '../../ui/Field';
import { useChanges, useProject } from '../workbench/state/contexts';
import styles from './sets.module.css';

/**
 * The document sets one document is in, to change: tick or untick a set, make a new one holding
 * the document, rename or delete a set (its documents stay). Every change is its own undoable step.
 */
export function DocumentSetsDialog({ document, onDone }: { document: DocumentSummary; onDone: () => void }) {
  const { project } = useProject();
  const { change } = useChanges();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const trimmed = name.trim();
  const sets = [...project.sets].sort((a, b) => a.rank - b.rank);

  async function create() {
    if (!trimmed) return;
    if (await change('set.create', { name: trimmed, documentIds: [document.id] })) setName('');
  }

  return (
    <DialogModal
      title={`Sets for “${document.name}”`}
      description="Tick the sets this document belongs to. Each change can be undone (Ctrl+Z)."
      onSubmit={create}
      onClose={onDone}
      actions={<Button onClick={onDone}>Done</Button>}
    >
      {sets.length > 0 ? (
        <ul className={styles.setList} aria-label="Document sets">
          {sets.map((set) =>
            renaming === set.id ? (
              <RenameRow key={set.id} set={set} onDone={() => setRenaming(null)} />
            ) : (
              <li key={set.id} className={styles.setRow}>
                <label className={styles.setMember}>
                  <input
                    type="checkbox"
                    checked={set.documentIds.includes(document.id)}
                    onChange={(event) => void change('set.members', { setId: set.id, documentIds: [document.id], member: event.target.checked })}
                  />
                  <span className={styles.setName}>{set.name}</span>
                  <span className={styles.setCount}>{plural(set.documentIds.length, 'document')}</span>
                </label>
                <Button size="sm" variant="ghost" aria-label={`Rename set ${set.name}`} onClick={() => setRenaming(set.id)}>
                  Rename
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Delete set ${set.name}`} onClick={() => void change('set.delete', { setId: set.id })}>
                  Delete
                </Button>
              </li>
            ),
          )}
        </ul>
      ) : (
        <p className={styles.setNote}>No sets yet. A set groups documents (by wave, site, or case) to filter analyses and exports by.</p>
      )}
      <div className={styles.setNew}>
        <Field label="New set with this document" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        <Button type="submit" disabled={!trimmed}>
          Create set
        </Button>
      </div>
    </DialogModal>
  );
}

/** A set's name as a box to edit: Enter or Save renames it, Escape leaves it (and not the dialog). */
function RenameRow({ set, onDone }: { set: DocumentSet; onDone: () => void }) {
  const { change } = useChanges();
  const [name, setName] = useState(set.name);
  async function save() {
    const trimmed = name.trim();
    if (trimmed && trimmed !== set.name && !(await change('set.rename', { setId: set.id, name: trimmed }))) return;
    onDone();
  }
  return (
    <li className={styles.setRow}>
      <input
        className={styles.setRename}
        aria-label={`New name for set ${set.name}`}
        value={name}
        maxLength={200}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onDone();
          }
        }}
      />
      <Button size="sm" onClick={() => void save()}>
        Save
      </Button>
    </li>
  );
}
