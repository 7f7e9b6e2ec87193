import { useState } from 'react';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { Field } from '../../ui/Field';

export interface CoderNameDialogProps {
  /** 'first': the user has no name yet; 'switch': they code as someone else from now on. */
  mode: 'first' | 'switch';
  current: string | null;
  /** The name given, or null when the user put it off; resolves once it has been handled. */
  onDone: (name: string | null) => Promise<void>;
}

/** Asks who is coding: every coding and memo records its coder. */
export function CoderNameDialog({ mode, current, onDone }: CoderNameDialogProps) {
  const [name, setName] = useState(mode === 'switch' ? '' : (current ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();

  async function submit() {
    if (busy) return;
    if (!trimmed) {
      setError('Type a name, as you would like it to appear beside your codings.');
      return;
    }
    setBusy(true);
    try {
      await onDone(trimmed);
    } finally {
      setBusy(false);
    }
  }

  const first = mode === 'first';
  return (
    <DialogModal
      title={first ? 'What’s your name?' : 'Code as someone else'}
      description={
        first
          ? 'Every coding and memo you make records who made it, so a team can compare their work. Your name is kept on this computer, in Marginalia’s settings.'
          : 'Type the name of the person coding now. If they have coded in this project before, their codings are theirs to change again.'
      }
      onSubmit={() => void submit()}
      onClose={() => void onDone(null)}
      actions={
        <>
          <Button onClick={() => void onDone(null)}>{first ? 'Not now' : 'Cancel'}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {first ? 'Continue' : 'Switch'}
          </Button>
        </>
      }
    >
      <Field
        label="Your name"
        value={name}
        maxLength={100}
        autoComplete="name"
        placeholder="e.g. Amara Okafor"
        aria-invalid={error ? true : undefined}
        hint={error ?? 'You can change it later from the top bar.'}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
    </DialogModal>
  );
}
