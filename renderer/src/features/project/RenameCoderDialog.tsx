import { useState } from 'react';
import type { Coder } from '../../../../shared/domain/schemas';
import { coderRenameProblem } from '../../../../shared/operations/coder-ops';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import { useChanges, useProject } from '../workbench/state/contexts';

interface RenameCoderDialogProps {
  /** The coders that can be renamed (not the user, not Consensus); at least one. */
  coders: readonly Coder[];
  /** Called after the rename went through, or on cancel. */
  onDone: () => void;
}

/** Renames a coder (undoable): a typo fixed, or a colleague's file that came in under a placeholder name. */
export function RenameCoderDialog({ coders, onDone }: RenameCoderDialogProps) {
  const { project } = useProject();
  const { change } = useChanges();
  const [coderId, setCoderId] = useState(coders[0]!.id);
  const coder = coders.find((c) => c.id === coderId) ?? coders[0]!;
  const [name, setName] = useState(coder.name);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const unchanged = name.trim() === coder.name;
  // The rules the backend applies, shown as the user types once they have tried to submit.
  const problem = unchanged ? null : (coderRenameProblem(project.coders, coderId, name, project.currentCoderId)?.message ?? null);

  async function submit() {
    if (busy || unchanged) return onDone();
    setTried(true);
    if (problem) return;
    setBusy(true);
    const result = await change('coder.rename', { coderId, name: name.trim() });
    setBusy(false);
    if (result) onDone();
  }

  const shown = tried ? problem : null;
  return (
    <DialogModal
      title="Rename a coder"
      description="The new name shows wherever their codings do, and travels with their coder file. You can undo it."
      onSubmit={() => void submit()}
      onClose={onDone}
      actions={
        <>
          <Button onClick={onDone}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || !name.trim()}>
            Rename
          </Button>
        </>
      }
    >
      <SelectField
        label="Coder"
        value={coderId}
        options={coders.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(event) => {
          const next = coders.find((c) => c.id === event.target.value)!;
          setCoderId(next.id);
          setName(next.name);
          setTried(false);
        }}
      />
      <Field
        label="New name"
        value={name}
        maxLength={100}
        aria-invalid={shown ? true : undefined}
        hint={shown ?? undefined}
        onChange={(event) => setName(event.target.value)}
      />
    </DialogModal>
  );
}
