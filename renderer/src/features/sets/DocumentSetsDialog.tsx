import { useState } from 'react';
import type { DocumentSet } from '../../../../shared/domain/schemas';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { Field } from '../../ui/Field';
import { useChanges, useProject } from '../workbench/state/contexts';
import styles from './sets.module.css';

/** The documents the dialog changes the sets of: one (named in the title) or several selected in the list. */
export interface SetMembersTarget {
  ids: readonly string[];
  /** The one document's name; null for several. */
  name: string | null;
}

/**
 * The document sets of one document or of several, to change: tick a set to put them all in it,
 * untick it to take them all out (a set holding some of them shows a mixed box), make a new set
 * holding them, rename or delete a set (its documents stay). Every change is one undoable step,
 * however many documents it moves.
 */
export function DocumentSetsDialog({ target, onDone }: { target: SetMembersTarget; onDone: () => void }) {
  const { project } = useProject();
  const { change } = useChanges();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const trimmed = name.trim();
  const sets = [...project.sets].sort((a, b) => a.rank - b.rank);
  const documentIds = [...target.ids];
  const several = target.name === null;

  async function create() {
    if (!trimmed) return;
    if (await change('set.create', { name: trimmed, documentIds })) setName('');
  }

  return (
    <DialogModal
      title={several ? `Sets for ${plural(documentIds.length, 'document')}` : `Sets for “${target.name}”`}
      description={
        several
          ? `Tick a set to add all ${plural(documentIds.length, 'document')} to it; untick it to take them all out. Each change can be undone (Ctrl+Z).`
          : 'Tick the sets this document belongs to. Each change can be undone (Ctrl+Z).'
      }
      onSubmit={create}
      onClose={onDone}
      actions={<Button onClick={onDone}>Done</Button>}
    >
      {sets.length > 0 ? (
        <ul className={styles.setList} aria-label="Document sets">
          {sets.map((set) => {
            if (renaming === set.id) return <RenameRow key={set.id} set={set} onDone={() => setRenaming(null)} />;
            const held = new Set(set.documentIds);
            const inSet = documentIds.filter((id) => held.has(id)).length;
            const all = inSet === documentIds.length;
            return (
              <li key={set.id} className={styles.setRow}>
                <label className={styles.setMember}>
                  <input
                    type="checkbox"
                    checked={all}
                    ref={(box) => {
                      // Some of the documents are in the set: neither ticked nor not.
                      if (box) box.indeterminate = inSet > 0 && !all;
                    }}
                    onChange={() => void change('set.members', { setId: set.id, documentIds, member: !all })}
                  />
                  <span className={styles.setName}>{set.name}</span>
                  <span className={styles.setCount}>
                    {plural(set.documentIds.length, 'document')}
                    {several && inSet > 0 && !all ? ` (${inSet} of these)` : ''}
                  </span>
                </label>
                <Button size="sm" variant="ghost" aria-label={`Rename set ${set.name}`} onClick={() => setRenaming(set.id)}>
                  Rename
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Delete set ${set.name}`} onClick={() => void change('set.delete', { setId: set.id })}>
                  Delete
                </Button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className={styles.setNote}>No sets yet. A set groups documents (by wave, site, or case) to filter analyses and exports by.</p>
      )}
      <div className={styles.setNew}>
        <Field
          label={several ? `New set with these ${plural(documentIds.length, 'document')}` : 'New set with this document'}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
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
